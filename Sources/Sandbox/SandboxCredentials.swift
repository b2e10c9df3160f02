/// The credential values the simulators accept. A nil value accepts any non-empty credential (the
/// default, so the sandbox runs with whatever a user has in the environment); a set value must match
/// exactly, so tests can check that wrong credentials are rejected with each platform's 401.
public struct SandboxCredentials: Sendable, Equatable {
    /// NextRoll `apikey` query parameter.
    public var nextrollAPIKey: String?
    /// NextRoll `Authorization: Bearer` token.
    public var nextrollToken: String?
    /// Criteo OAuth client credentials, checked by the token endpoint.
    public var criteoClientID: String?
    public var criteoClientSecret: String?
    /// Topsort `Authorization: Bearer` API key.
    public var topsortAPIKey: String?
    /// Jivox `Authorization: Bearer` API key.
    public var jivoxAPIKey: String?

    public init(nextrollAPIKey: String? = nil, nextrollToken: String? = nil, criteoClientID: String? = nil,
                criteoClientSecret: String? = nil, topsortAPIKey: String? = nil, jivoxAPIKey: String? = nil) {
        self.nextrollAPIKey = nextrollAPIKey
        self.nextrollToken = nextrollToken
        self.criteoClientID = criteoClientID
        self.criteoClientSecret = criteoClientSecret
        self.topsortAPIKey = topsortAPIKey
        self.jivoxAPIKey = jivoxAPIKey
    }

    /// Any non-empty credentials are accepted.
    public static let any = SandboxCredentials()

    /// Whether a presented value passes: present, non-empty and equal to the expected one if there is one.
    static func accepts(_ presented: String?, expected: String?) -> Bool {
        guard let presented, !presented.isEmpty else { return false }
        return expected.map { $0 == presented } ?? true
    }
}
