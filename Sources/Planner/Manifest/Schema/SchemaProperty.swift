/// One key of an `ObjectSchema`.
public struct SchemaProperty: Sendable {
    public var name: String
    public var type: SchemaType
    public var required: Bool
    public var description: String
    /// The provider types this key applies to; nil means every provider.
    public var providers: Set<ProviderKind>?
    /// A value used when the key is absent, documented in the JSON Schema.
    public var defaultValue: JSONValue?

    public init(_ name: String, _ type: SchemaType, required: Bool = false, providers: Set<ProviderKind>? = nil,
                default defaultValue: JSONValue? = nil, _ description: String) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
        self.providers = providers
        self.defaultValue = defaultValue
    }

    /// Whether the key may be used with a provider of this kind (always true when the kind is unknown).
    public func applies(to kind: ProviderKind?) -> Bool {
        guard let kind, let providers else { return true }
        return providers.contains(kind)
    }
}
