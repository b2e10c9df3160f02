import Planner

/// Reads NextRoll's error answers. The reference shows none; the platform (and the sandbox) answer
/// `{"results": null, "errors": [{"code": "invalid_parameter", "message": "…"}]}`. Anything else is
/// passed on as text.
enum NextRollErrorBody {
    static let read: @Sendable (APIResponse) -> (code: String?, message: String) = { response in
        guard let value = try? JSONParser().parse(response.body), case .object(let members) = value else {
            return (nil, response.bodyExcerpt())
        }
        let body = Dictionary(members, uniquingKeysWith: { _, last in last })
        if case .array(let errors)? = body["errors"] {
            var code: String?
            var messages: [String] = []
            for case .object(let error) in errors {
                let fields = Dictionary(error, uniquingKeysWith: { _, last in last })
                if code == nil, case .string(let text)? = fields["code"] { code = text }
                if case .string(let text)? = fields["message"] { messages.append(text) }
            }
            if !messages.isEmpty || code != nil { return (code, messages.joined(separator: "; ")) }
        }
        if case .string(let message)? = body["message"] { return (nil, message) }
        return (nil, response.bodyExcerpt())
    }
}
