import Foundation
import Planner
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Criteo's OAuth 2.0 client-credentials flow: one access token from `POST /oauth2/token`, shared by
/// every call of the client and kept until shortly before it expires, then fetched again.
///
/// Concurrent calls that need a token while it is being fetched wait for that one request instead of
/// making their own. A 401 renews the token once: when several calls sent with the same token are
/// refused together, the first renews it and the others find the token already changed since they
/// sent theirs, so they try again with the new one.
actor CriteoTokenAuthenticator: RequestAuthenticator {
    static let tokenPath = "/oauth2/token"

    private struct AccessToken {
        var value: String
        /// Renew from this instant on: shortly before the platform's expiry.
        var renewAt: ContinuousClock.Instant
        var header: String { "Bearer \(value)" }
    }

    private let tokenClient: APIClient
    private let clientID: String
    private let clientSecret: String
    /// Where the credentials come from (environment variable names, never values), for messages.
    private let credentialSource: String
    private var current: AccessToken?
    private var pending: Task<Result<AccessToken, APIError>, Never>?

    /// - Parameters:
    ///   - tokenClient: a client of its own for the token endpoint (no bearer token, one call at a time),
    ///     so a call waiting for a token never holds a slot the token request needs.
    init(tokenClient: APIClient, clientID: String, clientSecret: String, credentialSource: String) {
        self.tokenClient = tokenClient
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.credentialSource = credentialSource
    }

    func authorize(_ request: inout URLRequest) async throws(APIError) {
        request.setValue(try await validToken().header, forHTTPHeaderField: "Authorization")
    }

    func renewAfterUnauthorized() async throws(APIError) -> Bool {
        try await renewAfterUnauthorized(rejected: nil)
    }

    func renewAfterUnauthorized(rejected: URLRequest?) async throws(APIError) -> Bool {
        let refused = rejected?.value(forHTTPHeaderField: "Authorization")
        if pending == nil, current == nil || refused == nil || refused == current?.header {
            current = nil
        }
        // Otherwise the refused token was already replaced (or is being replaced): use the new one.
        _ = try await validToken()
        return true
    }

    private func validToken() async throws(APIError) -> AccessToken {
        if let current, ContinuousClock.now < current.renewAt { return current }
        if let pending { return try await pending.value.get() }
        let task = Task { await self.requestToken() }
        pending = task
        let result = await task.value
        pending = nil
        if case .success(let token) = result { current = token }
        return try result.get()
    }

    private func requestToken() async -> Result<AccessToken, APIError> {
        let request = APIRequest.form(.post, Self.tokenPath, fields: [
            ("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret),
        ], isIdempotent: true)
        let started = ContinuousClock.now
        let response: APIResponse
        do {
            response = try await tokenClient.send(request)
        } catch {
            if let status = error.httpStatus, status == 400 || status == 401 {
                return .failure(.credentials(message: "Criteo refused the OAuth client credentials (\(credentialSource)): "
                    + (error.platformCode.map { "\($0): " } ?? "") + "\(error.failureMessage); check that they belong to an API application with access to this advertiser"))
            }
            return .failure(.credentials(message: "could not get a Criteo access token: \(error)"))
        }
        do throws(APIError) {
            let json = try response.json(call: request.summary)
            guard let value = json["access_token"]?.stringValue, !value.isEmpty else {
                throw .malformedResponse(message: "the token answer has no access_token", call: request.summary)
            }
            let lifetime = json["expires_in"]?.int64Value.map { Double($0) } ?? 0
            return .success(AccessToken(value: value, renewAt: started + .seconds(lifetime - Self.renewalMargin(lifetime: lifetime))))
        } catch {
            return .failure(error)
        }
    }

    /// How long before expiry a token is renewed: a minute, or a tenth of a short lifetime, so a call
    /// never leaves with a token that expires on the way.
    static func renewalMargin(lifetime: Double) -> Double {
        min(60, max(0, lifetime) / 10)
    }
}
