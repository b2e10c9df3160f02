import Foundation
import Planner
import Providers
import Sandbox

/// `reconcile apply` of about 1,000 changes across NextRoll, Criteo, Topsort and Jivox against an
/// in-process sandbox that adds 20 ms to every request: creates of campaigns and NextRoll ad groups,
/// budget raises and cuts (Criteo's through its bulk PATCH), pauses, resumes, ad group changes, Jivox
/// activations and exports. Runs as the CLI does: fetch, plan, then `PlanApplier` over the real
/// clients with each provider's concurrency as its parallelism; then plans again, which must be empty.
///
/// Prints the wall time against the lower bound max(critical path, busiest provider's calls over its
/// concurrency) x latency, and the calls made against the fewest the plan needs.
/// Targets: within 1.2x of the bound; calls = minimum.
struct ApplyBenchmark {
    var latencyMilliseconds = 20
    /// Seconds between Jivox export status requests (the CLI's sandbox runs use 0.05; the default is 5).
    var exportPollInterval = 0.02

    func run() async throws {
        // Another benchmark may have run first in this process: its peak is not this one's.
        ProcessMeasurements.resetPeakResident()
        let residentAtStart = ProcessMeasurements.residentMiB()
        let (desired, live) = Self.accounts()
        let latency = Double(latencyMilliseconds) / 1000
        let manifest = try SandboxSetup.loadManifests(desired.manifestYAML())
        let configuration = SandboxConfiguration(fixture: try live.fixture(), faults: try FaultPlan.parse("latency=\(latencyMilliseconds)ms"))
        let sandbox = try SandboxServer(configuration: configuration)
        let endpoints = try await sandbox.start()
        let factory = SandboxSetup.factory(endpoints, for: manifest, jivoxExportPolling: JivoxExportPolling(interval: exportPollInterval, timeout: 60))
        let clients = try factory.clients(for: manifest.providers)
        let options = PlanOptions(today: CalendarDate(utcDayOf: Date()), allowUnsafe: true)

        // As `reconcile apply` does: read the accounts with the clients that then apply the plan.
        let plan = try PlanBuilder.plan(manifest, live: try await LiveStateFetcher.fetch(manifest, clients: clients), options: options)
        print("apply: \(plan.actions.count) actions against the sandbox, \(latencyMilliseconds) ms latency on every request; \(plan.summaryLine)")
        for client in clients {
            let actions = plan.actions.filter { $0.provider == client.provider.alias }
            let kinds = ActionKind.allCases.compactMap { kind -> String? in
                let count = actions.lazy.filter { $0.kind == kind }.count
                return count > 0 ? "\(count) \(kind)" : nil
            }
            print("  \(client.provider.alias.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(actions.count).leftPadded(4)) actions: "
                  + kinds.joined(separator: ", "))
        }
        if !plan.blocked.isEmpty { print("  ERROR: \(plan.blocked.count) blocked changes, e.g. \(plan.blocked[0].address): \(plan.blocked[0].reason)") }

        var executors: [String: any ActionExecutor] = [:]
        var parallelism: [String: Int] = [:]
        for client in clients {
            executors[client.provider.alias] = client
            parallelism[client.provider.alias] = ClientLimits.resolved(for: client.provider).concurrency
        }
        let work = PlanWork(plan: plan, executors: executors, parallelism: parallelism,
                            exportPolls: 2 * configuration.jivoxExports.pollsPerStep, pollInterval: exportPollInterval)

        var sentBefore: [String: Int] = [:]
        for client in clients { sentBefore[client.provider.alias] = await client.requestCounter.total }
        let logBefore = sandbox.requestLog.entries.count
        let cpuBefore = ProcessMeasurements.cpuSeconds()
        let origin = ContinuousClock.now
        let timed = executors.mapValues { TimedExecutor(wrapped: $0, origin: origin) }
        let (report, wall) = await ProcessMeasurements.wallSeconds {
            await PlanApplier(plan: plan, executors: timed, parallelism: parallelism).run()
        }
        let cpu = ProcessMeasurements.cpuSeconds() - cpuBefore
        let logged = sandbox.requestLog.entries.count - logBefore

        print("  \(report.summaryLine)")
        if report.count(.succeeded) != plan.actions.count {
            for outcome in report.outcomes where outcome.status == .failed {
                print("  ERROR: \(outcome.action) failed: \(outcome.failure?.message ?? "?")")
                break
            }
        }
        let bound = work.lowerBound(latency: latency)
        print(String(format: "  wall time: %.3f s (%.2f s CPU, client and sandbox in one process)", wall, cpu))
        print(String(format: "  lower bound: %.3f s = max(critical path %.3f s: %@; busiest provider %.3f s: %@)",
                     bound.seconds, bound.criticalPath, bound.criticalPathText, bound.throughput, bound.throughputText))
        print(String(format: "  measured / bound: %.2fx (target <= 1.2x)", wall / bound.seconds))

        let minimum = work.minimumCalls
        let total = minimum.values.reduce(0) { $0 + $1.count }
        print("  calls: \(report.callCount) in the report, \(logged) in the sandbox log; minimum \(total) "
              + "(the plan's calls, Criteo updates merged into one PATCH per dependency level, Jivox polls as the sandbox needs them); "
              + (report.callCount == total && logged == total ? "equal" : "NOT EQUAL"))
        for client in clients {
            let alias = client.provider.alias
            let sent = await client.requestCounter.total - (sentBefore[alias] ?? 0)
            let reported = report.requests.lazy.filter { $0.provider == alias }.count
            let least = minimum[alias] ?? (0, "")
            print("    \(alias.padding(toLength: 12, withPad: " ", startingAt: 0)) sent \(String(sent).leftPadded(4)), reported \(String(reported).leftPadded(4)), "
                  + "minimum \(String(least.count).leftPadded(4)) (\(least.reason))")
        }

        // Each batch's time against the latency: the first rounds start all lanes at once (a burst of
        // connections, requests and answers at the same moment), the rest show the steady state.
        let warmUp = 10 * latency
        print(String(format: "  where the time goes (batch = what the applier hands a client at once; lanes = its parallelism; "
                     + "first = batches started in the first %.2f s):", warmUp))
        for client in clients {
            let alias = client.provider.alias
            guard let spans = await timed[alias]?.timeline.spans, !spans.isEmpty else { continue }
            let lanes = Double(parallelism[alias] ?? 1)
            let last = spans.map(\.end).max() ?? 0
            let busy = spans.reduce(0) { $0 + $1.end - $1.start }
            func mean(_ part: [(start: Double, end: Double, actions: Int)]) -> String {
                part.isEmpty ? "-" : String(format: "%.1f ms", part.reduce(0) { $0 + $1.end - $1.start } / Double(part.count) * 1000)
            }
            let first = spans.filter { $0.start < warmUp }, rest = spans.filter { $0.start >= warmUp }
            print(String(format: "    %@ %4d batches: %@ each (first %@, then %@); last ends at %.3f s; lanes busy %.0f%% until then",
                         alias.padding(toLength: 12, withPad: " ", startingAt: 0), spans.count, mean(spans), mean(first), mean(rest), last,
                         busy / (lanes * max(last, 0.001)) * 100))
        }

        let again = try PlanBuilder.plan(manifest, live: try await LiveStateFetcher.fetch(manifest, clients: clients), options: options)
        print(again.hasChanges ? "  ERROR: planning again is not empty: \(again.summaryLine)" : "  planning again: no changes (as expected)")
        print(String(format: "  peak resident memory: %.1f MiB (%.1f MiB resident when the benchmark started)", ProcessMeasurements.peakResidentMiB(), residentAtStart))
        await sandbox.stop()
    }

    /// The manifests' accounts and the live accounts before the apply: the live ones lack the
    /// campaigns and ad groups to create and differ in budgets, statuses, segments and activations.
    static func accounts() -> (desired: SyntheticAccounts, live: SyntheticAccounts) {
        var desired = SyntheticAccounts()
        var live = SyntheticAccounts()
        for (alias, code, currency) in [("nextroll-us", "US", "USD"), ("nextroll-eu", "EU", "EUR")] {
            let base = SyntheticAccounts.nextrollAccount(alias: alias, code: code, currency: currency, campaigns: 320) { _ in 3 }
            var wanted = base, before = base
            // The last 20 are new: 15 built and resumed, 5 built paused.
            before.campaigns.removeLast(20)
            for index in 300..<305 { wanted.campaigns[index].active = false }
            let active = (0..<300).filter { base.campaigns[$0].active }
            let paused = (0..<300).filter { !base.campaigns[$0].active }
            for index in active[0..<40] { before.campaigns[index].dailyBudget -= 5 }          // raised
            for index in active[40..<80] { before.campaigns[index].dailyBudget += 5 }         // cut
            for index in active[80..<105] { wanted.campaigns[index].active = false }          // paused
            for index in active[105..<135] {                                                   // a new ad group
                var group = base.campaigns[index].adGroups[0]
                group.eid = SyntheticAccounts.eid("AGN", code, index)
                group.name = "Group 4"
                wanted.campaigns[index].adGroups.append(group)
            }
            for index in active[135..<150] { wanted.campaigns[index].adGroups[0].active = false; before.campaigns[index].adGroups[0].active = true }
            for index in active[150..<160] { wanted.campaigns[index].adGroups[1].include.append(base.segments[21].eid) }
            for index in paused[0..<20] { wanted.campaigns[index].active = true }               // resumed
            desired.nextroll.append(wanted)
            live.nextroll.append(before)
        }

        let criteo = SyntheticAccounts.criteoAccount(alias: "criteo-eu", advertiser: "70001", currency: "EUR", campaigns: 430, firstID: 600_000)
        var criteoBefore = criteo
        criteoBefore.campaigns.removeLast(30)                                                   // created
        let daily = (0..<400).filter { criteo.campaigns[$0].period == "daily" }
        for index in daily[0..<70] { criteoBefore.campaigns[index].amount? -= 10 }               // raised
        for index in daily[70..<140] { criteoBefore.campaigns[index].amount? += 10 }             // cut
        desired.criteo = [criteo]
        live.criteo = [criteoBefore]

        for (alias, vendor, first) in [("topsort-a", "vendor-a", 1), ("topsort-b", "vendor-b", 100_000)] {
            let base = SyntheticAccounts.topsortAccount(alias: alias, vendor: vendor, currency: "USD", campaigns: 265, firstID: first)
            var wanted = base, before = base
            before.campaigns.removeLast(15)                                                     // created
            let active = (0..<250).filter { base.campaigns[$0].active }
            let inactive = (0..<250).filter { !base.campaigns[$0].active }
            for index in active[0..<30] { before.campaigns[index].budgetMinor -= 1_000 }        // raised
            for index in active[30..<60] { before.campaigns[index].budgetMinor += 1_000 }       // cut
            for index in active[60..<80] { wanted.campaigns[index].active = false }            // paused
            for index in inactive[0..<20] { wanted.campaigns[index].active = true }            // resumed
            desired.topsort.append(wanted)
            live.topsort.append(before)
        }

        let jivox = SyntheticAccounts.jivoxAccount(alias: "jivox-main", account: "acc-bench", retailCampaigns: 30, firstIdx: 9_000)
        var jivoxBefore = jivox
        for index in 20..<30 { jivoxBefore.retailCampaigns[index].active = false }           // activated, then exported
        desired.jivox = [jivox]
        live.jivox = [jivoxBefore]
        return (desired, live)
    }
}
