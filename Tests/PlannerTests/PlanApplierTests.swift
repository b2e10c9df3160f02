import Foundation
import Testing
@testable import Planner

/// The applier over generated plans and a model of the platforms with seeded failures.
@Suite struct PlanApplierTests {
    static let cases: Range<UInt64> = 0..<120

    struct Scenario {
        var manifest: Manifest
        var live: LiveState
        var plan: Plan
    }

    static func scenario(_ seed: UInt64) throws -> Scenario {
        var generator = ScenarioGenerator(seed: seed)
        let manifest = generator.manifest()
        let live = generator.drift(generator.realize(manifest), manifest: manifest)
        let plan = try PlanBuilder.plan(manifest, live: live, options: PlanOptions(today: Fixture.today, allowUnsafe: true))
        return Scenario(manifest: manifest, live: live, plan: plan)
    }

    static func ceilings(_ state: LiveState) -> [String: SpendCeiling] {
        Dictionary(uniqueKeysWithValues: state.accounts.map { ($0.alias, $0.spendCeiling) })
    }

    /// Every action succeeds: the report says so, the platform ran each action once, and the state converged.
    @Test func aCleanApplySucceedsAndConverges() async throws {
        for seed in Self.cases.prefix(60) {
            let scenario = try Self.scenario(seed)
            let platform = ModelPlatform(state: scenario.live)
            let aliases = scenario.manifest.providers.map(\.alias)
            let report = await PlanApplier(plan: scenario.plan, executors: await platform.executors(for: aliases)).run()
            #expect(report.result == .succeeded, "seed \(seed): \(report.summaryLine)")
            #expect(report.outcomes.map(\.action) == scenario.plan.actions.map(\.id))
            #expect(await platform.log.count == scenario.plan.actions.count)
            #expect(Set(await platform.log) == Set(scenario.plan.actions.map(\.id)))
            let again = try PlanBuilder.plan(scenario.manifest, live: await platform.state, options: PlanOptions(today: Fixture.today, allowUnsafe: true))
            #expect(again.actions.isEmpty, "seed \(seed): \(again.actions.map(\.id.description))")
        }
    }

    /// With ~15% of actions failing in mixed ways: no dependent of a failure runs, each skip names a
    /// failed action it depends on (transitively), spend never exceeds max(before, planned after) at
    /// any point, lost creates never duplicate, and re-running converges within 3 runs.
    @Test func failuresSkipDependentsStaySpendSafeAndConverge() async throws {
        var sawSkip = false, sawAdoption = false
        for seed in Self.cases {
            let scenario = try Self.scenario(seed)
            guard !scenario.plan.actions.isEmpty else { continue }
            var random = TestRandom(seed: seed &+ 1_000_003)
            var faults: [ActionID: ModelPlatform.Fault] = [:]
            for action in scenario.plan.actions where random.chance(0.15) {
                faults[action.id] = action.kind == .create ? random.pick([.refused, .lostAfterActing, .lostBeforeActing]) : .refused
            }
            let before = Self.ceilings(scenario.live)
            var full = ModelExecutor(state: scenario.live)
            for action in scenario.plan.actions { try? full.run(action) }
            let after = Self.ceilings(full.state)

            let platform = ModelPlatform(state: scenario.live, faults: faults)
            let aliases = scenario.manifest.providers.map(\.alias)
            let report = await PlanApplier(plan: scenario.plan, executors: await platform.executors(for: aliases), defaultParallelism: 3).run()

            let byID = Dictionary(uniqueKeysWithValues: scenario.plan.actions.map { ($0.id, $0) })
            let outcomes = Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.action, $0) })
            let ran = Set(await platform.log)
            for outcome in report.outcomes {
                let action = try #require(byID[outcome.action])
                switch outcome.status {
                case .succeeded:
                    for dependency in action.dependsOn {
                        #expect(outcomes[dependency]?.status == .succeeded, "seed \(seed): \(action.id) ran though \(dependency) did not succeed")
                    }
                    if outcome.adopted { sawAdoption = true }
                case .skipped:
                    sawSkip = true
                    #expect(!ran.contains(outcome.action), "seed \(seed): skipped \(outcome.action) reached the platform")
                    let cause = try #require(outcome.skippedBecause)
                    #expect(outcomes[cause]?.status == .failed, "seed \(seed): \(outcome.action) skipped because of \(cause), which did not fail")
                    #expect(Self.dependsTransitively(action, on: cause, in: byID), "seed \(seed): \(cause) is not a dependency of \(outcome.action)")
                case .failed:
                    #expect(outcome.failure != nil)
                case .notRun:
                    Issue.record("seed \(seed): \(outcome.action) not run without an interruption")
                }
            }
            for ceilings in await platform.ceilingsAfterEachAction {
                for (alias, ceiling) in ceilings {
                    let bound = max(before[alias] ?? .zero, after[alias] ?? .zero)
                    #expect(ceiling <= bound, "seed \(seed): \(alias) ceiling \(ceiling) above \(bound)")
                }
            }
            // No duplicates: no campaign name appears more often than before (the generator makes some duplicates on purpose).
            for account in await platform.state.accounts {
                let before = Dictionary(grouping: scenario.live[account.alias]?.campaigns ?? [], by: \.name).mapValues(\.count)
                for (name, campaigns) in Dictionary(grouping: account.campaigns, by: \.name) {
                    #expect(campaigns.count <= max(1, before[name] ?? 0), "seed \(seed): duplicate campaign \(name) in \(account.alias)")
                }
            }
            // Re-running (with no faults left) converges: the next plan, applied, leaves nothing.
            var state = await platform.state
            var runs = 1
            while runs < 3 {
                let next = try PlanBuilder.plan(scenario.manifest, live: state, options: PlanOptions(today: Fixture.today, allowUnsafe: true))
                if next.actions.isEmpty { break }
                let rerun = ModelPlatform(state: state, idPrefix: "run\(runs)-")
                let rerunReport = await PlanApplier(plan: next, executors: await rerun.executors(for: aliases)).run()
                #expect(rerunReport.result == .succeeded, "seed \(seed): re-run \(rerunReport.summaryLine)")
                state = await rerun.state
                runs += 1
            }
            let final = try PlanBuilder.plan(scenario.manifest, live: state, options: PlanOptions(today: Fixture.today, allowUnsafe: true))
            #expect(final.actions.isEmpty, "seed \(seed): not converged after \(runs) runs: \(final.actions.map(\.id.description))")
        }
        #expect(sawSkip && sawAdoption, "the generated faults reach skips and adoptions")
    }

    /// A create whose answer is lost is looked up: adopted when it exists, made once more when it does not.
    @Test func lostCreateAnswersNeverDuplicate() async throws {
        let scenario = try (0..<UInt64(200)).lazy.map(Self.scenario).first { $0.plan.actions.contains { $0.kind == .create && $0.resource == .campaign } }
        let plan = try #require(scenario).plan
        let live = try #require(scenario).live
        let create = try #require(plan.actions.first { $0.kind == .create && $0.resource == .campaign })
        let aliases = Set(plan.actions.map(\.provider)).sorted()
        for fault in [ModelPlatform.Fault.lostAfterActing, .lostBeforeActing] {
            let platform = ModelPlatform(state: live, faults: [create.id: fault])
            let report = await PlanApplier(plan: plan, executors: await platform.executors(for: aliases)).run()
            let outcome = try #require(report.outcomes.first { $0.action == create.id })
            #expect(outcome.status == .succeeded)
            #expect(outcome.createdID != nil)
            #expect(outcome.adopted == (fault == .lostAfterActing))
            let sent = await platform.log.filter { $0 == create.id }.count
            #expect(sent == (fault == .lostAfterActing ? 1 : 2), "\(fault): the create reached the platform \(sent) times")
            let name = try #require(create.address.components.last?.name)
            let account = try #require(await platform.state[create.provider])
            #expect(account.campaigns.filter { $0.name == name }.count == 1)
        }
    }

    /// Interrupted after a few actions: nothing new starts, the rest is `not-run`, and spend stays safe.
    @Test func interruptionStartsNothingNew() async throws {
        var checked = 0
        for seed in Self.cases where checked < 40 {
            let scenario = try Self.scenario(seed)
            guard scenario.plan.actions.count >= 4 else { continue }
            checked += 1
            let interruption = ApplyInterruption()
            let platform = ModelPlatform(state: scenario.live)
            let stopAt = 1 + Int(seed % UInt64(scenario.plan.actions.count - 2))
            await platform.interrupt(after: stopAt, interruption)
            let aliases = scenario.manifest.providers.map(\.alias)
            let report = await PlanApplier(plan: scenario.plan, executors: await platform.executors(for: aliases), defaultParallelism: 1,
                                           interruption: interruption).run()
            #expect(report.result == .interrupted)
            #expect(report.outcomes.count == scenario.plan.actions.count)
            let ran = await platform.log.count
            #expect(ran == report.count(.succeeded) + report.count(.failed), "seed \(seed)")
            #expect(report.count(.notRun) == scenario.plan.actions.count - ran, "seed \(seed): \(report.summaryLine)")
            // With one action of each provider in flight at most, at most one per provider ran after the signal.
            #expect(ran <= stopAt + aliases.count, "seed \(seed): \(ran) ran, interrupted after \(stopAt)")

            var full = ModelExecutor(state: scenario.live)
            for action in scenario.plan.actions { try? full.run(action) }
            let before = Self.ceilings(scenario.live), after = Self.ceilings(full.state)
            for (alias, ceiling) in Self.ceilings(await platform.state) {
                #expect(ceiling <= max(before[alias] ?? .zero, after[alias] ?? .zero), "seed \(seed): \(alias)")
            }
        }
        #expect(checked > 0)
    }

    /// At most `parallelism` batches per provider are in flight, and batchable actions go together.
    @Test func parallelismAndBatching() async throws {
        let scenario = try (0..<UInt64(200)).lazy.map(Self.scenario).first { plan in
            Dictionary(grouping: plan.plan.actions.filter { $0.kind == .update && $0.dependsOn.isEmpty }, by: \.provider).values.contains { $0.count >= 3 }
        }
        let plan = try #require(scenario).plan
        let aliases = Set(plan.actions.map(\.provider)).sorted()
        let platform = ModelPlatform(state: try #require(scenario).live)
        let report = await PlanApplier(plan: plan, executors: await platform.executors(for: aliases, batching: Set(aliases)),
                                       defaultParallelism: 2).run()
        #expect(report.result == .succeeded)
        for (_, count) in await platform.maxInFlight { #expect(count <= 2) }
        #expect((await platform.batchSizes).contains { $0 >= 2 }, "ready updates were handed over together")
    }

    /// By default every ready batchable action of a provider goes to its executor at once, however
    /// many: the executor knows how many its platform takes per request (Criteo's bulk PATCH takes
    /// 1,000 items), so splitting them here would only add requests.
    @Test func everyReadyBatchableActionGoesInOneBatch() async throws {
        let updates = (0..<120).map { number in
            PlanAction(kind: .update, address: .campaign("criteo-eu", "Campaign \(number)"), provider: "criteo-eu", providerKind: .criteo,
                       resource: .campaign, target: .live("\(600_000 + number)"), phase: .neutral,
                       calls: [ProviderCall("PATCH", "/preview/marketing-solutions/campaigns", purpose: "update the campaign")])
        }
        let executor = BatchRecordingExecutor(providerAlias: "criteo-eu")
        let report = await PlanApplier(plan: Plan(plannedOn: Fixture.today, actions: updates), executors: ["criteo-eu": executor]).run()
        #expect(report.result == .succeeded)
        #expect(await executor.batches.sizes == [120])

        let limited = BatchRecordingExecutor(providerAlias: "criteo-eu")
        _ = await PlanApplier(plan: Plan(plannedOn: Fixture.today, actions: updates), executors: ["criteo-eu": limited], maxBatchSize: 50).run()
        #expect(await limited.batches.sizes.sorted() == [20, 50, 50], "an explicit limit still applies")
    }

    /// The report's JSON has the documented shape and the text names failures and skips.
    @Test func reportRendering() async throws {
        let scenario = try (0..<UInt64(200)).lazy.map(Self.scenario).first { $0.plan.actions.contains { !$0.dependsOn.isEmpty } }
        let plan = try #require(scenario).plan
        let dependent = try #require(plan.actions.first { !$0.dependsOn.isEmpty })
        let failing = dependent.dependsOn[0]
        let platform = ModelPlatform(state: try #require(scenario).live, faults: [failing: .refused])
        let report = await PlanApplier(plan: plan, executors: await platform.executors(for: Set(plan.actions.map(\.provider)).sorted())).run()
        #expect(report.result == .partlyApplied || report.result == .nothingApplied)
        let text = ApplyReportRenderer().render(report)
        #expect(text.contains("✗ \(failing)"))
        #expect(text.contains("HTTP 400 invalid: refused"))
        #expect(text.contains("- \(dependent.id) skipped: \(failing) failed"))
        let json = try JSONParser().parse(Data(report.json().serialized().utf8))
        guard case .object(let members) = json else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ["format_version", "result", "started_at", "finished_at", "duration_seconds", "summary", "actions", "blocked"])
    }

    static func dependsTransitively(_ action: PlanAction, on cause: ActionID, in actions: [ActionID: PlanAction]) -> Bool {
        var pending = action.dependsOn
        var seen = Set<ActionID>()
        while let next = pending.popLast() {
            if next == cause { return true }
            guard seen.insert(next).inserted, let dependency = actions[next] else { continue }
            pending += dependency.dependsOn
        }
        return false
    }
}

/// An executor that batches every update, succeeds, and records the size of each batch it is handed.
private struct BatchRecordingExecutor: ActionExecutor {
    actor Batches {
        private(set) var sizes: [Int] = []
        func record(_ size: Int) { sizes.append(size) }
    }

    let providerAlias: String
    let batches = Batches()

    func canBatch(_ action: PlanAction) -> Bool { action.kind == .update }

    func execute(_ actions: [PlanAction]) async -> [ActionExecution] {
        await batches.record(actions.count)
        return actions.map { ActionExecution(action: $0.id, result: .succeeded(createdID: nil), calls: []) }
    }

    func findCreated(_ action: PlanAction) async -> Result<String?, ActionFailure> { .success(nil) }
}
