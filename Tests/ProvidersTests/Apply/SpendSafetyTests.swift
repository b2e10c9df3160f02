import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

/// An apply that raises, lowers, creates, pauses and resumes campaigns on NextRoll, Criteo and
/// Topsort, interrupted after a random request: whatever it managed to do, no provider's
/// daily-equivalent spend ceiling is above both the one before and the one a full apply leaves,
/// and running apply again finishes the job.
///
/// Some calls fail for good on the way (two attempts each, and Criteo refuses some bulk items): an
/// interruption alone stops the applier only between actions, which it starts decreases first, so
/// it is a failed decrease that the increases depending on it must not run past.
@Suite("Spend safety under interruption")
struct SpendSafetyTests {
    static let size = ApplyScenario.Size(nextrollExisting: 24, nextrollNew: 6, adGroupsPerNew: 1, criteoExisting: 24, criteoNew: 6,
                                         topsortExisting: 24, topsortNew: 6)
    /// Interruption points drawn from this seed, one per run.
    static let seed: UInt64 = 20_261_125
    static let interruptions = 10
    /// No request hangs here: a patient timeout keeps a busy machine from adding retries.
    static let requestTimeout = 30
    /// About one call in twenty-five fails even after its retry; one Criteo item in ten is refused.
    static let faults = "seed=7;500,rate=0.2;criteo-item,rate=0.1"
    static let maxAttempts = 2

    static func ceilings(_ state: LiveState) -> [String: SpendCeiling] {
        Dictionary(uniqueKeysWithValues: state.accounts.map { ($0.alias, $0.spendCeiling) })
    }

    @Test func interruptedAtRandomRequestsNoCeilingExceedsBothBeforeAndAfterAndARunAgainConverges() async throws {
        let scenario = try ApplyScenario(Self.size)
        let aliases = [ApplyScenario.aliases.nextroll, ApplyScenario.aliases.criteo, ApplyScenario.aliases.topsort]

        // The full apply: the ceilings it goes from and to, and how many requests it takes.
        let (before, after, requests) = try await ApplyTestbed.with(scenario, requestTimeout: Self.requestTimeout) { bed in
            let live = try await bed.fetch()
            let plan = try bed.plan(live)
            for alias in aliases {
                let spend = plan.actions.filter { $0.provider == alias }.map(\.spendChange)
                #expect(spend.contains { $0.isPositive } && spend.contains { $0.isNegative }, "\(alias) both raises and lowers spend")
            }
            #expect(Set(plan.actions.map(\.kind)).isSuperset(of: [.create, .update, .pause, .resume]))
            bed.log.clear()
            let report = await bed.apply(plan)
            #expect(report.result == .succeeded, "\(report.summaryLine)")
            let requests = bed.log.entries.filter { $0.platformPath != "/oauth2/token" }.count
            let final = try await bed.fetch()
            #expect(try bed.plan(final).actions.isEmpty)
            return (Self.ceilings(live), Self.ceilings(final), requests)
        }
        for alias in aliases {
            #expect(before[alias] != after[alias], "the apply changes \(alias)'s ceiling")
        }

        var random = SeededRandom(seed: Self.seed)
        var interruptedMidway = 0, failedOnTheWay = 0
        for _ in 0..<Self.interruptions {
            let point = Int.random(in: 1...requests, using: &random)
            let trigger = RequestCountTrigger()
            try await ApplyTestbed.with(scenario, requestTimeout: Self.requestTimeout, maxAttempts: Self.maxAttempts,
                                        requestObserver: { trigger.observe($0) }) { bed in
                let plan = try bed.plan(try await bed.fetch())
                // Faults during the apply only: reading the accounts is not what is tested.
                bed.server.faults.configure(try FaultPlan.parse(Self.faults))
                let interruption = ApplyInterruption()
                trigger.arm(after: point, raising: interruption)
                let report = await bed.apply(plan, interruption: interruption)
                trigger.disarm()
                // What it left is read, and finished, without them.
                bed.server.faults.configure(.none)
                #expect(report.result == .interrupted, "interrupted after request \(point): \(report.summaryLine)")
                if report.count(.notRun) > 0, report.count(.succeeded) > 0 { interruptedMidway += 1 }

                let live = try await bed.fetch()
                let now = Self.ceilings(live)
                for alias in aliases {
                    let ceiling = try #require(now[alias]), limit = max(try #require(before[alias]), try #require(after[alias]))
                    #expect(ceiling <= limit, "after request \(point) of \(requests), \(alias) can spend \(ceiling) a day: more than before (\(before[alias] ?? .zero)) and after (\(after[alias] ?? .zero))")
                }

                if report.count(.failed) > 0 { failedOnTheWay += 1 }
                let rerun = await bed.apply(try bed.plan(live))
                #expect(rerun.result == .succeeded, "the run after request \(point): \(rerun.summaryLine)")
                let final = try await bed.fetch()
                #expect(try bed.plan(final).actions.isEmpty, "converged after the interruption at request \(point)")
                #expect(Self.ceilings(final) == after)
            }
        }
        #expect(interruptedMidway >= Self.interruptions / 2, "most interruptions land with work done and work left")
        #expect(failedOnTheWay >= Self.interruptions / 2, "most interrupted runs also had calls fail for good")
    }
}
