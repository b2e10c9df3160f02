/// A difference the platform's API cannot make: shown in every rendering with the reason, never attempted.
public struct BlockedChange: Sendable, Hashable, Codable {
    /// What would have been done (`create`, `update`, `pause`, …).
    public var kind: ActionKind
    public var address: ResourceAddress
    public var provider: String
    public var providerKind: ProviderKind
    public var resource: ResourceKind
    public var changes: [FieldChange]
    /// Why the API cannot do it, and what to do instead.
    public var reason: String
    public var location: SourceLocation?

    public init(kind: ActionKind, address: ResourceAddress, provider: String, providerKind: ProviderKind, resource: ResourceKind,
                changes: [FieldChange] = [], reason: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.address = address
        self.provider = provider
        self.providerKind = providerKind
        self.resource = resource
        self.changes = changes
        self.reason = reason
        self.location = location
    }

    private enum CodingKeys: String, CodingKey {
        case kind, address, provider, providerKind = "provider_type", resource, reason, location, changes
    }
}
