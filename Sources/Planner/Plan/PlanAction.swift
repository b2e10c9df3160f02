import Foundation

/// One step of a plan: what happens to which resource, the field-level change, the provider call(s) it
/// becomes, and the actions that must succeed first.
///
/// An action carries everything a provider client needs to run it without the manifests: the provider
/// alias and type, the resource it acts on (`target`: a live ID, or the create whose returned ID it
/// needs), its parent where the API wants one, and the calls with every value to send.
public struct PlanAction: Sendable, Hashable {
    public var kind: ActionKind
    public var address: ResourceAddress
    /// The provider alias.
    public var provider: String
    public var providerKind: ProviderKind
    public var resource: ResourceKind
    /// The resource acted on; nil for a create (the create's response names it).
    public var target: ResourceTarget?
    /// The parent the API needs (an ad group's campaign, an export's retail campaign), if any.
    public var parent: ResourceTarget?
    public var phase: SpendPhase
    /// How the action moves its provider's daily-equivalent spend ceiling (negative for pauses and decreases).
    public var spendChange: SpendCeiling
    public var changes: [FieldChange]
    public var calls: [ProviderCall]
    /// Actions that must succeed before this one starts; complete and without redundant (implied) entries.
    public var dependsOn: [ActionID]
    /// Why the action exists when the manifest alone does not say (a prune, an activation exports need).
    public var reason: String?
    /// Where the manifest declares the resource; nil for a live resource no manifest declares.
    public var location: SourceLocation?

    public init(kind: ActionKind, address: ResourceAddress, provider: String, providerKind: ProviderKind, resource: ResourceKind,
                target: ResourceTarget? = nil, parent: ResourceTarget? = nil, phase: SpendPhase, spendChange: SpendCeiling = .zero,
                changes: [FieldChange] = [], calls: [ProviderCall] = [], dependsOn: [ActionID] = [], reason: String? = nil,
                location: SourceLocation? = nil) {
        self.kind = kind
        self.address = address
        self.provider = provider
        self.providerKind = providerKind
        self.resource = resource
        self.target = target
        self.parent = parent
        self.phase = phase
        self.spendChange = spendChange
        self.changes = changes
        self.calls = calls
        self.dependsOn = dependsOn
        self.reason = reason
        self.location = location
    }

    public var id: ActionID { ActionID(kind, address) }
}

extension PlanAction: Codable {
    private typealias Key = LiveCoding.Key

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        kind = try container.decode(ActionKind.self, forKey: Key("kind"))
        address = try container.decode(ResourceAddress.self, forKey: Key("address"))
        if let id = try container.decodeIfPresent(ActionID.self, forKey: Key("id")), id != ActionID(kind, address) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [Key("id")], debugDescription: "id \"\(id)\" does not match kind and address"))
        }
        provider = try container.decode(String.self, forKey: Key("provider"))
        providerKind = try container.decode(ProviderKind.self, forKey: Key("provider_type"))
        resource = try container.decode(ResourceKind.self, forKey: Key("resource"))
        target = try container.decodeIfPresent(ResourceTarget.self, forKey: Key("target"))
        parent = try container.decodeIfPresent(ResourceTarget.self, forKey: Key("parent"))
        phase = try container.decode(SpendPhase.self, forKey: Key("phase"))
        spendChange = try container.decodeIfPresent(SpendCeiling.self, forKey: Key("spend_change")) ?? .zero
        reason = try container.decodeIfPresent(String.self, forKey: Key("reason"))
        location = try container.decodeIfPresent(SourceLocation.self, forKey: Key("location"))
        changes = try container.decode([FieldChange].self, forKey: Key("changes"))
        calls = try container.decode([ProviderCall].self, forKey: Key("calls"))
        dependsOn = try container.decode([ActionID].self, forKey: Key("depends_on"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: Key("id"))
        try container.encode(kind, forKey: Key("kind"))
        try container.encode(address, forKey: Key("address"))
        try container.encode(provider, forKey: Key("provider"))
        try container.encode(providerKind, forKey: Key("provider_type"))
        try container.encode(resource, forKey: Key("resource"))
        try container.encodeIfPresent(target, forKey: Key("target"))
        try container.encodeIfPresent(parent, forKey: Key("parent"))
        try container.encode(phase, forKey: Key("phase"))
        if !spendChange.isZero { try container.encode(spendChange, forKey: Key("spend_change")) }
        try container.encodeIfPresent(reason, forKey: Key("reason"))
        try container.encodeIfPresent(location, forKey: Key("location"))
        try container.encode(changes, forKey: Key("changes"))
        try container.encode(calls, forKey: Key("calls"))
        try container.encode(dependsOn, forKey: Key("depends_on"))
    }
}
