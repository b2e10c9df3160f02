import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

/// A NextRoll account in a sandbox that checks the credentials, a client for it, and manifests for it.
struct NextRollSandbox {
    static let advertisable = "ADVGENERIC000000000001"
    static let today = CalendarDate(year: 2026, month: 3, day: 1) ?? CalendarDate(daysSinceEpoch: 0)
    /// The credential values the harness connection sends; the sandbox refuses any others.
    static let apiKey = SandboxHarness.environment["NEXTROLL_API_KEY"] ?? ""
    static let token = SandboxHarness.environment["NEXTROLL_TOKEN"] ?? ""

    /// The account's provider block. The sandbox has no quota, so tests run at full speed instead of NextRoll's 300 calls a minute.
    static let provider = providerConfig("nr", .nextroll, account: advertisable, currency: "USD", limits: RateLimits(requestsPerMinute: 1_000_000))

    let harness: SandboxHarness
    let provider: ProviderConfig
    let client: NextRollClient
    let sleeper: RecordingSleeper

    var log: RequestLog { harness.server.requestLog }

    /// Starts the sandbox from `fixture` with `faults`, runs `body` and stops the sandbox. The generous
    /// request timeout keeps a busy machine (the whole suite runs in parallel) from turning a slow answer
    /// into a retry that would change the call counts the tests check.
    @discardableResult
    static func with<T: Sendable>(_ fixture: SandboxFixture = .generic, faults: String = "", retryPolicy: RetryPolicy = RetryPolicy(requestTimeout: 60),
                                  provider: ProviderConfig = NextRollSandbox.provider,
                                  _ body: (NextRollSandbox) async throws -> T) async throws -> T {
        let configuration = SandboxConfiguration(fixture: fixture, faults: try FaultPlan.parse(faults),
                                                 credentials: SandboxCredentials(nextrollAPIKey: apiKey, nextrollToken: token))
        let harness = try await SandboxHarness.start(configuration)
        do {
            let sleeper = RecordingSleeper()
            let client = NextRollClient(provider: provider, connection: try harness.connection(for: provider, sleeper: sleeper, retryPolicy: retryPolicy))
            let result = try await body(NextRollSandbox(harness: harness, provider: provider, client: client, sleeper: sleeper))
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    /// A manifest whose provider block `nr` is this account, with `resources` (campaigns, segments) below it.
    static func manifest(_ resources: String) throws -> Manifest {
        let text = """
            providers:
              nr: { type: nextroll, advertisable: \(advertisable), currency: USD }
            safety: { max_change_percent: 100, max_spend_increase_percent: 100000 }

            """ + resources
        return try ManifestLoader().load([ManifestSource(file: "nextroll.yaml", data: Data(text.utf8))])
    }

    func fetch(_ manifest: Manifest) async throws -> LiveAccount {
        try await client.fetch(for: manifest)
    }

    func plan(_ manifest: Manifest) async throws -> Plan {
        try PlanBuilder.plan(manifest, live: LiveState(accounts: [try await fetch(manifest)]), options: PlanOptions(today: Self.today))
    }

    /// `METHOD /path` of the requests the sandbox received (platform paths), in order.
    func calls(_ method: String? = nil) -> [String] {
        log.entries(.nextroll, method: method).map { "\($0.method) \($0.platformPath)" }
    }

    /// Requests that change something (everything but GET).
    func writes() -> [String] {
        calls().filter { !$0.hasPrefix("GET ") }
    }

    /// The form fields of the first request to `path`.
    func form(_ path: String) -> [String: String] {
        forms(path).first ?? [:]
    }

    /// The form fields of every request to `path`, in order.
    func forms(_ path: String) -> [[String: String]] {
        log.entries(.nextroll, path: path).map { Self.fields($0.bodyText) }
    }

    static func fields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0].removingPercentEncoding ?? parts[0]
            fields[name] = parts.count > 1 ? (parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? parts[1]) : ""
        }
        return fields
    }
}

extension Plan {
    /// `METHOD /path` of every call the plan's actions make, in plan order.
    var callSummaries: [String] { actions.flatMap(\.calls).map { "\($0.method) \($0.path)" } }
}
