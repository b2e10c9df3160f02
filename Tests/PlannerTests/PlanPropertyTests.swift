import Foundation
import Testing
@testable import Planner

/// Properties of the planner over a few hundred generated manifests and live states (seeded, so any
/// failure names a seed that reproduces it).
@Suite struct PlanPropertyTests {
    static let cases: Range<UInt64> = 0..<300

    static func plan(_ manifest: Manifest, _ live: LiveState) throws -> Plan {
        try PlanBuilder.plan(manifest, live: live, options: PlanOptions(today: Fixture.today, allowUnsafe: true))
    }

    static func ceilings(_ state: LiveState) -> [String: SpendCeiling] {
        Dictionary(uniqueKeysWithValues: state.accounts.map { ($0.alias, $0.spendCeiling) })
    }

    /// (b) A live state that already is what the manifests say gives an empty plan: no actions, nothing blocked.
    @Test func unchangedStateGivesAnEmptyPlan() throws {
        for seed in Self.cases {
            var generator = ScenarioGenerator(seed: seed)
            let manifest = generator.manifest()
            var live = generator.realize(manifest)
            if seed % 3 == 0 { live = try LiveState(json: Data(try live.jsonText().utf8), file: "roundtrip.json") }
            let plan = try Self.plan(manifest, live)
            #expect(plan.actions.isEmpty, "seed \(seed): \(plan.actions.map(\.id.description)) \(plan.actions.flatMap(\.changes).map(\.displayText))")
            #expect(plan.blocked.isEmpty, "seed \(seed): \(plan.blocked.map(\.reason))")
            #expect(!plan.hasChanges)
        }
    }

    /// (a) Applying the plan's actions to the live state, in order, with a model of the platforms that
    /// reads only what the actions carry, gives a state whose plan has no actions (and the same
    /// blocked changes). (c) After every action, each provider's daily-equivalent ceiling is at most
    /// max(before, after). (d) Every dependency comes before its dependent. The spend summary's
    /// planned ceiling is what the executed state has.
    @Test func applyingThePlanConverges() throws {
        var actionsSeen = Set<ActionKind>()
        var blockedSeen = 0
        for seed in Self.cases {
            var generator = ScenarioGenerator(seed: seed)
            let manifest = generator.manifest()
            let live = generator.drift(generator.realize(manifest), manifest: manifest)
            let plan = try Self.plan(manifest, live)
            actionsSeen.formUnion(plan.actions.map(\.kind))
            blockedSeen += plan.blocked.count

            var position: [ActionID: Int] = [:]
            for (index, action) in plan.actions.enumerated() { position[action.id] = index }
            for (index, action) in plan.actions.enumerated() {
                for dependency in action.dependsOn {
                    #expect((position[dependency] ?? Int.max) < index, "seed \(seed): \(action.id) before its dependency \(dependency)")
                }
            }

            var executor = ModelExecutor(state: live)
            for action in plan.actions {
                do { try executor.run(action) } catch {
                    Issue.record("seed \(seed): \(action.id) failed: \(error)")
                    break
                }
            }
            let before = Self.ceilings(live), after = Self.ceilings(executor.state)
            for spend in plan.spend {
                #expect(after[spend.provider] == spend.planned, "seed \(seed): \(spend.provider) planned \(spend.planned), got \(after[spend.provider] ?? .zero)")
            }
            var replay = ModelExecutor(state: live)
            for action in plan.actions {
                try? replay.run(action)
                for (alias, ceiling) in Self.ceilings(replay.state) {
                    let bound = max(before[alias] ?? .zero, after[alias] ?? .zero)
                    #expect(ceiling <= bound, "seed \(seed): after \(action.id), \(alias) ceiling \(ceiling) > \(bound)")
                }
            }

            let again = try Self.plan(manifest, executor.state)
            #expect(again.actions.isEmpty, "seed \(seed): still to do \(again.actions.map { "\($0.id): \($0.changes.map(\.displayText))" })")
            #expect(again.blocked == plan.blocked, "seed \(seed): blocked changes differ after apply")
        }
        // The generator reaches every kind of action and blocked changes, so the properties cover them.
        #expect(actionsSeen == Set(ActionKind.allCases), "kinds never generated: \(Set(ActionKind.allCases).subtracting(actionsSeen))")
        #expect(blockedSeen > 0)
    }

    /// (c) for concurrent appliers: any order that respects the dependencies (random ready action
    /// first) keeps every provider's ceiling at most max(before, after) at every step.
    @Test func everyOrderTheGraphAllowsIsSpendSafe() throws {
        for seed in Self.cases {
            var generator = ScenarioGenerator(seed: seed)
            let manifest = generator.manifest()
            let live = generator.drift(generator.realize(manifest), manifest: manifest)
            let plan = try Self.plan(manifest, live)
            var full = ModelExecutor(state: live)
            for action in plan.actions { try? full.run(action) }
            let before = Self.ceilings(live), after = Self.ceilings(full.state)

            var random = TestRandom(seed: seed &* 7919)
            var done = Set<ActionID>()
            var remaining = plan.actions
            var executor = ModelExecutor(state: live)
            while !remaining.isEmpty {
                let ready = remaining.indices.filter { remaining[$0].dependsOn.allSatisfy(done.contains) }
                guard let pick = ready.isEmpty ? nil : random.pick(ready) else {
                    Issue.record("seed \(seed): no action is ready")
                    break
                }
                let action = remaining.remove(at: pick)
                do { try executor.run(action) } catch { Issue.record("seed \(seed): \(action.id) failed out of order: \(error)") }
                done.insert(action.id)
                for (alias, ceiling) in Self.ceilings(executor.state) {
                    let bound = max(before[alias] ?? .zero, after[alias] ?? .zero)
                    #expect(ceiling <= bound, "seed \(seed): after \(action.id), \(alias) ceiling \(ceiling) > \(bound)")
                }
            }
        }
    }

    /// The same inputs give the same plan, byte for byte, whatever order the live state lists things in.
    @Test func planningIsDeterministic() throws {
        for seed in Self.cases.prefix(60) {
            var generator = ScenarioGenerator(seed: seed)
            let manifest = generator.manifest()
            let live = generator.drift(generator.realize(manifest), manifest: manifest)
            var shuffled = live
            var random = TestRandom(seed: seed)
            for account in live.accounts {
                var copy = account
                copy.campaigns.shuffle(using: &random)
                copy.retailCampaigns.shuffle(using: &random)
                shuffled[account.alias] = copy
            }
            let first = try Self.plan(manifest, live).jsonText()
            #expect(try Self.plan(manifest, live).jsonText() == first, "seed \(seed)")
            // Listing order of campaigns may only change which of two same-named undeclared campaigns gets which address.
            let reordered = try Self.plan(manifest, shuffled)
            #expect(reordered.actions.count == (try Self.plan(manifest, live)).actions.count, "seed \(seed)")
        }
    }
}
