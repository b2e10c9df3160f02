import Foundation

/// A provider block as a saved plan records it, so `apply PLANFILE` can reach the account without the
/// manifests. Credentials appear only as the environment variables they are read from, never values.
public struct PlannedProvider: Sendable, Hashable, Codable {
    public var alias: String
    public var kind: ProviderKind
    public var account: String
    public var currency: String?
    public var prune: PrunePolicy
    public var endpoint: String?
    /// Credential name to its source, such as `api_key` → `env:NEXTROLL_API_KEY`.
    public var credentials: [String: String]
    public var limits: RateLimits?

    public init(_ config: ProviderConfig) {
        alias = config.alias
        kind = config.kind
        account = config.account
        currency = config.currency?.code
        prune = config.prune
        endpoint = config.endpoint?.absoluteString
        credentials = config.credentials.mapValues(\.description)
        limits = config.limits
    }

    /// The block again, for a provider client (its location is the plan file).
    public func providerConfig(planFile: String) -> ProviderConfig {
        var references: [String: CredentialReference] = [:]
        for (name, text) in credentials {
            if let reference = CredentialReference(reference: text) { references[name] = reference }
        }
        return ProviderConfig(alias: alias, kind: kind, account: account, currency: currency.flatMap(Currency.init(code:)), prune: prune,
                              endpoint: endpoint.flatMap(URL.init(string:)), credentials: references, limits: limits,
                              location: SourceLocation(file: planFile, line: 1, column: 1))
    }

    private enum CodingKeys: String, CodingKey {
        case alias, kind = "type", account, currency, prune, endpoint, credentials, limits
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(alias, forKey: .alias)
        try container.encode(kind, forKey: .kind)
        try container.encode(account, forKey: .account)
        try container.encodeIfPresent(currency, forKey: .currency)
        try container.encode(prune, forKey: .prune)
        try container.encodeIfPresent(endpoint, forKey: .endpoint)
        // Sorted, so the document is byte-stable.
        var references = container.nestedContainer(keyedBy: LiveCoding.Key.self, forKey: .credentials)
        for (name, source) in credentials.sorted(by: { $0.key < $1.key }) { try references.encode(source, forKey: LiveCoding.Key(name)) }
        if let limits {
            var nested = container.nestedContainer(keyedBy: LiveCoding.Key.self, forKey: .limits)
            try nested.encodeIfPresent(limits.concurrency, forKey: LiveCoding.Key("concurrency"))
            try nested.encodeIfPresent(limits.requestsPerMinute, forKey: LiveCoding.Key("requests_per_minute"))
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        alias = try container.decode(String.self, forKey: .alias)
        kind = try container.decode(ProviderKind.self, forKey: .kind)
        account = try container.decode(String.self, forKey: .account)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        prune = try container.decodeIfPresent(PrunePolicy.self, forKey: .prune) ?? PrunePolicy.none
        endpoint = try container.decodeIfPresent(String.self, forKey: .endpoint)
        credentials = try container.decodeIfPresent([String: String].self, forKey: .credentials) ?? [:]
        if container.contains(.limits) {
            let nested = try container.nestedContainer(keyedBy: LiveCoding.Key.self, forKey: .limits)
            limits = RateLimits(concurrency: try nested.decodeIfPresent(Int.self, forKey: LiveCoding.Key("concurrency")),
                                requestsPerMinute: try nested.decodeIfPresent(Int.self, forKey: LiveCoding.Key("requests_per_minute")))
        }
    }
}
