import Planner

extension ActionFailure {
    /// The failure of `request`: the platform's code, message and status from `error`, and whether a
    /// non-idempotent call (a create) may have taken effect although its answer was lost.
    init(_ error: APIError, request: APIRequest) {
        self.init(code: error.platformCode, message: error.failureMessage, httpStatus: error.httpStatus, call: request.summary,
                  outcomeUnknown: !request.isIdempotent && error.outcomeIsUnknown)
    }
}

extension APIError {
    /// What went wrong, without the call (an `ActionFailure` names it separately).
    var failureMessage: String {
        switch self {
        case .status(let status, _, let message, _): return message.isEmpty ? "HTTP \(status)" : message
        case .transport(let message, _, _): return message
        case .malformedResponse(let message, _): return "unexpected response: \(message)"
        case .credentials(let message): return message
        case .gaveUp(let attempts, let last): return "\(last.failureMessage) (gave up after \(attempts) attempts)"
        case .cancelled: return "not sent: interrupted"
        }
    }
}
