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

    public init(method: String, path: String, status: Int?, error: String? = nil) {
        self.method = method
        self.path = path
        self.status = status
        self.error = error
    }

    private enum CodingKeys: String, CodingKey { case method, path, status, error }
}
