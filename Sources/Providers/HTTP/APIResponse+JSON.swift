import Foundation
import Planner

extension APIResponse {
    /// The body parsed as JSON with exact numbers; a body that is not JSON is a malformed answer to `call`.
    func json(call: String) throws(APIError) -> JSONValue {
        do {
            return try JSONParser().parse(body)
        } catch {
            throw .malformedResponse(message: "the body is not JSON (\(error.description)): \(bodyExcerpt(limit: 120))", call: call)
        }
    }

    /// The error body as JSON, or nil when it is not JSON (error readers fall back to the text).
    var errorJSON: JSONValue? {
        guard !body.isEmpty else { return nil }
        return try? JSONParser().parse(body)
    }
}
