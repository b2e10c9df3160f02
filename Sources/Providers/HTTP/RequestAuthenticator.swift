import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Adds a platform's credentials to each request, and renews them once when the platform answers
/// 401 (Criteo's OAuth tokens expire; static API keys cannot be renewed).
public protocol RequestAuthenticator: Sendable {
    func authorize(_ request: inout URLRequest) async throws(APIError)
    /// Called after a 401; returns true when fresh credentials are ready and the request should be
    /// sent once more (at most once per request).
    func renewAfterUnauthorized() async throws(APIError) -> Bool
    /// Called after a 401 to `rejected` (the request as sent, with its credentials): an authenticator
    /// whose credentials several requests share can tell whether they were already renewed since that
    /// request was sent, so a burst of 401s renews them once. By default the same as `renewAfterUnauthorized()`.
    func renewAfterUnauthorized(rejected: URLRequest?) async throws(APIError) -> Bool
}

extension RequestAuthenticator {
    public func renewAfterUnauthorized(rejected: URLRequest?) async throws(APIError) -> Bool {
        try await renewAfterUnauthorized()
    }
}

/// Fixed headers and query parameters (NextRoll's `apikey` + bearer token, Topsort's and Jivox's bearer key).
public struct StaticCredentialAuthenticator: RequestAuthenticator {
    public var headers: [String: String]
    public var queryItems: [URLQueryItem]

    public init(headers: [String: String] = [:], queryItems: [URLQueryItem] = []) {
        self.headers = headers
        self.queryItems = queryItems
    }

    public func authorize(_ request: inout URLRequest) async throws(APIError) {
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        guard !queryItems.isEmpty, let url = request.url,
              var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return }
        components.queryItems = (components.queryItems ?? []) + queryItems
        request.url = components.url
    }

    public func renewAfterUnauthorized() async throws(APIError) -> Bool { false }
}
