import Foundation

/// An HTTP/1.1 request as the sandbox server parsed it.
public struct HTTPRequest: Sendable {
    /// Upper-case method: GET, POST, PUT, PATCH, DELETE.
    public var method: String
    /// The path without the query string, percent-decoded, e.g. `/nextroll/api/v1/campaign/get`.
    public var path: String
    /// Query parameters in order, percent-decoded (`+` is a space); a name may repeat (`statuses=a&statuses=b`).
    public var query: [(name: String, value: String)]
    /// Header names lower-cased; repeated headers are joined with ", ".
    public var headers: [String: String]
    public var body: Data

    public init(method: String, path: String, query: [(name: String, value: String)] = [], headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of a query parameter.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Every value of a query parameter, in order.
    public func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }

    /// A header by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The media type of the body without parameters, lower-cased: `application/json`.
    public var mediaType: String? {
        header("content-type").map { $0.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingHTTPWhitespace.lowercased() }
    }

    /// The bearer token of the `Authorization` header, nil when there is none or it is empty.
    public var bearerToken: String? {
        guard let value = header("authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = String(parts[1].trimmingHTTPWhitespace)
        return token.isEmpty ? nil : token
    }

    /// The path below a simulator's prefix: `/api/v1/campaign/get` for `/nextroll/api/v1/campaign/get`.
    public func path(below prefix: String) -> String {
        guard path.hasPrefix(prefix) else { return path }
        let rest = String(path.dropFirst(prefix.count))
        return rest.isEmpty ? "/" : rest
    }
}
