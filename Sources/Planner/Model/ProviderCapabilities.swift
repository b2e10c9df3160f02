/// What a platform's API can do, from its documentation: which resources can be created (and whether
/// they can be created without serving), which fields can be set on create and changed later, which
/// are read-only, what can be paused. A change outside these is shown in the plan as a blocked change
/// with the reason, and never attempted.
public struct ProviderCapabilities: Sendable, Hashable {
    public var kind: ProviderKind
    public var resources: [ResourceCapabilities]
    /// Budget periods the platform stores (NextRoll stores weekly; daily is weekly / 7).
    public var budgetPeriods: [BudgetPeriod]
    public var supportsUncappedBudget: Bool
    /// A start date in the past is set to the current date by the platform (Topsort), so two start
    /// dates that are both today or earlier are the same.
    public var clampsPastStartDates: Bool
    /// Days after today on which a campaign created without a start date starts: Topsort 0 (now),
    /// NextRoll 1 (campaign/create's `start_date` defaults to tomorrow); nil where there are no dates.
    public var defaultStartDaysFromToday: Int? = nil
    /// Platform statuses (lowercased) of a campaign created dark and never launched (NextRoll `draft`):
    /// one an apply built but did not get to resume. A manifest that leaves `status` out wants what a
    /// new campaign gets, so the next plan finishes the creation instead of leaving it dark for good.
    public var unlaunchedStatuses: Set<String> = []
    /// Platform statuses (lowercased) of a campaign that has finished for good and cannot be made to
    /// serve again, with why (NextRoll `completed`, `cancelled`, `rejected`): a `status: active` for one
    /// is a blocked change, not a resume the API refuses.
    public var finalStatuses: [String: String] = [:]

    public func resource(_ kind: ResourceKind) -> ResourceCapabilities? {
        resources.first { $0.resource == kind }
    }

    /// The capabilities of each platform, from `provider-docs/`.
    public static func of(_ kind: ProviderKind) -> ProviderCapabilities {
        switch kind {
        case .nextroll: return nextRoll
        case .criteo: return criteo
        case .topsort: return topsort
        case .jivox: return jivox
        }
    }

    static let nextRoll = ProviderCapabilities(
        kind: .nextroll,
        resources: [
            ResourceCapabilities(
                resource: .campaign,
                // campaign/create takes status draft: built dark, then campaign/unpause once its ad groups are in place.
                creation: .dark,
                creatableFields: [.name, .status, .budget, .scheduleStart, .scheduleEnd, .cpc, .cpm, .maxCPM, .retargeting],
                requiredOnCreate: [.budget: "NextRoll's campaign/create requires a budget; add `budget:` to the campaign"],
                editableFields: [.name, .status, .budget, .scheduleStart, .scheduleEnd, .cpc, .cpm, .retargeting],
                readOnlyFields: [.maxCPM: "NextRoll's campaign/edit has no max_cpm parameter: max_cpm can only be set when a campaign is created"],
                pausable: true),
            ResourceCapabilities(
                resource: .adGroup,
                // adgroup/create takes ads, segments and geo targets in the same call, so an ad group is complete when it starts.
                creation: .asDesired,
                creatableFields: [.name, .status, .segmentsInclude, .segmentsExclude, .geoInclude, .geoExclude, .ads],
                editableFields: [.status, .segmentsInclude, .segmentsExclude, .geoInclude, .geoExclude, .ads],
                pausable: true),
            ResourceCapabilities(
                resource: .segment,
                creation: .unsupported("NextRoll segments are made by the pixel; the API edits them but cannot create them"),
                editableFields: [.conversionValue, .duration]),
        ],
        budgetPeriods: ProviderKind.nextroll.supportedBudgetPeriods,
        supportsUncappedBudget: false,
        clampsPastStartDates: false,
        defaultStartDaysFromToday: 1,
        unlaunchedStatuses: ["draft"],
        finalStatuses: [
            "completed": "the NextRoll campaign is completed (it ran to its end) and campaign/unpause cannot restart it; "
                + "create a new campaign, or set `status: paused`",
            "cancelled": "the NextRoll campaign is cancelled and campaign/unpause cannot restart it; create a new campaign, or set `status: paused`",
            "rejected": "the NextRoll campaign was rejected in review and campaign/unpause cannot make it serve; "
                + "fix it in NextRoll and have it reviewed again, or set `status: paused`",
        ])

    static let criteo = ProviderCapabilities(
        kind: .criteo,
        resources: [
            ResourceCapabilities(
                resource: .campaign,
                // Criteo's campaign API has no status: a created campaign serves at once.
                creation: .serving,
                creatableFields: [.name, .budget, .goal],
                requiredOnCreate: [.goal: "Criteo requires a goal to create a campaign; add `goal: acquisition` or `goal: retention`"],
                editableFields: [.budget, .goal],
                readOnlyFields: [.name: "Criteo campaign names are read-only through the API; rename it in Criteo, or keep the manifest name as it is"],
                pausable: false),
        ],
        budgetPeriods: ProviderKind.criteo.supportedBudgetPeriods,
        supportsUncappedBudget: true,
        clampsPastStartDates: false)

    static let topsort = ProviderCapabilities(
        kind: .topsort,
        resources: [
            ResourceCapabilities(
                resource: .campaign,
                // Everything is set in the create call (isActive included), so a campaign is complete when it starts.
                creation: .asDesired,
                creatableFields: [.name, .status, .budget, .scheduleStart, .scheduleEnd, .biddingType, .objective, .targetROAS,
                                  .charge, .externalID, .targetingInclude, .targetingExclude],
                // Every Topsort campaign has a budget, a start and an end date (required in the campaign model),
                // and the create call (the sandbox's documented assumption) refuses one without them.
                // Dates may be left out: the campaign starts now and runs until paused.
                requiredOnCreate: [.budget: ProviderCapabilities.topsortCreateNeeds],
                editableFields: [.name, .status, .budget, .scheduleStart, .scheduleEnd, .biddingType, .objective, .targetROAS,
                                 .charge, .externalID, .targetingInclude, .targetingExclude],
                restrictedValues: [.biddingType: ["autobidding"]],
                pausable: true),
        ],
        budgetPeriods: ProviderKind.topsort.supportedBudgetPeriods,
        supportsUncappedBudget: false,
        clampsPastStartDates: true,
        defaultStartDaysFromToday: 0)

    static let topsortCreateNeeds = "Topsort needs a budget to create a campaign; add `budget:` to the campaign"

    static let jivox = ProviderCapabilities(
        kind: .jivox,
        resources: [
            ResourceCapabilities(
                resource: .retailCampaign,
                creation: .unsupported("Jivox retail campaigns are made in Jivox; reconcile activates and exports existing ones"),
                editableFields: [.activation, .trackers]),
            ResourceCapabilities(resource: .export, creation: .asDesired, creatableFields: [.export]),
            ResourceCapabilities(resource: .tags, creation: .asDesired, creatableFields: [.tags]),
        ],
        budgetPeriods: [],
        supportsUncappedBudget: false,
        clampsPastStartDates: false)
}

extension ProviderKind {
    /// What this platform's API can do.
    public var capabilities: ProviderCapabilities { ProviderCapabilities.of(self) }
}
