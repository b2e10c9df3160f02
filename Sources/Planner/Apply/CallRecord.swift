/// One HTTP request an action made, attempts included: what the report lists and what a platform's
/// request log shows, one for one. A request several actions share (Criteo's bulk PATCH carries many
/// updates) is listed under each of them, and counted under one: the others' copies name it in
/// `countedUnder`.
public struct CallRecord: Sendable, Hashable, Codable {
    public var method: String
    /// The path below the provider's base URL, without the query string (it may hold an API key).
    public var path: String
    /// The HTTP status of the answer; nil when none came (dropped connection, timeout).
    public var status: Int?
    /// What went wrong, when something did (already free of credentials).
    public var error: String?
    /// What the platform noted about a call that succeeded, such as Criteo's "the new spend limit
    /// takes effect at the next period start" warning for one item of a bulk update.
    public var warning: String?
    /// For a copy of a request this action shares with others: the action it is counted under. Nil
    /// for the action's own requests (and for the one that counts a shared request), so counting
    /// the records where it is nil counts every request sent exactly once.
    public var countedUnder: ActionID?

    public init(method: String, path: String, status: Int?, error: String? = nil, warning: String? = nil, countedUnder: ActionID? = nil) {
        self.method = method
        self.path = path
        self.status = status
        self.error = error
        self.warning = warning
        self.countedUnder = countedUnder
    }

    private enum CodingKeys: String, CodingKey {
        case method, path, status, error, warning
        case countedUnder = "counted_under"
    }
}
