/// Why a request could not be read: the status to answer with and a message for the body.
struct HTTPParseError: Error, Sendable {
    var status: Int
    var message: String
    /// The request path when the request line was readable, so the error can take the platform's shape.
    var path: String?
    var method: String?
}
