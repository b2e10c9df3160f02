/// A mapping with a fixed set of keys.
public struct ObjectSchema: Sendable {
    /// What the mapping is, for messages ("campaign", "budget").
    public var name: String
    public var description: String
    public var properties: [SchemaProperty]
    /// Groups of keys of which exactly one group must be given in full (`amount`+`period`, or `uncapped`).
    public var alternatives: [[String]]
    /// Whether keys starting with `x-` are allowed and ignored (top level, to hold anchors).
    public var allowsExtensionKeys: Bool
    /// For a resource (a mapping with a `provider` key): the provider types it can live on.
    public var resourceProviders: Set<ProviderKind>?
    /// The key whose value is the provider type of this mapping itself (`type` in a provider block).
    public var providerTypeKey: String?
    /// Whether a secret may have been pasted into this mapping (a credentials block, a provider block,
    /// the top level of a file):
    /// messages about it never repeat a scalar written in its place, nor an unknown key that is not a
    /// near miss of a known one.
    public var mayHoldSecrets: Bool

    public init(name: String, description: String, properties: [SchemaProperty], alternatives: [[String]] = [],
                allowsExtensionKeys: Bool = false, resourceProviders: Set<ProviderKind>? = nil,
                providerTypeKey: String? = nil, mayHoldSecrets: Bool = false) {
        self.name = name
        self.description = description
        self.properties = properties
        self.alternatives = alternatives
        self.allowsExtensionKeys = allowsExtensionKeys
        self.resourceProviders = resourceProviders
        self.providerTypeKey = providerTypeKey
        self.mayHoldSecrets = mayHoldSecrets
    }

    public func property(_ key: String) -> SchemaProperty? {
        propertyIndex(key).map { properties[$0] }
    }

    /// Where the property named `key` is in `properties`.
    public func propertyIndex(_ key: String) -> Int? {
        properties.firstIndex { $0.name == key }
    }
}
