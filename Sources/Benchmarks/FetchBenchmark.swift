import Foundation
import Planner
import Providers
import Sandbox

/// `reconcile plan` with nothing to change, at scale: 10,000 campaigns and 50,000 ad groups over
/// NextRoll, Criteo and Topsort plus Jivox retail campaigns, in an in-process sandbox that adds 20 ms
/// to every request. Loads the matching manifests, fetches with the real clients (as `--sandbox`
/// does: `LiveStateFetcher`, no published rate limits) and plans, which must give no actions.
/// Prints the wall time of fetch and plan, requests per provider next to the fewest the APIs allow,
/// and peak memory. Targets: requests = minimum; fetch close to its slowest provider's round trips.
struct FetchBenchmark {
    var latencyMilliseconds = 20

    /// The spread: NextRoll holds every ad group (the other platforms have none in the model).
    static func accounts() -> SyntheticAccounts {
        // 6..14 ad groups a campaign, 10 on average over every 10 campaigns.
        let groups = { (index: Int) in 10 + [-4, 4, -2, 2, 0, -3, 3, -1, 1, 0][index % 10] }
        var accounts = SyntheticAccounts()
        accounts.nextroll = [
            SyntheticAccounts.nextrollAccount(alias: "nextroll-us", code: "US", currency: "USD", campaigns: 3_000, adGroups: groups),
            SyntheticAccounts.nextrollAccount(alias: "nextroll-eu", code: "EU", currency: "EUR", campaigns: 2_000, adGroups: groups),
        ]
        accounts.criteo = [SyntheticAccounts.criteoAccount(alias: "criteo-eu", advertiser: "70001", currency: "EUR", campaigns: 2_500, firstID: 600_000)]
        accounts.topsort = [
            SyntheticAccounts.topsortAccount(alias: "topsort-a", vendor: "vendor-a", currency: "USD", campaigns: 1_500, firstID: 1),
            SyntheticAccounts.topsortAccount(alias: "topsort-b", vendor: "vendor-b", currency: "USD", campaigns: 1_000, firstID: 100_000),
        ]
        accounts.jivox = [SyntheticAccounts.jivoxAccount(alias: "jivox-main", account: "acc-bench", retailCampaigns: 200, firstIdx: 9_000)]
        return accounts
    }

    func run() async throws {
        let accounts = Self.accounts()
        let latency = Double(latencyMilliseconds) / 1000
        print("fetch: no-op plan of \(accounts.campaignCount) campaigns, \(accounts.adGroupCount) ad groups and "
              + "\(accounts.retailCampaignCount) Jivox retail campaigns against the sandbox, \(latencyMilliseconds) ms latency on every request")
        for line in accounts.spread { print("  \(line)") }

        let (manifest, loadSeconds) = try ProcessMeasurements.wallSeconds { try SandboxSetup.loadManifests(accounts.manifestYAML()) }
        let sandbox = try SandboxServer(configuration: SandboxConfiguration(fixture: try accounts.fixture(),
                                                                            faults: try FaultPlan.parse("latency=\(latencyMilliseconds)ms")))
        let endpoints = try await sandbox.start()
        let factory = SandboxSetup.factory(endpoints, for: manifest)
        let clients = try factory.clients(for: manifest.providers)

        let setupResident = ProcessMeasurements.residentMiB()
        let peakReset = ProcessMeasurements.resetPeakResident()
        let cpuBefore = ProcessMeasurements.cpuSeconds()
        let (live, fetchSeconds) = try await ProcessMeasurements.wallSeconds { try await LiveStateFetcher.fetch(manifest, clients: clients) }
        let cpuFetch = ProcessMeasurements.cpuSeconds() - cpuBefore
        let today = CalendarDate(utcDayOf: Date())
        let (plan, planSeconds) = try ProcessMeasurements.wallSeconds { try PlanBuilder.plan(manifest, live: live, options: PlanOptions(today: today)) }
        let peak = ProcessMeasurements.peakResidentMiB()

        let fetched = live.accounts.reduce(0) { $0 + $1.campaigns.count }
        let fetchedGroups = live.accounts.reduce(0) { total, account in total + account.campaigns.reduce(0) { $0 + $1.adGroups.count } }
        print(String(format: "  load manifests (YAML): %.3f s (not part of the fetch)", loadSeconds))
        print(String(format: "  fetch: %.3f s wall, %.2f s CPU (client and sandbox in one process); %d campaigns, %d ad groups, %d retail campaigns read",
                     fetchSeconds, cpuFetch, fetched, fetchedGroups, live.accounts.reduce(0) { $0 + $1.retailCampaigns.count }))
        print(String(format: "  plan (diff + order + safety): %.3f s", planSeconds))
        if plan.hasChanges {
            print("  ERROR: the plan is not empty (\(plan.actions.count) actions, \(plan.blocked.count) blocked): the manifests and the seeded accounts disagree")
            for action in plan.actions.prefix(5) {
                print("    \(action.id): " + action.changes.map { "\($0.field)" }.joined(separator: ", "))
            }
            for blocked in plan.blocked.prefix(5) { print("    blocked \(blocked.address): \(blocked.reason)") }
        } else {
            print("  plan: no changes (as expected)")
        }

        var slowest = (seconds: 0.0, provider: "")
        var sentByPlatform: [SandboxPlatform: Int] = [:]
        print("  requests per provider block (sent by the client / fewest the API allows, and why):")
        for client in clients {
            let sent = await client.requestCounter.total
            if let platform = SandboxPlatform(rawValue: client.provider.kind.rawValue) { sentByPlatform[platform, default: 0] += sent }
            let minimum = Self.minimumRequests(for: client.provider, accounts: accounts, manifest: manifest)
            let roundTrips = Self.roundTrips(for: client.provider, minimum: minimum.count)
            if Double(roundTrips) * latency > slowest.seconds { slowest = (Double(roundTrips) * latency, client.provider.alias) }
            let verdict = sent == minimum.count ? "= minimum" : "MORE THAN THE MINIMUM"
            print("    \(client.provider.alias.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(sent).leftPadded(4)) / "
                  + "\(String(minimum.count).leftPadded(4))  \(verdict): \(minimum.reason)")
        }
        var logLine: [String] = []
        for platform in SandboxPlatform.allCases {
            logLine.append("\(platform.rawValue) \(sandbox.requestLog.count(platform))")
        }
        let logMatches = SandboxPlatform.allCases.allSatisfy { sandbox.requestLog.count($0) == sentByPlatform[$0, default: 0] }
        print("  sandbox request log by platform: " + logLine.joined(separator: ", ") + " (\(sandbox.requestLog.entries.count) in all; "
              + (logMatches ? "the same as the clients counted)" : "NOT what the clients counted)"))
        print(String(format: "  fetch lower bound: %.3f s (%@: its unavoidable sequential round trips x %d ms); measured / bound: %.2fx",
                     slowest.seconds, slowest.provider, latencyMilliseconds, fetchSeconds / max(slowest.seconds, 0.001)))
        print(String(format: "  memory: %.1f MiB resident after setup (sandbox holding the accounts, manifests loaded); "
                     + "peak during fetch + plan %.1f MiB%@", setupResident, peak,
                     peakReset ? "" : " (peak since process start: /proc/self/clear_refs refused)"))
        if ProcessInfo.processInfo.environment["RECONCILE_BENCH_DETAIL"] != nil {
            // Each provider alone, with fresh clients: where the time goes without the others competing for the CPU.
            for provider in manifest.providers {
                let client = try factory.client(for: provider)
                let (_, alone) = try await ProcessMeasurements.wallSeconds { try await client.fetch(for: manifest) }
                let minimum = Self.minimumRequests(for: provider, accounts: accounts, manifest: manifest).count
                print(String(format: "    alone: %@ %.3f s (bound %.3f s)", provider.alias, alone, Double(Self.roundTrips(for: provider, minimum: minimum)) * latency))
            }
        }
        await sandbox.stop()
    }

    /// The fewest requests the provider's API needs to read everything the planner compares, and why.
    static func minimumRequests(for provider: ProviderConfig, accounts: SyntheticAccounts, manifest: Manifest) -> (count: Int, reason: String) {
        switch provider.kind {
        case .nextroll:
            guard let account = accounts.nextroll.first(where: { $0.alias == provider.alias }) else { return (0, "not seeded") }
            let active = account.campaigns.contains(where: \.active), inactive = account.campaigns.contains { !$0.active }
            let segments = manifest.segments.contains { $0.provider == provider.alias }
            let count = 2 + (active ? 1 : 0) + (inactive ? 1 : 0) + (segments ? 1 : 0)
            return (count, "get_campaigns_fast for active and for inactive campaigns (its default hides paused ones), "
                    + "get_adgroups_fast for each side that has campaigns (every status listed)"
                    + (segments ? ", 1 get_segments for the declared segments" : ""))
        case .criteo:
            return (2, "1 OAuth token + 1 campaign search for the advertiser (the search does not page)")
        case .topsort:
            let count = accounts.topsort.first { $0.alias == provider.alias }?.campaigns.count ?? 0
            let pages = max(1, (count + 99) / 100)
            return (pages, "ceil(\(count) campaigns / 100 per page) pages of the vendor's list, one after another (no total is given)")
        case .jivox:
            let count = manifest.retailCampaigns.filter { $0.provider == provider.alias }.count
            return (2 * count, "2 per retail campaign (\(count)): trackers + export status (the API cannot list retail campaigns)")
        }
    }

    /// Round trips that must follow one another: NextRoll campaigns then their ad groups; Criteo token
    /// then search; Topsort each page after the last; Jivox its requests over its concurrency.
    static func roundTrips(for provider: ProviderConfig, minimum: Int) -> Int {
        switch provider.kind {
        case .nextroll, .criteo: return 2
        case .topsort: return minimum
        case .jivox:
            let concurrency = ClientLimits.resolved(for: provider).concurrency
            return (minimum + concurrency - 1) / concurrency
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
