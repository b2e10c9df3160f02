import Planner

extension ActionFailure {
    /// The failure an action reports for a call that failed with `error` (already redacted by the
    /// `APIClient`): the platform's code, message and HTTP status, and the call. `isCreate` says the call
    /// makes a resource; its outcome is unknown when the answer was lost (`APIError.outcomeIsUnknown`).
    public init(_ error: APIError, isCreate: Bool) {
        self.init(code: error.platformCode, message: error.failureMessage, httpStatus: error.httpStatus, call: error.call,
                  outcomeUnknown: isCreate && error.outcomeIsUnknown)
    }
}

extension APIError {
    /// `METHOD /path` of the failed call, when the error names one.
    public var call: String? {
        switch self {
        case .status(_, _, _, let call), .transport(_, let call, _), .malformedResponse(_, let call), .cancelled(let call): return call
        case .gaveUp(_, let last): return last.call
        case .credentials: return nil
        }
    }

    /// What went wrong without the call (which an `ActionFailure` keeps apart).
    public var failureMessage: String {
        switch self {
        case .status(let status, _, let message, _): return message.isEmpty ? "HTTP \(status)" : message
        case .transport(let message, _, _): return message
        case .malformedResponse(let message, _): return "unexpected answer: \(message)"
        case .credentials(let message): return message
        case .gaveUp(let attempts, let last): return "\(last.failureMessage) (gave up after \(attempts) attempt\(attempts == 1 ? "" : "s"))"
        case .cancelled: return "not sent: interrupted"
        }
    }
}
