/// A call to a platform failed. Messages never contain credentials: clients pass every text through
/// their `SecretRedactor` before it becomes part of an error.
public enum APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The platform answered with an error status; `code` and `message` are taken from its error body when it has them.
    case status(Int, code: String?, message: String, call: String)
    /// The request could not be sent or no answer came (connection refused, reset, timeout, TLS).
    /// `mayHaveReachedPlatform` is false only when the request certainly never left (connection refused, DNS).
    case transport(message: String, call: String, mayHaveReachedPlatform: Bool)
    /// The platform answered 2xx with a body that does not match its documented shape.
    case malformedResponse(message: String, call: String)
    /// The credentials a provider block names are missing or were refused.
    case credentials(message: String)
    /// Retries were used up; the last failure is attached.
    indirect case gaveUp(attempts: Int, last: APIError)
    /// The work was cancelled (SIGINT/SIGTERM) before the request was sent.
    case cancelled(call: String)

    /// The HTTP status, when the platform answered.
    public var httpStatus: Int? {
        switch self {
        case .status(let status, _, _, _): return status
        case .gaveUp(_, let last): return last.httpStatus
        default: return nil
        }
    }

    /// The platform's own error code (`INVALID_ARGUMENT`, `rate_limited`), when it gave one.
    public var platformCode: String? {
        switch self {
        case .status(_, let code, _, _): return code
        case .gaveUp(_, let last): return last.platformCode
        default: return nil
        }
    }

    /// True when a non-idempotent request may or may not have taken effect: its answer was lost.
    /// The applier must then look for the result (re-fetch by identity) instead of retrying.
    public var outcomeIsUnknown: Bool {
        switch self {
        case .transport(_, _, let reached): return reached
        case .status(let status, _, _, _): return status >= 500
        case .gaveUp(_, let last): return last.outcomeIsUnknown
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .status(let status, let code, let message, let call):
            return "\(call) failed with HTTP \(status)" + (code.map { " \($0)" } ?? "") + (message.isEmpty ? "" : ": \(message)")
        case .transport(let message, let call, _):
            return "\(call) failed: \(message)"
        case .malformedResponse(let message, let call):
            return "\(call) returned an unexpected response: \(message)"
        case .credentials(let message):
            return message
        case .gaveUp(let attempts, let last):
            return "\(last) (gave up after \(attempts) attempt\(attempts == 1 ? "" : "s"))"
        case .cancelled(let call):
            return "\(call) was not sent: interrupted"
        }
    }
}
