import Foundation

/// An HTTP/1.1 request as the sandbox server parsed it.
public struct HTTPRequest: Sendable {
    /// Upper-case method: GET, POST, PUT, PATCH, DELETE.
    public var method: String
    /// The path without the query string, percent-decoded, e.g. `/nextroll/api/v1/campaign/get`.
    public var path: String
    /// Query parameters in order; a name may repeat (`statuses=a&statuses=b`).
    public var query: [(name: String, value: String)]
    /// Header names lower-cased.
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
}
