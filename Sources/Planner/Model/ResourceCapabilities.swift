/// What the API can do with one kind of resource.
public struct ResourceCapabilities: Sendable, Hashable {
    /// How a new resource starts.
    public enum Creation: Sendable, Hashable {
        /// Created non-serving (draft, paused), resumed last once everything it needs is in place.
        case dark
        /// Created complete in one call with its desired status, so it never serves half-configured.
        case asDesired
        /// The API has no way to create it without serving: the create raises spend at once.
        case serving
        /// The API cannot create it; the reason says what to do instead.
        case unsupported(String)
    }

    public var resource: ResourceKind
    public var creation: Creation
    public var creatableFields: Set<ResourceField>
    /// Fields a create cannot do without, with the reason.
    public var requiredOnCreate: [ResourceField: String]
    public var editableFields: Set<ResourceField>
    /// Fields the API will not change once the resource exists, with the reason.
    public var readOnlyFields: [ResourceField: String]
    /// Fields an update may only set to these values (Topsort's campaignType "can only be updated to autobidding").
    public var restrictedValues: [ResourceField: Set<String>]
    public var pausable: Bool

    public init(resource: ResourceKind, creation: Creation, creatableFields: Set<ResourceField> = [],
                requiredOnCreate: [ResourceField: String] = [:], editableFields: Set<ResourceField> = [],
                readOnlyFields: [ResourceField: String] = [:], restrictedValues: [ResourceField: Set<String>] = [:],
                pausable: Bool = false) {
        self.resource = resource
        self.creation = creation
        self.creatableFields = creatableFields
        self.requiredOnCreate = requiredOnCreate
        self.editableFields = editableFields
        self.readOnlyFields = readOnlyFields
        self.restrictedValues = restrictedValues
        self.pausable = pausable
    }

    /// Why an existing resource's `field` cannot be changed, or nil when it can.
    public func reasonFieldIsNotEditable(_ field: ResourceField) -> String? {
        if let reason = readOnlyFields[field] { return reason }
        if field == .status, !pausable { return "the API cannot pause or resume a \(resource)" }
        return editableFields.contains(field) ? nil : "the API cannot change `\(field)` of an existing \(resource)"
    }

    /// Whether a new resource can be made at all.
    public var isCreatable: Bool {
        if case .unsupported = creation { return false }
        return true
    }
}
