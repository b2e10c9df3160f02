import Foundation
import Planner

/// Makes the platform client for each provider block: its connection (base URL, credentials from
/// the environment, limits, retries) and the client of its platform.
public struct ProviderClientFactory: Sendable {
    /// Base URLs that replace the blocks' own (what `--sandbox` sets), by platform.
    public var endpointOverrides: [ProviderKind: URL]
    public var environment: [String: String]
    public var retryPolicy: RetryPolicy
    /// Apply the platforms' published request rates only where the provider block sets `limits:`
    /// (the sandbox has no quotas, so `--sandbox` runs at full speed).
    public var publishedRateLimits: Bool
    /// How Jivox exports are awaited; nil for the client's default (every 5 s, up to 10 minutes).
    public var jivoxExportPolling: JivoxExportPolling?

    public init(endpointOverrides: [ProviderKind: URL] = [:], environment: [String: String] = ProcessInfo.processInfo.environment,
                retryPolicy: RetryPolicy = RetryPolicy(), publishedRateLimits: Bool = true, jivoxExportPolling: JivoxExportPolling? = nil) {
        self.endpointOverrides = endpointOverrides
        self.environment = environment
        self.retryPolicy = retryPolicy
        self.publishedRateLimits = publishedRateLimits
        self.jivoxExportPolling = jivoxExportPolling
    }

    /// The client for `provider`; throws when its credentials are missing from the environment.
    public func client(for provider: ProviderConfig) throws(ProviderError) -> any ProviderClient {
        var connection = try ProviderConnection.make(for: provider, endpointOverride: endpointOverrides[provider.kind],
                                                     environment: environment, retryPolicy: retryPolicy)
        if !publishedRateLimits { connection.limits.requestsPerMinute = provider.limits?.requestsPerMinute }
        return platformClient(for: provider, connection: connection)
    }

    /// Clients for every provider block in `providers`, or every missing-credential error at once.
    public func clients(for providers: [ProviderConfig]) throws(ProviderFailures) -> [any ProviderClient] {
        var clients: [any ProviderClient] = []
        var errors: [ProviderError] = []
        for provider in providers {
            do {
                clients.append(try client(for: provider))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw ProviderFailures(errors: errors) }
        return clients
    }
}

/// Several providers failed; each error names its provider.
public struct ProviderFailures: Error, Sendable, CustomStringConvertible {
    public var errors: [ProviderError]

    public init(errors: [ProviderError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
