/// The faults a sandbox injects, reproducible from `seed`.
///
/// Each decision is a pure function of the seed, the rule, the request (method, path, query, body) and
/// how many times that same request was seen before, so concurrent clients cannot change which request
/// fails, and a retry (the next occurrence) gets a fresh draw. Only `times` limits depend on order.
///
/// Text form (`--faults SPEC`), entries separated by `;`:
///
///     seed=N                             the seed (default 0)
///     latency=DURATION[..DURATION]       add a delay, fixed or drawn from the range: 20ms, 1.5s, 5ms..50ms
///     429[,retry-after=SECONDS]          Too Many Requests with Retry-After (default 1)
///     500 | 502 | 503 | 504              a server error
///     drop                               act on the request, then close the connection without a response
///     hang                               never respond (the client must time out)
///     criteo-item[,code=CODE]            fail items of a Criteo bulk PATCH (each item drawn separately)
///     jivox-export-fail                  make Jivox exports end FAILED
///
/// and each fault entry takes options after commas:
///
///     rate=P        probability 0...1 for each matching request (default 1)
///     path=GLOB     full path with platform prefix, `*` matches anything: path=/criteo/*
///     method=M      only this HTTP method
///     times=N       fire at most N times
///
/// Example: `seed=7;latency=5ms..20ms;429,rate=0.1,retry-after=2;503,rate=0.05,path=/topsort/*;drop,method=PATCH,times=1`.
public struct FaultPlan: Sendable, Equatable {
    public var seed: UInt64
    public var rules: [FaultRule]

    public init(seed: UInt64 = 0, rules: [FaultRule] = []) {
        self.seed = seed
        self.rules = rules
    }

    /// No faults.
    public static let none = FaultPlan()

    /// Parses the text form documented on the type.
    public static func parse(_ spec: String) throws(FaultSpecError) -> FaultPlan {
        try FaultSpecParser.parse(spec)
    }
}
