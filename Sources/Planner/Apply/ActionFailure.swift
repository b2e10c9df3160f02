/// Why an action failed: the platform's own error where it gave one.
public struct ActionFailure: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The platform's error code (`campaign-does-not-exist`, `INVALID_ARGUMENT`), when it sent one.
    public var code: String?
    /// What went wrong, free of credentials.
    public var message: String
    /// The HTTP status of the failing answer; nil when no answer came.
    public var httpStatus: Int?
    /// The call that failed, `METHOD /path`.
    public var call: String?
    /// True when a create's answer was lost (timeout, dropped connection, 5xx): the resource may or may
    /// not exist. The applier then looks it up by identity instead of trying again.
    public var outcomeUnknown: Bool

    public init(code: String? = nil, message: String, httpStatus: Int? = nil, call: String? = nil, outcomeUnknown: Bool = false) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.call = call
        self.outcomeUnknown = outcomeUnknown
    }

    public var description: String {
        var text = ""
        if let call { text += call + ": " }
        if let httpStatus { text += "HTTP \(httpStatus) " }
        if let code { text += "\(code): " }
        return text + message
    }

    private enum CodingKeys: String, CodingKey {
        case code, message, httpStatus = "http_status", call, outcomeUnknown = "outcome_unknown"
    }
}
