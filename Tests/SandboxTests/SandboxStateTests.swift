import Foundation
import Testing
@testable import Sandbox

@Suite struct SandboxStateTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func embeddedFixturesParseAndLoad() async throws {
        for fixture in [SandboxFixture.generic, .examples] {
            #expect(fixture != .empty)
            let sandbox = try SandboxServer(configuration: SandboxConfiguration(fixture: fixture))
            let state = await sandbox.exportState()
            for platform in SandboxPlatform.allCases { #expect(state[platform.rawValue]?.objectValue?.isEmpty == false) }
        }
    }

    @Test func exportedStateIsAValidFixtureThatRoundTrips() async throws {
        let sandbox = try SandboxServer(configuration: SandboxConfiguration(fixture: .generic))
        let state = await sandbox.exportState()
        let again = try SandboxServer(configuration: SandboxConfiguration(fixture: SandboxFixture(json: state)))
        #expect(await again.exportState() == state)
    }

    @Test func stateSurvivesARestartThroughTheStateFile() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state.json")
        let configuration = SandboxConfiguration(fixture: .generic, stateFile: file)
        let created = try await withSandbox(configuration) { _, endpoints in
            #expect(FileManager.default.fileExists(atPath: file.path))
            let response = try await TestClient().json("POST", .at(endpoints.topsort, "/public/v1/campaign-service/campaigns"), json(#"""
                {"vendorId": "vendor-2", "name": "Persisted", "budget": {"amount": 1999, "type": "daily"},
                 "startDate": "2030-01-01T00:00:00Z", "endDate": "2030-02-01T00:00:00Z"}
                """#), headers: ["Authorization": "Bearer k"])
            #expect(response.status == 201)
            // Saved before the response was sent.
            let saved = try SandboxJSON.parse(Data(contentsOf: file))
            #expect(saved["topsort"]?["campaigns"]?.arrayValue?.contains { $0["name"] == .string("Persisted") } == true)
            return response.json?["campaignId"]
        }
        // A fixture given next time is ignored: the state file wins.
        try await withSandbox(SandboxConfiguration(fixture: .empty, stateFile: file)) { _, endpoints in
            let list = try await TestClient().send("GET", .at(endpoints.topsort, "/v1/campaign-service/campaigns", [("vendor_id", "vendor-2")]),
                                                  headers: ["Authorization": "Bearer k"])
            let campaign = try #require(list.json?["campaigns"]?.arrayValue?.first { $0["name"] == .string("Persisted") })
            #expect(campaign["campaignId"] == created)
            #expect(campaign["budget"]?["amount"] == .integer(1999))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["state.json"])
    }

    /// A Jivox status request moves an export along its lifecycle: that is a change, and it is saved, so
    /// an export that completed (or failed) in one run is seen so by the next instead of started forever.
    @Test func exportProgressMadeByStatusRequestsIsSaved() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state.json")
        let auth = ["Authorization": "Bearer key"]
        let base = "/v2/accounts/acc-1/retail-campaigns/102/"
        try await withSandbox(SandboxConfiguration(fixture: .generic, stateFile: file)) { _, endpoints in
            let started = try await TestClient().json("POST", .at(endpoints.jivox, base + "exportAssets"),
                                                      json(#"{"assetExportType": "png", "resolution": "1"}"#), headers: auth)
            #expect(started.status == 200)
            for _ in 0..<3 { _ = try await TestClient().send("GET", .at(endpoints.jivox, base + "exportAssetStatus"), headers: auth) }
        }
        let saved = try SandboxJSON.parse(Data(contentsOf: file))
        let campaign = saved["jivox"]?["retailCampaigns"]?.arrayValue?.first { $0["idx"] == .integer(102) && $0["account"] == .string("acc-1") }
        let export = campaign?["exports"]?.arrayValue?.first { $0["assetExportType"] == .string("png") && $0["resolution"] == .integer(1) }
        #expect(export?["status"] == .string("COMPLETED"))
    }

    @Test func failedAndReadOnlyRequestsDoNotWriteTheStateFile() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state.json")
        try await withSandbox(SandboxConfiguration(fixture: .generic, stateFile: file)) { _, endpoints in
            try FileManager.default.removeItem(at: file)
            _ = try await TestClient().send("GET", .at(endpoints.topsort, "/v1/campaign-service/campaigns"), headers: ["Authorization": "Bearer k"])
            _ = try await TestClient().json("POST", .at(endpoints.topsort, "/public/v1/campaign-service/campaigns"), .object([]), headers: ["Authorization": "Bearer k"])
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
    }

    @Test func theStateFileFolderIsMadeButAFileInTheWayFailsToStart() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent(".reconcile/sandbox.json")
        try await withSandbox(SandboxConfiguration(stateFile: nested)) { _, _ in
            #expect(FileManager.default.fileExists(atPath: nested.path))
        }
        let blocker = folder.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: blocker)
        let sandbox = try SandboxServer(configuration: SandboxConfiguration(stateFile: blocker.appendingPathComponent("state.json")))
        await #expect(throws: SandboxError.self) { _ = try await sandbox.start() }
        #expect(await sandbox.endpoints == nil)
    }

    @Test func theRequestLogKeepsTheNewestEntriesAndReportsEachOne() async throws {
        let seen = LockedClockValue(Date(timeIntervalSince1970: 0))
        let configuration = SandboxConfiguration(requestLogCapacity: 3, requestObserver: { entry in
            seen.value = Date(timeIntervalSince1970: TimeInterval(entry.sequence))
        })
        try await withSandbox(configuration) { sandbox, endpoints in
            for offset in 0..<5 {
                _ = try await TestClient().send("GET", .at(endpoints.topsort, "/v1/campaign-service/campaigns", [("offset", String(offset))]),
                                                headers: ["Authorization": "Bearer k"])
            }
            #expect(sandbox.requestLog.entries.map(\.sequence) == [3, 4, 5])
            #expect(sandbox.requestLog.entries.map { $0.queryValue("offset") } == ["2", "3", "4"])
            #expect(seen.value == Date(timeIntervalSince1970: 5))
            sandbox.requestLog.clear()
            #expect(sandbox.requestLog.entries.isEmpty)
        }
    }

    @Test(arguments: [
        (#"{"nextroll": {"campaigns": [{"eid": "C1", "advertisable": "NOPE", "budget": 10}]}}"#, "nextroll.campaigns[0].advertisable"),
        (#"{"nextroll": {"advertisables": [{"eid": "A"}], "campaigns": [{"eid": "C1", "advertisable": "A"}]}}"#, "nextroll.campaigns[0].budget"),
        (#"{"nextroll": {"advertisables": [{"eid": "A"}, {"eid": "A"}]}}"#, "nextroll.advertisables[1].eid"),
        (#"{"nextroll": {"advertisables": [{"eid": "A,B"}]}}"#, "nextroll.advertisables[0].eid"),
        (#"{"criteo": {"advertisers": [{"id": "1"}], "campaigns": [{"id": "2", "name": "x", "advertiserId": "1", "spendLimit": {"spendLimitType": "capped"}}]}}"#,
         "criteo.campaigns[0].spendLimit.spendLimitRenewal"),
        (#"{"topsort": {"vendors": [{"id": "v"}], "campaigns": [{"vendorId": "v", "name": "x", "budget": {"amount": 1.5, "type": "daily"}}]}}"#,
         "topsort.campaigns[0].budget.amount"),
        (#"{"jivox": {"accounts": [{"id": "a"}], "retailCampaigns": [{"account": "a", "idx": 1, "status": "LIVE"}]}}"#, "jivox.retailCampaigns[0].status"),
        (#"{"jivox": {"accounts": [{"id": "a"}], "retailCampaigns": [{"account": "b", "idx": 1}]}}"#, "jivox.retailCampaigns[0].account"),
        (#"{"nextroll": {"advertisables": [{"eid": "A"}], "campaigns": [{"eid": "C1", "advertisable": "A", "budget": 7}], "adgroups": [{"eid": "G1", "campaign": "C2"}]}}"#,
         "nextroll.adgroups[0].campaign"),
        // The segment and the ad exist, but in another advertisable than the ad group's campaign.
        (#"{"nextroll": {"advertisables": [{"eid": "A"}, {"eid": "B"}], "segments": [{"eid": "S1", "advertisable": "B"}], "campaigns": [{"eid": "C1", "advertisable": "A", "budget": 7}], "adgroups": [{"eid": "G1", "campaign": "C1", "segments": ["S1"]}]}}"#,
         "nextroll.adgroups[0].segments"),
        (#"{"nextroll": {"advertisables": [{"eid": "A"}, {"eid": "B"}], "ads": [{"eid": "D1", "advertisable": "B"}], "campaigns": [{"eid": "C1", "advertisable": "A", "budget": 7}], "adgroups": [{"eid": "G1", "campaign": "C1", "ads": ["D1"]}]}}"#,
         "nextroll.adgroups[0].ads"),
        (#"{"nextroll": {}, "criteo": {}, "topsort": {}, "jivox": {}, "extra": {}}"#, "extra"),
        (#"{"format": "reconcile-sandbox/9"}"#, "format"),
    ])
    func invalidFixturesAreRejectedWithThePath(_ text: String, _ path: String) {
        do {
            let fixture = try SandboxFixture(data: Data(text.utf8), source: "test.json")
            _ = try SandboxServer(configuration: SandboxConfiguration(fixture: fixture))
            Issue.record("expected the fixture to be rejected")
        } catch {
            guard case .invalidFixture(let source, let problem) = error else { Issue.record("unexpected \(error)"); return }
            #expect(source == "test.json")
            #expect(problem.path == path)
            #expect(error.description.hasPrefix("test.json: \(path): "))
        }
    }

    @Test func unreadableFixtureFiles() {
        #expect(throws: SandboxError.self) { try SandboxFixture.load(contentsOf: URL(fileURLWithPath: "/nonexistent/fixture.json")) }
        #expect(throws: SandboxError.self) { try SandboxFixture(data: Data("{".utf8)) }
    }

    @Test func provisioningIsIdempotentAndReportsWhatIsNew() async throws {
        let sandbox = try SandboxServer(configuration: SandboxConfiguration(fixture: .generic))
        let accounts: [SandboxAccount] = [
            .nextrollSegment(eid: "SEGNEW", advertisable: "ADVNEW"), .nextrollAdvertisable(eid: "ADVNEW"), .nextrollAd(eid: "ADNEW", advertisable: "ADVNEW"),
            .nextrollAdvertisable(eid: "ADVGENERIC000000000001"), .criteoAdvertiser(id: "555"), .criteoAdvertiser(id: "12345"),
            .topsortVendor(id: "vendor-1"), .topsortVendor(id: "vendor-9"), .jivoxAccount(id: "acc-2"), .jivoxRetailCampaign(account: "acc-2", idx: 7),
            .jivoxRetailCampaign(account: "acc-1", idx: 101),
        ]
        let added = try await sandbox.provision(accounts)
        #expect(added == [.nextrollSegment(eid: "SEGNEW", advertisable: "ADVNEW"), .nextrollAdvertisable(eid: "ADVNEW"),
                          .nextrollAd(eid: "ADNEW", advertisable: "ADVNEW"), .criteoAdvertiser(id: "555"), .topsortVendor(id: "vendor-9"),
                          .jivoxAccount(id: "acc-2"), .jivoxRetailCampaign(account: "acc-2", idx: 7)])
        #expect(try await sandbox.provision(accounts) == [])
        #expect(await sandbox.jivox.campaignStatus(account: "acc-2", idx: 7) == "DRAFT")
        await #expect(throws: SandboxError.self) { try await sandbox.provision([.nextrollSegment(eid: "S", advertisable: "MISSING")]) }
        await #expect(throws: SandboxError.self) { try await sandbox.provision([.jivoxRetailCampaign(account: "nobody", idx: 1)]) }
        await #expect(throws: SandboxError.self) { try await sandbox.provision([.nextrollAdvertisable(eid: "A,B")]) }
        await #expect(throws: SandboxError.self) { try await sandbox.provision([.nextrollSegment(eid: "SEG 1", advertisable: "ADVNEW")]) }
        await #expect(throws: SandboxError.self) { try await sandbox.provision([.topsortMarketplace(id: "5b0e8c1a-7d2f-4e3a-9b4c-6d5e7f8a9b0c")]) }
        let empty = try SandboxServer()
        #expect(try await empty.provision([.topsortMarketplace(id: "5b0e8c1a-7d2f-4e3a-9b4c-6d5e7f8a9b0c")]).count == 1)
        #expect(await empty.topsort.marketplace == "5b0e8c1a-7d2f-4e3a-9b4c-6d5e7f8a9b0c")
    }

    @Test func provisionedAccountsServeAtOnce() async throws {
        try await withSandbox { sandbox, endpoints in
            try await sandbox.provision([.nextrollAdvertisable(eid: "ADV1"), .nextrollSegment(eid: "SEG1", advertisable: "ADV1")])
            let url = URL.at(endpoints.nextroll, "/api/v1/advertisable/get_segments", [("advertisable", "ADV1"), ("apikey", "k")])
            let response = try await TestClient().send("GET", url, headers: ["Authorization": "Bearer t"])
            #expect(response.json?["results"]?[0]?["eid"] == .string("SEG1"))
        }
    }

    @Test func identifiersRepeatForASeed() async throws {
        func createdIDs(seed: UInt64) async throws -> [String] {
            try await withSandbox(SandboxConfiguration(seed: seed, fixture: .generic)) { _, endpoints in
                var ids: [String] = []
                for _ in 0..<3 {
                    let url = URL.at(endpoints.nextroll, "/api/v1/campaign/create", [("apikey", "k")])
                    let response = try await TestClient().form("POST", url, [("advertisable", "ADVGENERIC000000000001"), ("budget", "70")],
                                                               headers: ["Authorization": "Bearer t"])
                    ids.append(response.json?["results"]?["eid"]?.stringValue ?? "")
                }
                return ids
            }
        }
        let first = try await createdIDs(seed: 9)
        #expect(try await createdIDs(seed: 9) == first)
        #expect(try await createdIDs(seed: 10) != first)
        #expect(Set(first).count == 3)
    }
}
