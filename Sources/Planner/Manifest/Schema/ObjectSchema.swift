/// A mapping with a fixed set of keys.
///
/// The fields live in one shared, immutable box: the schema checker takes an object schema out of its
/// `SchemaType` for every mapping it checks, and copying one reference is cheaper than copying the
/// six references the fields hold.
public struct ObjectSchema: Sendable {
    private struct Fields: Sendable {
        var name: String
        var description: String
        var properties: [SchemaProperty]
        var alternatives: [[String]]
        var allowsExtensionKeys: Bool
        var resourceProviders: Set<ProviderKind>?
        var providerTypeKey: String?
        var mayHoldSecrets: Bool
    }

    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// Replaces the box with one holding the changed fields (boxes are shared, never changed).
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    /// What the mapping is, for messages ("campaign", "budget").
    public var name: String {
        get { storage.fields.name }
        set { update { $0.name = newValue } }
    }
    public var description: String {
        get { storage.fields.description }
        set { update { $0.description = newValue } }
    }
    public var properties: [SchemaProperty] {
        get { storage.fields.properties }
        set { update { $0.properties = newValue } }
    }
    /// Groups of keys of which exactly one group must be given in full (`amount`+`period`, or `uncapped`).
    public var alternatives: [[String]] {
        get { storage.fields.alternatives }
        set { update { $0.alternatives = newValue } }
    }
    /// Whether keys starting with `x-` are allowed and ignored (top level, to hold anchors).
    public var allowsExtensionKeys: Bool {
        get { storage.fields.allowsExtensionKeys }
        set { update { $0.allowsExtensionKeys = newValue } }
    }
    /// For a resource (a mapping with a `provider` key): the provider types it can live on.
    public var resourceProviders: Set<ProviderKind>? {
        get { storage.fields.resourceProviders }
        set { update { $0.resourceProviders = newValue } }
    }
    /// The key whose value is the provider type of this mapping itself (`type` in a provider block).
    public var providerTypeKey: String? {
        get { storage.fields.providerTypeKey }
        set { update { $0.providerTypeKey = newValue } }
    }
    /// Whether a secret may have been pasted into this mapping (a credentials block, a provider block,
    /// the top level of a file):
    /// messages about it never repeat a scalar written in its place, nor an unknown key that is not a
    /// near miss of a known one.
    public var mayHoldSecrets: Bool {
        get { storage.fields.mayHoldSecrets }
        set { update { $0.mayHoldSecrets = newValue } }
    }

    public init(name: String, description: String, properties: [SchemaProperty], alternatives: [[String]] = [],
                allowsExtensionKeys: Bool = false, resourceProviders: Set<ProviderKind>? = nil,
                providerTypeKey: String? = nil, mayHoldSecrets: Bool = false) {
        storage = Storage(Fields(name: name, description: description, properties: properties, alternatives: alternatives,
                                 allowsExtensionKeys: allowsExtensionKeys, resourceProviders: resourceProviders,
                                 providerTypeKey: providerTypeKey, mayHoldSecrets: mayHoldSecrets))
    }

    public func property(_ key: String) -> SchemaProperty? {
        propertyIndex(key).map { properties[$0] }
    }

    /// Where the property named `key` is in `properties`.
    public func propertyIndex(_ key: String) -> Int? {
        properties.firstIndex { $0.name == key }
    }
}
