import Foundation
import Testing

/// `reconcile apply` end to end against the in-process sandbox (state in `.reconcile/` of a temp folder).
@Suite("reconcile apply")
struct ApplyCommandTests {
    static let manifest = """
        providers:
          nr: { type: nextroll, advertisable: ADVAPPLY001, currency: USD, safety: { max_spend_increase_percent: 400 } }
        campaigns:
          - name: Always On
            provider: nr
            budget: { amount: 70.00, period: daily }
            adgroups:
              - { name: Buyers, segments: { include: [SEGBUY] }, ads: [ADBUY] }
          - name: Weekend
            provider: nr
            status: paused
            budget: { amount: 140.00, period: weekly }
        """

    /// Distinctive credential values: none may ever be printed or written.
    static let secrets = ["NEXTROLL_API_KEY": "nrkey-5f1e9a77c3d2", "NEXTROLL_TOKEN": "nrtok-81b0c6e4aa19"]

    static func decode(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func applyThenPlanShowsNoChangesAndSecretsNeverAppear() async throws {
        let folder = try ManifestFolder(["m.yaml": Self.manifest])
        defer { folder.remove() }
        let applied = try await ReconcileProcess.run(["apply", "--sandbox", "--report", "report.json", "--out-of-band-check-never"], in: folder.url,
                                                     environment: Self.secrets)
        #expect(applied.status == 1, "unknown options are refused")
        let apply = try await ReconcileProcess.run(["apply", "--sandbox", "--report", "report.json", "m.yaml"], in: folder.url, environment: Self.secrets)
        #expect(apply.status == 0, "\(apply.allOutput)")
        #expect(apply.stdout.contains("✓ create nr/campaign/Always On (id "))
        #expect(apply.stdout.contains("Apply: 4 succeeded."))
        #expect(apply.stderr.contains("nr: 4 done, finished"))
        let report = try Self.decode(try String(contentsOf: folder.url.appendingPathComponent("report.json"), encoding: .utf8))
        #expect(report["result"] as? String == "succeeded")
        let actions = try #require(report["actions"] as? [[String: Any]])
        #expect(actions.count == 4)
        #expect(actions.allSatisfy { ($0["calls"] as? [[String: Any]])?.count == 1 })

        let plan = try await ReconcileProcess.run(["plan", "--sandbox", "--detailed-exitcode", "--out", "plan.json", "m.yaml"], in: folder.url,
                                                  environment: Self.secrets)
        #expect(plan.status == 0, "\(plan.allOutput)")
        #expect(plan.stdout.hasSuffix("No changes. The live accounts match the manifests.\n"))

        let written = try String(contentsOf: folder.url.appendingPathComponent("plan.json"), encoding: .utf8)
            + String(contentsOf: folder.url.appendingPathComponent("report.json"), encoding: .utf8)
            + String(contentsOf: folder.url.appendingPathComponent(".reconcile/sandbox.json"), encoding: .utf8)
        for secret in Self.secrets.values {
            #expect(!(apply.allOutput + plan.allOutput + written).contains(secret), "a credential was printed or written")
        }
    }

    @Test func jsonPutsOnlyTheReportOnStdout() async throws {
        let folder = try ManifestFolder(["m.yaml": Self.manifest])
        defer { folder.remove() }
        let apply = try await ReconcileProcess.run(["apply", "--sandbox", "--json", "m.yaml"], in: folder.url)
        #expect(apply.status == 0, "\(apply.allOutput)")
        let report = try Self.decode(apply.stdout)
        #expect(report["format_version"] as? Int == 1)
        #expect((report["summary"] as? [String: Any])?["succeeded"] as? Int == 4)
        #expect(apply.stderr.contains("Plan: 3 to create, 1 to resume."), "the plan goes to stderr")
    }

    /// A report that cannot be written is bad input: refused before any call, so nothing is applied
    /// without the record a deploy pipeline keeps.
    @Test func anUnwritableReportIsRefusedBeforeAnything() async throws {
        let folder = try ManifestFolder(["m.yaml": Self.manifest])
        defer { folder.remove() }
        let apply = try await ReconcileProcess.run(["apply", "--sandbox", "--yes", "--report", "missing/r.json", "m.yaml"], in: folder.url)
        #expect(apply.status == 1, "\(apply.allOutput)")
        #expect(apply.stderr.contains("cannot write the report to missing/r.json"), "\(apply.stderr)")
        #expect(!apply.stdout.contains("✓"), "\(apply.stdout)")
        let plan = try await ReconcileProcess.run(["plan", "--sandbox", "--detailed-exitcode", "m.yaml"], in: folder.url)
        #expect(plan.status == 2, "nothing was applied: \(plan.allOutput)")
    }

    /// A failing ad group create: its campaign is never resumed (skipped, naming the failure), the apply
    /// exits 3 (partly applied), and running it again without the fault converges.
    @Test func partialFailureSkipsDependentsExitsThreeAndReRunConverges() async throws {
        let folder = try ManifestFolder(["m.yaml": Self.manifest])
        defer { folder.remove() }
        let faults = ["RECONCILE_SANDBOX_FAULTS": "500,path=/nextroll/api/v1/adgroup/create"]
        let first = try await ReconcileProcess.run(["apply", "--sandbox", "--report", "r1.json", "m.yaml"], in: folder.url, environment: faults)
        #expect(first.status == 3, "\(first.allOutput)")
        #expect(first.stdout.contains("✗ create nr/campaign/Always On/adgroup/Buyers"))
        #expect(first.stdout.contains("- resume nr/campaign/Always On skipped: create nr/campaign/Always On/adgroup/Buyers failed"))
        let report = try Self.decode(try String(contentsOf: folder.url.appendingPathComponent("r1.json"), encoding: .utf8))
        #expect(report["result"] as? String == "partly-applied")
        let actions = try #require(report["actions"] as? [[String: Any]])
        let failed = try #require(actions.first { $0["status"] as? String == "failed" })
        #expect((failed["error"] as? [String: Any])?["http_status"] as? Int == 500)
        let skipped = try #require(actions.first { $0["status"] as? String == "skipped" })
        #expect(skipped["skipped_because"] as? String == "create nr/campaign/Always On/adgroup/Buyers")

        let second = try await ReconcileProcess.run(["apply", "--sandbox", "m.yaml"], in: folder.url)
        #expect(second.status == 0, "\(second.allOutput)")
        #expect(second.stdout.contains("Apply: 2 succeeded."), "only what was left: the ad group and the resume")
        let plan = try await ReconcileProcess.run(["plan", "--sandbox", "--detailed-exitcode", "m.yaml"], in: folder.url)
        #expect(plan.status == 0, "\(plan.allOutput)")
    }

    @Test func everyActionFailingMeansNothingAppliedExitOne() async throws {
        let folder = try ManifestFolder(["m.yaml": Self.manifest])
        defer { folder.remove() }
        let faults = ["RECONCILE_SANDBOX_FAULTS": "500,path=/nextroll/api/v1/campaign/create"]
        let apply = try await ReconcileProcess.run(["apply", "--sandbox", "--json", "m.yaml"], in: folder.url, environment: faults)
        #expect(apply.status == 1, "\(apply.allOutput)")
        #expect(try Self.decode(apply.stdout)["result"] as? String == "nothing-applied")
    }

    /// A saved plan is refused when what it touches changed since, naming each drifted address; nothing is applied.
    @Test func aStaleSavedPlanIsRefusedWithTheDriftedAddresses() async throws {
        let changed = Self.manifest.replacingOccurrences(of: "amount: 70.00", with: "amount: 80.00")
        let folder = try ManifestFolder(["a/m.yaml": Self.manifest, "b/m.yaml": changed])
        defer { folder.remove() }
        #expect(try await ReconcileProcess.run(["apply", "--sandbox", "a"], in: folder.url).status == 0)
        let saved = try await ReconcileProcess.run(["plan", "--sandbox", "--out", "plan.json", "b"], in: folder.url)
        #expect(saved.status == 0, "\(saved.allOutput)")
        // Someone changes the campaign behind the saved plan's back.
        let other = Self.manifest.replacingOccurrences(of: "amount: 70.00", with: "amount: 75.00")
        try Data(other.utf8).write(to: folder.url.appendingPathComponent("a/m.yaml"))
        #expect(try await ReconcileProcess.run(["apply", "--sandbox", "a"], in: folder.url).status == 0)

        let stale = try await ReconcileProcess.run(["apply", "--sandbox", "plan.json"], in: folder.url)
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("the plan in plan.json is stale"))
        #expect(stale.stderr.contains("nr/campaign/Always On"))
        let unchanged = try await ReconcileProcess.run(["plan", "--sandbox", "--detailed-exitcode", "a"], in: folder.url)
        #expect(unchanged.status == 0, "the stale plan changed nothing: \(unchanged.allOutput)")

        // A fresh saved plan applies.
        #expect(try await ReconcileProcess.run(["plan", "--sandbox", "--out", "plan.json", "b"], in: folder.url).status == 0)
        let fresh = try await ReconcileProcess.run(["apply", "--sandbox", "plan.json"], in: folder.url)
        #expect(fresh.status == 0, "\(fresh.allOutput)")
        #expect(try await ReconcileProcess.run(["plan", "--sandbox", "--detailed-exitcode", "b"], in: folder.url).status == 0)
    }

    /// An unsafe plan is refused before any call: the sandbox state is exactly as before.
    @Test func anUnsafePlanIsRefusedBeforeAnyCall() async throws {
        let folder = try ManifestFolder(["a/m.yaml": Self.manifest,
                                         "b/m.yaml": Self.manifest.replacingOccurrences(of: "amount: 70.00", with: "amount: 7000.00")])
        defer { folder.remove() }
        #expect(try await ReconcileProcess.run(["apply", "--sandbox", "a"], in: folder.url).status == 0)
        let state = folder.url.appendingPathComponent(".reconcile/sandbox.json")
        let before = try Data(contentsOf: state)
        let refused = try await ReconcileProcess.run(["apply", "--sandbox", "b"], in: folder.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--allow-unsafe"))
        #expect(try Data(contentsOf: state) == before, "nothing was sent that changed the accounts")
        let allowed = try await ReconcileProcess.run(["apply", "--sandbox", "--allow-unsafe", "b"], in: folder.url)
        #expect(allowed.status == 0, "\(allowed.allOutput)")
    }

    /// SIGINT mid-apply: nothing new starts, the report is written with `not-run` actions, exit 130;
    /// running apply again converges.
    @Test func interruptionWritesTheReportAndExits130() async throws {
        var campaigns = ""
        for index in 0..<40 {
            campaigns += "  - { name: C\(index), provider: nr, budget: { amount: 10.00, period: daily } }\n"
        }
        let manifest = "providers:\n  nr: { type: nextroll, advertisable: ADVSLOW01, currency: USD, limits: { concurrency: 1 } }\ncampaigns:\n" + campaigns
        let folder = try ManifestFolder(["m.yaml": manifest])
        defer { folder.remove() }
        let slow = ["RECONCILE_SANDBOX_FAULTS": "latency=250ms,path=/nextroll/api/v1/campaign/*"]
        let interrupted = try await ReconcileProcess.run(["apply", "--sandbox", "--allow-unsafe", "--report", "r.json", "m.yaml"], in: folder.url,
                                                         environment: slow, signal: (.seconds(2), SIGINT))
        #expect(interrupted.status == 130, "\(interrupted.allOutput)")
        #expect(interrupted.stderr.contains("Interrupted (SIGINT)"))
        let report = try Self.decode(try String(contentsOf: folder.url.appendingPathComponent("r.json"), encoding: .utf8))
        #expect(report["result"] as? String == "interrupted")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect((summary["not_run"] as? Int ?? 0) > 0, "\(summary)")
        let again = try await ReconcileProcess.run(["apply", "--sandbox", "--allow-unsafe", "m.yaml"], in: folder.url)
        #expect(again.status == 0, "\(again.allOutput)")
        #expect(try await ReconcileProcess.run(["plan", "--sandbox", "--detailed-exitcode", "m.yaml"], in: folder.url).status == 0)
    }
}

/// The README's first command: the examples applied to the sandbox, all four platforms.
@Suite("examples end to end")
struct ExamplesEndToEndTests {
    @Test func theExamplesApplyWithEveryActionKindThenPlanShowsNoChanges() async throws {
        // A copy, so the tags CSV lands in the temporary folder.
        let folder = try ManifestFolder.withExamples()
        defer { folder.remove() }

        let apply = try await ReconcileProcess.run(["apply", "--sandbox", "--report", "report.json", "examples/manifests"], in: folder.url)
        #expect(apply.status == 0, "\(apply.allOutput)")
        let report = try ApplyCommandTests.decode(try String(contentsOf: folder.url.appendingPathComponent("report.json"), encoding: .utf8))
        let actions = try #require(report["actions"] as? [[String: Any]])
        let kinds = Set(actions.compactMap { $0["kind"] as? String })
        #expect(kinds == ["pause", "update", "detach", "attach", "create", "resume", "activate", "export", "download"])
        let providers = Set(actions.compactMap { $0["provider"] as? String })
        #expect(providers == ["nextroll-us", "criteo-eu", "topsort-mkt", "jivox-main"])
        #expect(actions.allSatisfy { $0["status"] as? String == "succeeded" })
        let tags = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out/tags").path)
        #expect(tags == ["Spring Retail 2026_tags.csv"])

        let plan = try await ReconcileProcess.run(["plan", "--sandbox", "--detailed-exitcode", "examples/manifests"], in: folder.url)
        #expect(plan.status == 0, "\(plan.allOutput)")
        #expect(plan.stdout.hasSuffix("No changes. The live accounts match the manifests.\n"))
    }
}
