import Foundation

/// One entry of the `providers:` block: an account on a platform, under an alias resources refer to.
public struct ProviderConfig: Sendable, Hashable {
    public var alias: String
    public var kind: ProviderKind
    /// The NextRoll advertisable EID, Criteo advertiser id, Topsort vendor id or Jivox account id.
    public var account: String
    /// Money in this provider's resources is in this currency; nil only for Jivox.
    public var currency: Currency?
    public var prune: PrunePolicy
    /// Overrides the platform's default base URL (the sandbox, a proxy).
    public var endpoint: URL?
    /// Credential name (`api_key`, `client_secret`, …) to where its value comes from; defaults filled in.
    public var credentials: [String: CredentialReference]
    public var limits: RateLimits?
    public var safety: SafetyThresholds?
    public var location: SourceLocation

    public init(alias: String, kind: ProviderKind, account: String, currency: Currency?, prune: PrunePolicy = .none,
                endpoint: URL? = nil, credentials: [String: CredentialReference] = [:], limits: RateLimits? = nil,
                safety: SafetyThresholds? = nil, location: SourceLocation) {
        self.alias = alias
        self.kind = kind
        self.account = account
        self.currency = currency
        self.prune = prune
        self.endpoint = endpoint
        var filled = credentials
        for (name, variable) in kind.credentialDefaults where filled[name] == nil {
            filled[name] = CredentialReference(environmentVariable: variable)
        }
        self.credentials = filled
        self.limits = limits
        self.safety = safety
        self.location = location
    }
}
