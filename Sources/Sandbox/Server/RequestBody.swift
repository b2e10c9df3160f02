import Foundation

/// Reading a request body as JSON or as a form, with the status a platform answers when it cannot.
enum RequestBody {
    struct Problem: Error, Sendable {
        /// 400 (unreadable), 415 (wrong content type).
        var status: Int
        var message: String
    }

    /// A JSON body; the content type must be `application/json` or an `application/*+json` type.
    static func json(_ request: HTTPRequest) -> Result<SandboxJSON, Problem> {
        guard let type = request.mediaType else {
            return .failure(Problem(status: 415, message: "Content-Type must be application/json"))
        }
        guard type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json")) else {
            return .failure(Problem(status: 415, message: "Content-Type \(type) is not supported; send application/json"))
        }
        guard !request.body.isEmpty else { return .failure(Problem(status: 400, message: "the request body is empty; a JSON document is required")) }
        do {
            return .success(try SandboxJSON.parse(request.body))
        } catch {
            return .failure(Problem(status: 400, message: "the request body is not valid JSON: \(error)"))
        }
    }

    /// A form body (`application/x-www-form-urlencoded`) as name/value pairs.
    static func form(_ request: HTTPRequest) -> Result<[(name: String, value: String)], Problem> {
        guard request.mediaType == "application/x-www-form-urlencoded" else {
            return .failure(Problem(status: 415, message: "Content-Type must be application/x-www-form-urlencoded"))
        }
        guard let pairs = FormEncoding.pairs(String(decoding: request.body, as: UTF8.self)) else {
            return .failure(Problem(status: 400, message: "the form body has a malformed percent-escape"))
        }
        return .success(pairs)
    }
}
