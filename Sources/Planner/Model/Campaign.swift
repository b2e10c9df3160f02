/// A campaign as the manifests want it. Optional fields that are nil are not managed: the plan leaves
/// the live value alone, so a manifest only has to state what it cares about.
public struct Campaign: Sendable, Hashable {
    /// The name on the platform; identity within its provider unless `pinnedID` or `externalID` match first.
    public var name: String
    /// The provider alias from the `providers:` block.
    public var provider: String
    /// An explicit pin to a live campaign ID (adoption, renames).
    public var pinnedID: String?
    /// Nil: not managed, so a live campaign keeps its status (a paused one is never resumed by a manifest
    /// that does not ask for it); a new one is created serving (`creationStatus`), as the platforms do.
    public var status: ServingStatus?
    public var budget: Budget?
    public var schedule: Schedule?
    public var bidding: Bidding?
    /// NextRoll `is_retargeting`.
    public var retargeting: Bool?
    /// Criteo goal; required when the campaign is created.
    public var goal: CriteoGoal?
    /// Topsort `externalCampaignId`, an identity key where present.
    public var externalID: String?
    /// Topsort targeting and exclusion segment ids.
    public var targeting: Selection<Int>?
    /// NextRoll ad groups.
    public var adGroups: [AdGroup]
    /// Whether the manifest lists `adgroups:` (even empty): then, under `prune: pause`, a live ad group the
    /// list leaves out is paused. Without the key the campaign's ad groups are not managed.
    public var listsAdGroups: Bool = false
    public var location: SourceLocation

    public init(name: String, provider: String, pinnedID: String? = nil, status: ServingStatus? = nil,
                budget: Budget? = nil, schedule: Schedule? = nil, bidding: Bidding? = nil, retargeting: Bool? = nil,
                goal: CriteoGoal? = nil, externalID: String? = nil, targeting: Selection<Int>? = nil,
                adGroups: [AdGroup] = [], location: SourceLocation) {
        self.name = name
        self.provider = provider
        self.pinnedID = pinnedID
        self.status = status
        self.budget = budget
        self.schedule = schedule
        self.bidding = bidding
        self.retargeting = retargeting
        self.goal = goal
        self.externalID = externalID
        self.targeting = targeting
        self.adGroups = adGroups
        self.location = location
    }

    /// The status a new campaign gets: the manifest's, or serving when the manifest leaves it out.
    public var creationStatus: ServingStatus { status ?? .active }
}
