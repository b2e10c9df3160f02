import Foundation
import Planner

/// Everything a client needs to reach its platform: base URL, credentials, limits and retry policy.
public struct ProviderConnection: Sendable {
    public var baseURL: URL
    public var credentials: ResolvedCredentials
    public var limits: ClientLimits
    public var retryPolicy: RetryPolicy
    public var sleeper: any RetrySleeper

    public init(baseURL: URL, credentials: ResolvedCredentials, limits: ClientLimits, retryPolicy: RetryPolicy = RetryPolicy(),
                sleeper: any RetrySleeper = TaskSleeper()) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.limits = limits
        self.retryPolicy = retryPolicy
        self.sleeper = sleeper
    }

    /// The connection for `provider`: its `endpoint:` (or `endpointOverride`, as `--sandbox` sets,
    /// or the platform's documented base URL), credentials from `environment`, limits from its block.
    public static func make(for provider: ProviderConfig, endpointOverride: URL? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            retryPolicy: RetryPolicy = RetryPolicy(), sleeper: any RetrySleeper = TaskSleeper()) throws(ProviderError) -> ProviderConnection {
        let credentials: ResolvedCredentials
        do {
            credentials = try ResolvedCredentials.resolve(for: provider, environment: environment)
        } catch {
            throw ProviderError(provider: provider.alias, operation: "reading credentials", underlying: error)
        }
        return ProviderConnection(baseURL: endpointOverride ?? provider.endpoint ?? defaultBaseURL(for: provider.kind),
                                  credentials: credentials, limits: ClientLimits.resolved(for: provider),
                                  retryPolicy: retryPolicy, sleeper: sleeper)
    }

    /// The base URLs the platforms document.
    public static func defaultBaseURL(for kind: ProviderKind) -> URL {
        let text: String
        switch kind {
        case .nextroll: text = "https://services.adroll.com"
        case .criteo: text = "https://api.criteo.com"
        case .topsort: text = "https://api.topsort.com"
        case .jivox: text = "http://demo.stub.api.jivox.com"
        }
        // The literals above are valid URLs; the fallback is never taken.
        return URL(string: text) ?? URL(fileURLWithPath: "/")
    }

    /// An API client on this connection for the provider `alias`.
    /// `counter` lets several clients of one provider count their requests together.
    public func apiClient(alias: String, authenticator: any RequestAuthenticator, counter: RequestCounter = RequestCounter(),
                          errorReader: @escaping @Sendable (APIResponse) -> (code: String?, message: String) = APIClient.plainErrorReader) -> APIClient {
        APIClient(baseURL: baseURL, providerAlias: alias, authenticator: authenticator, limits: limits, retryPolicy: retryPolicy,
                  redactor: credentials.redactor, sleeper: sleeper, counter: counter, errorReader: errorReader)
    }
}
