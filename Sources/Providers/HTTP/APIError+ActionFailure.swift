import Planner

extension APIError {
    /// What went wrong, without the call (an `ActionFailure` names the call on its own).
    public var failureMessage: String {
        switch self {
        case .status(let status, _, let message, _):
            return message.isEmpty ? "the platform answered HTTP \(status)" : message
        case .transport(let message, _, _):
            return message
        case .malformedResponse(let message, _):
            return "unexpected answer: \(message)"
        case .credentials(let message):
            return message
        case .gaveUp(let attempts, let last):
            return "\(last.failureMessage) (gave up after \(attempts) attempt\(attempts == 1 ? "" : "s"))"
        case .cancelled:
            return "not sent: interrupted"
        }
    }

    /// The failure of an action whose `request` failed with this error. `outcomeUnknown` is set only
    /// for a request that is not idempotent and whose answer was lost: its effect may or may not exist.
    public func actionFailure(for request: APIRequest) -> ActionFailure {
        ActionFailure(code: platformCode, message: failureMessage, httpStatus: httpStatus, call: request.summary,
                      outcomeUnknown: outcomeIsUnknown && !request.isIdempotent)
    }
}
