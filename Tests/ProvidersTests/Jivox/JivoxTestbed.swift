import Foundation
import Planner
@testable import Providers
import Sandbox

/// A sandbox with the generic fixture (account acc-1: retail campaign 101 not activated, 102 active with
/// MOAT and a finished png@1x export), a temporary folder for manifests and tags, and a Jivox client
/// whose export polling does not wait.
struct JivoxTestbed {
    static let alias = "jivox-main"

    let harness: SandboxHarness
    let folder: URL
    let provider: ProviderConfig
    let client: JivoxClient

    static func start(_ configuration: SandboxConfiguration = SandboxConfiguration(fixture: .generic),
                      polling: JivoxExportPolling = JivoxExportPolling(interval: 0, timeout: 60),
                      retryPolicy: RetryPolicy = RetryPolicy(requestTimeout: 60)) async throws -> JivoxTestbed {
        // A generous timeout: a busy test run can hold a request up for seconds; a retry would change the counts.
        let harness = try await SandboxHarness.start(configuration)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jivox-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // No request-rate limit: the harness records retry waits instead of sleeping, so a throttle would spin.
        let provider = providerConfig(alias, .jivox, account: "acc-1", limits: RateLimits(concurrency: 4, requestsPerMinute: 1_000_000))
        let client = JivoxClient(provider: provider, connection: try harness.connection(for: provider, retryPolicy: retryPolicy),
                                 exportPolling: polling)
        return JivoxTestbed(harness: harness, folder: folder, provider: provider, client: client)
    }

    /// Runs `body` with a started testbed, and stops it afterwards whatever happens.
    static func with(_ configuration: SandboxConfiguration = SandboxConfiguration(fixture: .generic),
                     polling: JivoxExportPolling = JivoxExportPolling(interval: 0, timeout: 60),
                     _ body: (JivoxTestbed) async throws -> Void) async throws {
        let bed = try await start(configuration, polling: polling)
        do {
            try await body(bed)
        } catch {
            await bed.stop()
            throw error
        }
        await bed.stop()
    }

    func stop() async {
        await harness.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    var sandbox: SandboxServer { harness.server }

    /// Writes `yaml` as `retail.yaml` in the folder and loads it as reconcile does.
    func manifest(_ yaml: String) throws -> Manifest {
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("retail.yaml"))
        return try ManifestLoader().load(path: folder.path)
    }

    /// A manifest of the retail campaigns `indexes` with nothing else declared.
    func manifest(indexes: [Int]) throws -> Manifest {
        try manifest("providers:\n  \(Self.alias): { type: jivox, account: acc-1 }\nretail_campaigns:\n"
            + indexes.map { "  - { provider: \(Self.alias), idx: \($0) }\n" }.joined())
    }

    /// Fetches the account and plans `manifest` against it, with the tags already on disk, as `reconcile plan` does.
    func plan(_ manifest: Manifest) async throws -> Plan {
        let live = LiveState(accounts: [try await client.fetch(for: manifest)])
        return try PlanBuilder.plan(manifest, live: live.addingLocalTags(for: manifest), options: PlanOptions(today: CalendarDate(utcDayOf: Date())))
    }

    /// Requests the sandbox logged for the Jivox endpoint `endpoint` (`trackers`, `exportAssets`, …).
    func logged(_ method: String, _ endpoint: String) -> Int {
        sandbox.requestLog.count(.jivox, method: method, path: "*/\(endpoint)")
    }

    /// Every text a test run produced that a credential must never appear in.
    static func containsCredential(_ text: String) -> Bool {
        SandboxHarness.environment.values.contains { text.contains($0) }
    }
}
