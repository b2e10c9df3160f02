import Planner

/// Jivox's error answers, in the shape of its Java services:
/// `{"timestamp", "status", "error": "Bad Request", "message": "…", "path"}`.
struct JivoxErrorBody: Decodable {
    var error: String?
    var message: String?

    /// Reads the platform's message from an error answer (the body text when it is not that shape).
    /// The `error` member is the HTTP reason phrase, not a code, so no code is reported.
    static let reader: @Sendable (APIResponse) -> (code: String?, message: String) = { response in
        guard let body = try? JSONValueDecoder().decode(JivoxErrorBody.self, from: response.body),
              let message = body.message ?? body.error, !message.isEmpty else {
            return (nil, response.bodyExcerpt())
        }
        return (nil, message)
    }
}
