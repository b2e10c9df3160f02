import Foundation

/// What an injected fault does.
public enum FaultKind: Sendable, Equatable {
    /// Delay the response by a duration drawn uniformly from the range (seconds).
    case latency(minimum: TimeInterval, maximum: TimeInterval)
    /// Answer 429 with `Retry-After: seconds`, in the platform's error shape, without touching state.
    case tooManyRequests(retryAfter: Int)
    /// Answer a 5xx status (500, 502, 503, 504) in the platform's error shape, without touching state.
    case serverError(status: Int)
    /// Let the simulator act on the request, then close the connection without any response (a lost answer).
    case dropConnection
    /// Read the request and never answer: the client must time out.
    case neverRespond
    /// Fail individual items of a Criteo bulk PATCH with this error code (the others succeed).
    case criteoItemFailure(code: String)
    /// Make a Jivox asset export end FAILED instead of COMPLETED.
    case jivoxExportFailure

    /// The name used in the fault spec and in the request log.
    public var name: String {
        switch self {
        case .latency: return "latency"
        case .tooManyRequests: return "429"
        case .serverError(let status): return String(status)
        case .dropConnection: return "drop"
        case .neverRespond: return "hang"
        case .criteoItemFailure: return "criteo-item"
        case .jivoxExportFailure: return "jivox-export-fail"
        }
    }

    /// The error code Criteo item failures use unless the spec gives one.
    public static let defaultCriteoItemCode = "campaign--campaign-update-check--unavailable-feature-for-this-advertiser"
}
