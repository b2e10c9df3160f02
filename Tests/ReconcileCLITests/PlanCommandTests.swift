import Foundation
import Testing

@Suite("reconcile plan")
struct PlanCommandTests {
    static let fixture = ReconcileProcess.packageRoot.appendingPathComponent("Tests/ReconcileCLITests/Fixtures/examples-live-state.json")

    /// The examples' live state with `replacements` applied, in a temporary file.
    static func liveState(_ replacements: [(String, String)]) throws -> URL {
        var text = try String(contentsOf: fixture, encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old), "fixture lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Retention EU runs at 100/day instead of 123.45, Weekend Flash Deals is serving, and an
    /// undeclared NextRoll campaign is serving (the examples prune it).
    static func drifted() throws -> URL {
        try liveState([
            ("\"amount\": 123.45", "\"amount\": 100.00"),
            ("\"status\": \"paused\",\n          \"budget\": { \"amount\": \"300.00\"", "\"status\": \"active\",\n          \"budget\": { \"amount\": \"300.00\""),
            ("\"campaigns\": [\n        {\n          \"id\": \"CMPSPRING0000000000001\"",
             "\"campaigns\": [\n        { \"id\": \"CMPLEGACY0000000000001\", \"name\": \"Legacy Remarketing\", \"status\": \"active\", "
                + "\"budget\": { \"amount\": \"70.00\", \"period\": \"weekly\" } },\n        {\n          \"id\": \"CMPSPRING0000000000001\""),
        ])
    }

    @Test func examplesInSyncHaveNoChanges() async throws {
        let result = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", Self.fixture.path, "--detailed-exitcode"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Spend ceiling (daily equivalent):\n  nextroll-us  USD"))
        #expect(result.stdout.contains("criteo-eu    EUR  1954.01 + 1 uncapped → 1954.01 + 1 uncapped"))
        #expect(result.stdout.hasSuffix("No changes. The live accounts match the manifests.\n"))
        #expect(!result.allOutput.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func driftShowsTheOrderedPlanAndExitsTwo() async throws {
        let live = try Self.drifted()
        defer { try? FileManager.default.removeItem(at: live) }
        let result = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path, "--detailed-exitcode"])
        #expect(result.status == 2, "\(result.stderr)")
        let out = result.stdout
        let pause = try #require(out.range(of: "  - pause    nextroll-us/campaign/Legacy Remarketing\n      status: active → paused\n"))
        let flash = try #require(out.range(of: "  - pause    topsort-mkt/campaign/Weekend Flash Deals\n"))
        let raise = try #require(out.range(of: "  ~ update   criteo-eu/campaign/Retention EU\n      budget: 100.00 EUR daily → 123.45 EUR daily\n"))
        #expect(pause.lowerBound < raise.lowerBound && flash.lowerBound < raise.lowerBound, "pauses come before the increase")
        #expect(out.contains("why:   no manifest declares it and `nextroll-us` has `prune: pause`"))
        #expect(out.hasSuffix("Plan: 2 to pause, 1 to update.\n"))
        // Without --detailed-exitcode a successful plan exits 0.
        let plain = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path])
        #expect(plain.status == 0)
        #expect(plain.stdout == out)
    }

    @Test func jsonAndMarkdownFormats() async throws {
        let live = try Self.drifted()
        defer { try? FileManager.default.removeItem(at: live) }
        let json = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["format_version"] as? Int == 1)
        #expect((document["summary"] as? [String: Any])?["pause"] as? Int == 2)
        #expect((document["actions"] as? [[String: Any]])?.first?["id"] as? String == "pause nextroll-us/campaign/Legacy Remarketing")
        #expect(json.stderr.contains("Plan: 2 to pause, 1 to update."))

        let markdown = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path, "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("## reconcile plan\n\n**Plan: 2 to pause, 1 to update.**\n\n### Spend ceiling (daily equivalent)"))
        #expect(markdown.stdout.contains("| `nextroll-us` | USD | 110.00 | 100.00 | **-10.00** |"))
        #expect(markdown.stdout.contains("| `criteo-eu` | EUR | 1930.56 + 1 uncapped | 1954.01 + 1 uncapped | **+23.45** |"))
    }

    @Test func outSavesTheFingerprintedPlan() async throws {
        let live = try Self.drifted()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).json")
        defer {
            try? FileManager.default.removeItem(at: live)
            try? FileManager.default.removeItem(at: out)
        }
        let result = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path, "--out", out.path],
                                              environment: ["NEXTROLL_API_KEY": "sk-live-do-not-print", "TOPSORT_API_KEY": "ts-secret-value"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Saved the plan to \(out.path)"))
        let saved = try String(contentsOf: out, encoding: .utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any])
        let fingerprints = try #require(document["fingerprints"] as? [[String: Any]])
        #expect(fingerprints.map { $0["address"] as? String } == [
            "criteo-eu/campaign/Retention EU", "nextroll-us/campaign/Legacy Remarketing", "topsort-mkt/campaign/Weekend Flash Deals",
        ])
        #expect(fingerprints.allSatisfy { ($0["fingerprint"] as? String)?.hasPrefix("fnv1a64:") == true })
        for secret in ["sk-live-do-not-print", "ts-secret-value"] {
            #expect(!saved.contains(secret) && !result.allOutput.contains(secret))
        }
        #expect(saved.contains("env:NEXTROLL_API_KEY"))
    }

    @Test func unsafePlansArePrintedThenRefusedUnlessOverridden() async throws {
        // Criteo's capped campaigns at a tenth of their budgets: planning them back raises the ceiling far past 150%.
        let live = try Self.liveState([(#""amount": 123.45"#, #""amount": 12.34"#), (#""amount": 4000,"#, #""amount": 400,"#),
                                       (#""lifetime_spent": "812.30""#, #""lifetime_spent": "2400""#)])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).json")
        defer {
            try? FileManager.default.removeItem(at: live)
            try? FileManager.default.removeItem(at: out)
        }
        let refused = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path, "--out", out.path, "--detailed-exitcode"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("~ update   criteo-eu/campaign/Retention EU"), "the plan is still shown")
        #expect(refused.stderr.contains("error: refusing an unsafe plan:"))
        #expect(refused.stderr.contains("  - criteo-eu: the plan raises the daily-equivalent spend ceiling from 126.63 EUR to 366.31 EUR "
            + "(+239.68 EUR, +189.3%), more than max_spend_increase_percent 150%\n"))
        #expect(!refused.stderr.contains("max_change_percent"), "2 of 4 campaigns edited is not more than half")
        #expect(refused.stderr.contains("run again with --allow-unsafe"))
        #expect(!FileManager.default.fileExists(atPath: out.path), "a refused plan is not saved")

        let allowed = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path, "--out", out.path,
                                                "--detailed-exitcode", "--allow-unsafe"])
        #expect(allowed.status == 2, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("--allow-unsafe was given, so the plan is not refused"))
        #expect(FileManager.default.fileExists(atPath: out.path))
    }

    @Test func providerAndTargetNarrowThePlan() async throws {
        let live = try Self.drifted()
        defer { try? FileManager.default.removeItem(at: live) }
        let topsort = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path, "--provider", "topsort-mkt"])
        #expect(topsort.status == 0)
        #expect(topsort.stdout.hasSuffix("Plan: 1 to pause.\n"))
        #expect(!topsort.stdout.contains("nextroll-us"))
        let target = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path,
                                               "--target", "criteo-eu/campaign/Retention EU"])
        #expect(target.status == 0)
        #expect(target.stdout.hasSuffix("Plan: 1 to update.\n"))

        let typo = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path, "--provider", "topsort-mk"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("error: --provider `topsort-mk` is not a provider alias in the manifests\n= did you mean `topsort-mkt`?"))
        let nothing = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path, "--target", "nextroll-us/campaign/Nope"])
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("error: nextroll-us/campaign/Nope: --target names nothing in the manifests or the live accounts"))
        let malformed = try await ReconcileProcess.run(["plan", "examples/manifests", "--live-state", live.path, "--target", "nextroll-us/campaign"])
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("error: --target `nextroll-us/campaign` is not a resource address"))
    }

    @Test func badInputIsAClearErrorAndChangesNothing() async throws {
        let folder = try ManifestFolder(["live.json": "{\n  \"format_version\": 1,\n  \"providers\": { \"nextroll-us\": { \"type\": \"nextroll\", \"account\": 7 } }\n}\n",
                                         "broken.json": "{\n  \"providers\": {\n    \"x\": [1, 2,]\n  }\n}\n"])
        defer { folder.remove() }
        let root = ReconcileProcess.packageRoot.appendingPathComponent("examples/manifests").path
        let typed = try await ReconcileProcess.run(["plan", root, "--live-state", "live.json"], in: folder.url)
        #expect(typed.status == 1)
        #expect(typed.stderr.contains("error: live.json: providers.nextroll-us.account: expected a string, found a number"))
        #expect(typed.stdout.isEmpty)
        let syntax = try await ReconcileProcess.run(["plan", root, "--live-state", "broken.json"], in: folder.url)
        #expect(syntax.status == 1)
        #expect(syntax.stderr.contains("error: broken.json:3:16: expected a JSON value, found `]`"))
        let missing = try await ReconcileProcess.run(["plan", root, "--live-state", "nope.json"], in: folder.url)
        #expect(missing.stderr.contains("error: nope.json: cannot read the file (check the path given to --live-state)"))
        let none = try await ReconcileProcess.run(["plan", root], in: folder.url)
        #expect(none.status == 1)
        // Without --live-state the accounts are fetched: every missing credential is named, before any call.
        #expect(none.stderr.contains("provider `nextroll-us` (NextRoll) needs NEXTROLL_API_KEY (api_key), NEXTROLL_TOKEN (token) in the environment"))
        #expect(none.stderr.contains("provider `criteo-eu` (Criteo) needs CRITEO_CLIENT_ID (client_id), CRITEO_CLIENT_SECRET (client_secret)"))
        #expect(none.stderr.contains("or run against the simulators with --sandbox"))
    }

    @Test func invalidManifestsAreReportedAsByValidate() async throws {
        let folder = try ManifestFolder(["m.yaml": "providers:\n  nr: { type: nextroll, advertisable: ADV1, currency: USD }\ncampaigns:\n  - { name: A, provider: nr, budjet: 1 }\n"])
        defer { folder.remove() }
        let result = try await ReconcileProcess.run(["plan", ".", "--live-state", Self.fixture.path], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("m.yaml:4:30: error: unknown key `budjet` in campaign"))
    }

    @Test func helpDescribesTheCommand() async throws {
        let result = try await ReconcileProcess.run(["help", "plan"])
        #expect(result.status == 0)
        for text in ["USAGE: reconcile plan [PATH] [options]", "--format text|json|markdown", "--detailed-exitcode", "--out FILE",
                     "--live-state FILE", "--allow-unsafe", "--target ADDRESS"] {
            #expect(result.stdout.contains(text), "help lacks \(text)")
        }
        #expect(try await ReconcileProcess.run(["--help"]).stdout.contains("  plan "))
    }
}
