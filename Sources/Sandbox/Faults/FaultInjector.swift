import Foundation

/// Decides, request by request, which faults of the current `FaultPlan` apply. Called from the server's
/// socket threads (synchronously, before the request reaches a simulator) and from simulators for
/// platform-level faults, so its counters sit behind a lock (see `LockedValue`).
public final class FaultInjector: Sendable {
    private struct State {
        var plan: FaultPlan
        /// How many times each request (by content hash and purpose) was seen.
        var occurrences: [UInt64: UInt64] = [:]
        /// How many times each rule fired.
        var fired: [Int: Int] = [:]
    }

    private let state: LockedValue<State>

    init(plan: FaultPlan) {
        state = LockedValue(State(plan: plan))
    }

    /// The plan in force.
    public var plan: FaultPlan { state.withLock { $0.plan } }

    /// Replaces the plan and forgets occurrence and firing counts, so decisions start over from the seed.
    public func configure(_ plan: FaultPlan) {
        state.withLock { $0 = State(plan: plan) }
    }

    /// Latency and the outcome for a request, from the HTTP-level rules.
    func decision(for request: HTTPRequest) -> FaultDecision {
        state.withLock { state in
            guard !state.plan.rules.isEmpty else { return .none }
            let key = Self.requestKey(request, purpose: 0)
            let occurrence = Self.nextOccurrence(of: key, in: &state)
            var decision = FaultDecision()
            for (index, rule) in state.plan.rules.enumerated() where rule.applies(to: request) {
                switch rule.kind {
                case .latency(let minimum, let maximum):
                    guard Self.fires(index, rule, key: key, occurrence: occurrence, item: 0, state: &state) else { continue }
                    let spread = Self.unit(Self.mix(state.plan.seed, key, occurrence, UInt64(index), 0xA5A5))
                    decision.latency += minimum + (maximum - minimum) * spread
                    decision.name = decision.name ?? "latency"
                case .tooManyRequests(let retryAfter):
                    guard decision.outcome == .proceed, Self.fires(index, rule, key: key, occurrence: occurrence, item: 0, state: &state) else { continue }
                    decision.outcome = .status(429, retryAfter: retryAfter)
                    decision.name = rule.kind.name
                case .serverError(let status):
                    guard decision.outcome == .proceed, Self.fires(index, rule, key: key, occurrence: occurrence, item: 0, state: &state) else { continue }
                    decision.outcome = .status(status, retryAfter: nil)
                    decision.name = rule.kind.name
                case .dropConnection:
                    guard decision.outcome == .proceed, Self.fires(index, rule, key: key, occurrence: occurrence, item: 0, state: &state) else { continue }
                    decision.outcome = .drop
                    decision.name = rule.kind.name
                case .neverRespond:
                    guard decision.outcome == .proceed, Self.fires(index, rule, key: key, occurrence: occurrence, item: 0, state: &state) else { continue }
                    decision.outcome = .hang
                    decision.name = rule.kind.name
                case .criteoItemFailure, .jivoxExportFailure:
                    continue
                }
            }
            return decision
        }
    }

    /// For a Criteo bulk PATCH with `count` items: the items to fail, by index, with their error code.
    func criteoItemFailures(for request: HTTPRequest, count: Int) -> [Int: String] {
        state.withLock { state in
            let rules = state.plan.rules.enumerated().filter {
                if case .criteoItemFailure = $0.element.kind { return $0.element.applies(to: request) }
                return false
            }
            guard !rules.isEmpty else { return [:] }
            let key = Self.requestKey(request, purpose: 1)
            let occurrence = Self.nextOccurrence(of: key, in: &state)
            var failures: [Int: String] = [:]
            for item in 0..<count {
                for (index, rule) in rules where failures[item] == nil {
                    if case .criteoItemFailure(let code) = rule.kind,
                       Self.fires(index, rule, key: key, occurrence: occurrence, item: UInt64(item) + 1, state: &state) {
                        failures[item] = code
                    }
                }
            }
            return failures
        }
    }

    /// Whether a Jivox export started by this request should end FAILED.
    func jivoxExportFails(for request: HTTPRequest) -> Bool {
        state.withLock { state in
            let rules = state.plan.rules.enumerated().filter {
                $0.element.kind == .jivoxExportFailure && $0.element.applies(to: request)
            }
            guard !rules.isEmpty else { return false }
            let key = Self.requestKey(request, purpose: 2)
            let occurrence = Self.nextOccurrence(of: key, in: &state)
            return rules.contains { Self.fires($0.offset, $0.element, key: key, occurrence: occurrence, item: 0, state: &state) }
        }
    }

    private static func nextOccurrence(of key: UInt64, in state: inout State) -> UInt64 {
        let occurrence = state.occurrences[key, default: 0]
        state.occurrences[key] = occurrence + 1
        return occurrence
    }

    private static func fires(_ index: Int, _ rule: FaultRule, key: UInt64, occurrence: UInt64, item: UInt64, state: inout State) -> Bool {
        if let times = rule.times, state.fired[index, default: 0] >= times { return false }
        let draw = unit(mix(state.plan.seed, key, occurrence, UInt64(index), item))
        guard rule.rate >= 1 || draw < rule.rate else { return false }
        state.fired[index, default: 0] += 1
        return true
    }

    /// FNV-1a over what identifies a request: method, path, query and body.
    private static func requestKey(_ request: HTTPRequest, purpose: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ purpose
        func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x100_0000_01b3
        }
        add(request.method.utf8)
        add(request.path.utf8)
        for (name, value) in request.query {
            add(name.utf8)
            add(value.utf8)
        }
        add(request.body)
        return hash
    }

    private static func mix(_ values: UInt64...) -> UInt64 {
        var result: UInt64 = 0
        for value in values {
            var random = SeededRandom(seed: result ^ value)
            result = random.next()
        }
        return result
    }

    /// A uniform value in 0..<1 from 53 random bits.
    private static func unit(_ value: UInt64) -> Double {
        Double(value >> 11) / Double(UInt64(1) << 53)
    }
}
