import Planner

/// How hard one client may press a platform: calls in flight and calls started per minute.
public struct ClientLimits: Sendable, Hashable {
    public var concurrency: Int
    public var requestsPerMinute: Int?

    public init(concurrency: Int, requestsPerMinute: Int?) {
        self.concurrency = concurrency
        self.requestsPerMinute = requestsPerMinute
    }

    /// Defaults from the platforms' published limits, overridden by the provider block's `limits:`.
    ///
    /// Criteo allows 250 calls a minute per application. NextRoll's basic tier allows 10,000 calls
    /// a day: 300 a minute keeps one run from spending the day's quota in under half an hour.
    /// Topsort and Jivox publish no figures; the defaults stay polite.
    public static func defaults(for kind: ProviderKind) -> ClientLimits {
        switch kind {
        case .nextroll: return ClientLimits(concurrency: 8, requestsPerMinute: 300)
        case .criteo: return ClientLimits(concurrency: 8, requestsPerMinute: 250)
        case .topsort: return ClientLimits(concurrency: 8, requestsPerMinute: 600)
        case .jivox: return ClientLimits(concurrency: 4, requestsPerMinute: 120)
        }
    }

    /// The provider block's limits over the platform's defaults.
    public static func resolved(for provider: ProviderConfig) -> ClientLimits {
        var limits = defaults(for: provider.kind)
        if let concurrency = provider.limits?.concurrency { limits.concurrency = concurrency }
        if let perMinute = provider.limits?.requestsPerMinute { limits.requestsPerMinute = perMinute }
        return limits
    }
}
