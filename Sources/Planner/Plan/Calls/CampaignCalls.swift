/// The calls a platform's API takes to create, change, pause and resume a campaign, from its docs.
protocol CampaignCalls: Sendable {
    /// The call(s) that create `campaign`; `serving` says whether it should serve from the start.
    func create(_ campaign: Campaign, in provider: ProviderConfig, serving: Bool) -> [ProviderCall]
    /// The call(s) that apply `changes` (never `name` where read-only: blocked changes are removed
    /// first) and, when `status` is given and the API takes it with edits, the new status.
    func update(_ target: ResourceTarget, changes: [FieldChange], desired: Campaign, live: LiveCampaign,
                status: ServingStatus?) -> [ProviderCall]
    func pause(_ target: ResourceTarget) -> [ProviderCall]
    func resume(_ target: ResourceTarget) -> [ProviderCall]
    /// Whether a status change goes in the same call as field edits (Topsort's PATCH `isActive`).
    var statusTravelsWithEdits: Bool { get }
    /// Changes the API refuses for these particular values (beyond read-only fields), with the reason.
    func refusals(_ changes: [FieldChange], desired: Campaign, live: LiveCampaign) -> [ResourceField: String]
    /// Why the API would refuse to create `campaign` as the manifest describes it, beyond required fields; nil when it can.
    func createRefusal(_ campaign: Campaign) -> String?
}

extension CampaignCalls {
    var statusTravelsWithEdits: Bool { false }
    func refusals(_ changes: [FieldChange], desired: Campaign, live: LiveCampaign) -> [ResourceField: String] { [:] }
    func createRefusal(_ campaign: Campaign) -> String? { nil }

    /// The desired value of `field` among `changes`, if it changes.
    func after(_ field: ResourceField, in changes: [FieldChange]) -> FieldValue? {
        changes.first { $0.field == field }?.after
    }
}

/// The call catalog for a provider type.
enum ProviderCalls {
    static func campaigns(_ kind: ProviderKind) -> (any CampaignCalls)? {
        switch kind {
        case .nextroll: return NextRollCalls()
        case .criteo: return CriteoCalls()
        case .topsort: return TopsortCalls()
        case .jivox: return nil
        }
    }
}
