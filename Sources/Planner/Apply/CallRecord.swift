/// One HTTP request an action made, attempts included: what the report lists and what a platform's
/// request log shows, one for one.
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
    /// Set when one request served several actions (a Criteo bulk PATCH): the same value on the record
    /// of each of them, so the request is counted once.
    public var sharedRequest: String?

    public init(method: String, path: String, status: Int?, error: String? = nil, warning: String? = nil, sharedRequest: String? = nil) {
        self.method = method
        self.path = path
        self.status = status
        self.error = error
        self.warning = warning
        self.sharedRequest = sharedRequest
    }

    private enum CodingKeys: String, CodingKey { case method, path, status, error, warning, sharedRequest = "shared_request" }
}
