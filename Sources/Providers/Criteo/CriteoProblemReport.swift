import Planner

/// One entry of a Criteo `errors` or `warnings` array (`traceIdentifier`, `type`, `code`, `instance`,
/// `title`, `detail`), or of an OAuth error answer (`error`, `error_description`).
struct CriteoProblemReport: Sendable, Hashable {
    var code: String?
    var title: String?
    var detail: String?
    /// `@data/1` names the second item of a bulk update; request-level problems name a path or nothing.
    var instance: String?

    init(code: String?, title: String?, detail: String?, instance: String?) {
        self.code = code
        self.title = title
        self.detail = detail
        self.instance = instance
    }

    init(_ json: JSONValue) {
        self.init(code: json["code"]?.stringValue, title: json["title"]?.stringValue, detail: json["detail"]?.stringValue,
                  instance: json["instance"]?.stringValue)
    }

    /// The entries of `member` (`errors` or `warnings`) in a response body.
    static func list(_ body: JSONValue?, _ member: String) -> [CriteoProblemReport] {
        body?[member]?.arrayValue?.map(CriteoProblemReport.init) ?? []
    }

    /// The index of the bulk-update item it is about: `@data/N` (also `@data/N/attributes/…`).
    var itemIndex: Int? {
        guard let instance, instance.hasPrefix("@data/") else { return nil }
        let rest = instance.dropFirst("@data/".count)
        return Int(rest.prefix { $0.isASCII && $0.isNumber })
    }

    /// `Title: detail`, or whichever of the two was sent.
    var message: String {
        switch (title, detail) {
        case (let title?, let detail?) where !title.isEmpty && !detail.isEmpty: return "\(title): \(detail)"
        case (let title?, _) where !title.isEmpty: return title
        case (_, let detail?) where !detail.isEmpty: return detail
        default: return code ?? "no details given"
        }
    }

    /// Reads a Criteo error answer: its first problem's code, and every problem's message.
    static let errorReader: @Sendable (APIResponse) -> (code: String?, message: String) = { response in
        guard let body = response.errorJSON else { return (nil, response.bodyExcerpt()) }
        let problems = list(body, "errors")
        if !problems.isEmpty {
            return (problems[0].code, problems.map(\.message).joined(separator: "; "))
        }
        if let error = body["error"]?.stringValue {  // the token endpoint answers in OAuth's shape
            return (error, body["error_description"]?.stringValue ?? error)
        }
        return (nil, response.bodyExcerpt())
    }
}
