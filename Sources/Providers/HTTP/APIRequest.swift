import Foundation

/// One call to a platform API, relative to the provider's base URL.
public struct APIRequest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
    }

    public var method: Method
    /// The documented path below the base URL, such as `/api/v1/campaign/get` (no query string).
    public var path: String
    /// Query parameters in order; names may repeat.
    public var query: [URLQueryItem]
    public var headers: [String: String]
    public var body: Data?
    /// Whether sending the request twice has the same effect as sending it once. Only idempotent
    /// requests are retried after a failure that may have happened after the platform acted on it
    /// (a timeout, a dropped connection, a 5xx); a create is never retried blindly.
    public var isIdempotent: Bool

    public init(_ method: Method, _ path: String, query: [URLQueryItem] = [], headers: [String: String] = [:],
                body: Data? = nil, isIdempotent: Bool? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.isIdempotent = isIdempotent ?? (method == .get || method == .put || method == .delete)
    }

    /// A request with a JSON body (`Content-Type: application/json`).
    public static func json(_ method: Method, _ path: String, body: Data, query: [URLQueryItem] = [],
                            isIdempotent: Bool? = nil) -> APIRequest {
        APIRequest(method, path, query: query, headers: ["Content-Type": "application/json", "Accept": "application/json"],
                   body: body, isIdempotent: isIdempotent)
    }

    /// A request with an `application/x-www-form-urlencoded` body, as NextRoll's CRUD API takes.
    public static func form(_ method: Method, _ path: String, fields: [(String, String)], query: [URLQueryItem] = [],
                            isIdempotent: Bool? = nil) -> APIRequest {
        let body = fields.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        return APIRequest(method, path, query: query, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                          body: Data(body.utf8), isIdempotent: isIdempotent)
    }

    /// `METHOD /path`, as plans and reports name calls.
    public var summary: String { "\(method.rawValue) \(path)" }

    /// Percent-encodes every byte of the UTF-8 text except the unreserved ASCII letters, digits and
    /// `-._~` (so a space is `%20`, `+` is `%2B`, `é` is `%C3%A9`). Done byte by byte: every NextRoll
    /// call goes through here, and building a character set per field cost more than the call's JSON.
    static func formEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
