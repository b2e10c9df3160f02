/// One fault and when it applies: to which requests (path pattern, method), how often (rate) and how
/// many times at most.
public struct FaultRule: Sendable, Equatable {
    public var kind: FaultKind
    /// The probability, 0...1, that a matching request gets the fault.
    public var rate: Double
    /// A pattern over the full request path including the platform prefix (`/criteo/*`); nil matches all.
    public var path: String?
    /// An HTTP method; nil matches all.
    public var method: String?
    /// The fault fires at most this many times; nil for no limit.
    public var times: Int?

    public init(_ kind: FaultKind, rate: Double = 1, path: String? = nil, method: String? = nil, times: Int? = nil) {
        self.kind = kind
        self.rate = rate
        self.path = path
        self.method = method?.uppercased()
        self.times = times
    }

    func applies(to request: HTTPRequest) -> Bool {
        (method == nil || method == request.method) && (path.map { GlobPattern($0).matches(request.path) } ?? true)
    }
}
