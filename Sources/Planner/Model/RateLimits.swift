/// Per-provider client limits; nil fields use defaults from the platform's published limits.
public struct RateLimits: Sendable, Hashable, Codable {
    /// Calls in flight at once.
    public var concurrency: Int?
    /// Calls started per minute.
    public var requestsPerMinute: Int?

    public init(concurrency: Int? = nil, requestsPerMinute: Int? = nil) {
        self.concurrency = concurrency
        self.requestsPerMinute = requestsPerMinute
    }
}
