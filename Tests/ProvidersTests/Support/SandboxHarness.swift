import Foundation
import Planner
@testable import Providers
import Sandbox

/// A sandbox on an ephemeral loopback port for one test, and provider connections pointed at it.
struct SandboxHarness {
    /// Credentials every harness connection uses; tests check none of them ever appears in output.
    static let environment: [String: String] = [
        "NEXTROLL_API_KEY": "nr-key-7f3a9c2e51", "NEXTROLL_TOKEN": "nr-token-b81d44e0c9",
        "CRITEO_CLIENT_ID": "criteo-client-5e2a", "CRITEO_CLIENT_SECRET": "criteo-secret-90fd17aa",
        "TOPSORT_API_KEY": "ts-key-3c6b8d1f42", "JIVOX_API_KEY": "jivox-key-a4e7c05b",
    ]

    let server: SandboxServer
    let endpoints: SandboxEndpoints

    /// Starts a sandbox with `configuration` (its port is forced to 0: any free port).
    static func start(_ configuration: SandboxConfiguration = SandboxConfiguration(fixture: .generic)) async throws -> SandboxHarness {
        var configuration = configuration
        configuration.port = 0
        let server = try SandboxServer(configuration: configuration)
        let endpoints = try await server.start()
        return SandboxHarness(server: server, endpoints: endpoints)
    }

    func stop() async {
        await server.stop()
    }

    /// The base URL of `kind`'s simulator.
    func baseURL(for kind: ProviderKind) -> URL {
        switch kind {
        case .nextroll: return endpoints.nextroll
        case .criteo: return endpoints.criteo
        case .topsort: return endpoints.topsort
        case .jivox: return endpoints.jivox
        }
    }

    /// A connection for `provider` to this sandbox. Waits between retries are recorded by `sleeper`, not slept.
    func connection(for provider: ProviderConfig, sleeper: any RetrySleeper = RecordingSleeper(),
                    retryPolicy: RetryPolicy = RetryPolicy(requestTimeout: 5)) throws -> ProviderConnection {
        try ProviderConnection.make(for: provider, endpointOverride: baseURL(for: provider.kind), environment: Self.environment,
                                    retryPolicy: retryPolicy, sleeper: sleeper)
    }
}

/// Records the waits a client asks for instead of sleeping, so retry tests run at once and can
/// check the waits (Retry-After honoured, backoff growing).
final class RecordingSleeper: RetrySleeper, @unchecked Sendable {
    // A lock rather than an actor: `sleep` is awaited from many tasks and must record synchronously.
    private let lock = NSLock()
    private var recorded: [Double] = []

    var waits: [Double] {
        lock.withLock { recorded }
    }

    func sleep(seconds: Double) async throws {
        lock.withLock { recorded.append(seconds) }
        try Task.checkCancellation()
    }
}

/// A provider block for tests, as a manifest would declare it.
func providerConfig(_ alias: String, _ kind: ProviderKind, account: String, currency: String? = nil,
                    prune: PrunePolicy = .none, limits: RateLimits? = nil) -> ProviderConfig {
    ProviderConfig(alias: alias, kind: kind, account: account, currency: currency.flatMap { Currency(code: $0) }, prune: prune,
                   limits: limits, location: SourceLocation(file: "test.yaml", line: 1, column: 1))
}
