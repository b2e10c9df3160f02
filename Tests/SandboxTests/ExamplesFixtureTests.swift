import Foundation
import Testing
@testable import Sandbox

/// The examples fixture must hold every account and resource the manifests in `examples/` name, so
/// `--sandbox` runs of the examples find them; and it must show the states the first plan relies on.
@Suite struct ExamplesFixtureTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    /// Every manifest's text, concatenated.
    func manifestText() throws -> String {
        let files = FileManager.default.enumerator(atPath: Self.examples.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") } ?? []
        #expect(!files.isEmpty)
        return try files.map { try String(contentsOf: Self.examples.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }

    /// Values written after `key:` in the manifests.
    func values(of key: String, in text: String) -> Set<String> {
        var found = Set<String>()
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: key + ":") else { continue }
            let value = line[range.upperBound...].split(separator: "#")[0].trimmingCharacters(in: CharacterSet(charactersIn: " \"',}"))
            if !value.isEmpty { found.insert(value) }
        }
        return found
    }

    @Test func everyAccountAndEIDTheExamplesNameExists() async throws {
        let text = try manifestText()
        let state = await (try SandboxServer(configuration: SandboxConfiguration(fixture: .examples))).exportState()
        let nextroll = state["nextroll"]
        let known = Set(["advertisables", "segments", "ads"].flatMap { nextroll?[$0]?.arrayValue ?? [] }.compactMap { $0["eid"]?.stringValue })
        for advertisable in values(of: "advertisable", in: text) { #expect(known.contains(advertisable), "advertisable \(advertisable)") }
        // NextRoll EIDs are 22 upper-case letters and digits; geo target EIDs (ending GEO) are locations, not resources.
        let eids = text.matches(of: /\b[A-Z0-9]{22}\b/).map { String($0.output) }.filter { !$0.hasSuffix("GEO") }
        #expect(!eids.isEmpty)
        for eid in eids { #expect(known.contains(eid), "EID \(eid)") }
        let advertisers = Set(state["criteo"]?["advertisers"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
        for advertiser in values(of: "advertiser", in: text) { #expect(advertisers.contains(advertiser), "advertiser \(advertiser)") }
        let vendors = Set(state["topsort"]?["vendors"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
        for vendor in values(of: "vendor", in: text) { #expect(vendors.contains(vendor), "vendor \(vendor)") }
        let retail = state["jivox"]?["retailCampaigns"]?.arrayValue ?? []
        for account in values(of: "account", in: text) { #expect(retail.contains { $0["account"] == .string(account) }, "account \(account)") }
        for idx in values(of: "idx", in: text) { #expect(retail.contains { $0["idx"]?.intValue == Int(idx) }, "retail campaign \(idx)") }
    }

    @Test func thePausedCampaignIsOnlyFoundWhenAskingForInactiveOnes() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .examples)) { _, endpoints in
            func names(active: Bool) async throws -> [String] {
                let url = URL.at(endpoints.nextroll, "/api/v1/advertisable/get_campaigns_fast",
                                 [("advertisable", "K3V7ZQ2MXRFQBDN5HYT8AD"), ("is_active", active ? "true" : "false"), ("apikey", "k")])
                let response = try await TestClient().send("GET", url, headers: ["Authorization": "Bearer t"])
                return response.json?["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            }
            let active = try await names(active: true)
            let inactive = try await names(active: false)
            #expect(active == ["Spring Sale Retargeting", "Winter Clearance 2025"])
            #expect(inactive == ["Summer Sale 2025", "Back to School 2025"])
        }
    }
}
