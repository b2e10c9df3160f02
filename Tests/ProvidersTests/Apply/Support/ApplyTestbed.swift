import Foundation
import Planner
@testable import Providers
import Sandbox

/// `reconcile apply` in process: one sandbox serving the four platforms, the real clients on loopback,
/// and the applier, with the manifests and the Jivox tags folders in a temporary folder.
///
/// Retry waits (Retry-After, backoff) are recorded by `sleeper`, not slept; the clients have no
/// request-rate limit (the sandbox has no quota), only their platforms' concurrency.
struct ApplyTestbed {
    let harness: SandboxHarness
    let folder: URL
    let manifest: Manifest
    let clients: [any ProviderClient]
    let sleeper: RecordingSleeper

    var server: SandboxServer { harness.server }
    var log: RequestLog { harness.server.requestLog }

    /// Starts a sandbox from `scenario`'s fixture with `faults`, writes its manifests and makes the
    /// clients. `requestTimeout` is in whole seconds: URLSession on Linux misreads fractions.
    static func start(_ scenario: ApplyScenario, faults: FaultPlan = .none, requestTimeout: Int, maxAttempts: Int = RetryPolicy().maxAttempts,
                      requestObserver: (@Sendable (RequestLogEntry) -> Void)? = nil) async throws -> ApplyTestbed {
        var configuration = ProviderTestKit.configuration(faults: faults, fixture: scenario.fixture)
        configuration.requestObserver = requestObserver
        let harness = try await SandboxHarness.start(configuration)
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apply-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(scenario.manifestText.utf8).write(to: folder.appendingPathComponent("manifests.yaml"))
            let manifest = try ManifestLoader().load(path: folder.path)
            let sleeper = RecordingSleeper()
            let retryPolicy = RetryPolicy(maxAttempts: maxAttempts, requestTimeout: Double(requestTimeout))
            // The sandbox moves an export on with each status request, so polling needs no pause.
            let factory = ProviderClientFactory(publishedRateLimits: false, jivoxExportPolling: JivoxExportPolling(interval: 0, timeout: 60))
            let clients = try manifest.providers.map { provider in
                factory.platformClient(for: provider, connection: try harness.unthrottledConnection(for: provider, sleeper: sleeper, retryPolicy: retryPolicy))
            }
            return ApplyTestbed(harness: harness, folder: folder, manifest: manifest, clients: clients, sleeper: sleeper)
        } catch {
            await harness.stop()
            throw error
        }
    }

    /// Runs `body` with a started testbed and stops it afterwards, whatever happens.
    static func with<T>(_ scenario: ApplyScenario, faults: FaultPlan = .none, requestTimeout: Int, maxAttempts: Int = RetryPolicy().maxAttempts,
                        requestObserver: (@Sendable (RequestLogEntry) -> Void)? = nil,
                        _ body: (ApplyTestbed) async throws -> T) async throws -> T {
        let testbed = try await start(scenario, faults: faults, requestTimeout: requestTimeout, maxAttempts: maxAttempts, requestObserver: requestObserver)
        do {
            let result = try await body(testbed)
            await testbed.stop()
            return result
        } catch {
            await testbed.stop()
            throw error
        }
    }

    func stop() async {
        await harness.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The live state of every provider, with the tags already on disk, as `reconcile plan` reads it.
    func fetch() async throws -> LiveState {
        try await LiveStateFetcher.fetch(manifest, clients: clients).addingLocalTags(for: manifest)
    }

    /// The plan from `live` to the manifests (safety thresholds overridden: these plans are large on purpose).
    func plan(_ live: LiveState) throws -> Plan {
        try PlanBuilder.plan(manifest, live: live, options: PlanOptions(today: CalendarDate(utcDayOf: Date()), allowUnsafe: true))
    }

    /// Applies `plan` as `reconcile apply` does: each provider's actions in flight up to its concurrency limit.
    func apply(_ plan: Plan, interruption: ApplyInterruption = ApplyInterruption()) async -> ApplyReport {
        var executors: [String: any ActionExecutor] = [:]
        var parallelism: [String: Int] = [:]
        for client in clients {
            executors[client.provider.alias] = client
            parallelism[client.provider.alias] = ClientLimits.resolved(for: client.provider).concurrency
        }
        return await PlanApplier(plan: plan, executors: executors, parallelism: parallelism, interruption: interruption).run()
    }

    /// The sandbox platform a provider alias's requests go to.
    func platform(of alias: String) -> SandboxPlatform? {
        guard let kind = manifest.provider(alias)?.kind else { return nil }
        switch kind {
        case .nextroll: return .nextroll
        case .criteo: return .criteo
        case .topsort: return .topsort
        case .jivox: return .jivox
        }
    }
}
