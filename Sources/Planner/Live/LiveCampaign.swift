import Foundation

/// A campaign as the platform reports it, mapped to the model by the provider client.
///
/// Values are kept in the platform's stored form where that matters to the diff: NextRoll's budget is
/// the WEEKLY amount with its `ui_budget_daily` flag, Topsort's `total` budget is `lifetime`, Criteo's
/// spend limit is as set. Nil means the platform did not report the field.
public struct LiveCampaign: Sendable, Hashable {
    /// The platform's ID: NextRoll campaign EID, Criteo campaign id, Topsort campaignId (UUID).
    public var id: String
    public var name: String
    /// Whether it serves: platforms' words mapped (NextRoll draft, paused, cancelled, completed → paused;
    /// Topsort `isActive` false → paused). Criteo campaigns have no status and always serve.
    public var status: ServingStatus
    /// The platform's own status word, for display only (`approved`, `admin_review`, `draft`).
    public var platformStatus: String?
    public var budget: Budget?
    /// NextRoll `ui_budget_daily`: the weekly budget is shown (and managed) as daily × 7.
    public var budgetShownDaily: Bool?
    /// Spend so far against a lifetime budget (Criteo spend, Topsort `amountUsed` of a `total` budget).
    /// Changes constantly, so it feeds the spend ceiling but never the diff or the fingerprint.
    public var lifetimeSpent: Decimal?
    public var schedule: Schedule?
    public var bidding: Bidding?
    /// NextRoll `is_retargeting`.
    public var retargeting: Bool?
    /// Criteo goal; nil for `Unspecified` (older campaigns).
    public var goal: CriteoGoal?
    /// Topsort `externalCampaignId`.
    public var externalID: String?
    /// Topsort targeting (include) and exclusion (exclude) segment ids.
    public var targeting: Selection<Int>?
    /// NextRoll ad groups.
    public var adGroups: [LiveAdGroup]

    public init(id: String, name: String, status: ServingStatus = .active, platformStatus: String? = nil, budget: Budget? = nil,
                budgetShownDaily: Bool? = nil, lifetimeSpent: Decimal? = nil, schedule: Schedule? = nil, bidding: Bidding? = nil,
                retargeting: Bool? = nil, goal: CriteoGoal? = nil, externalID: String? = nil, targeting: Selection<Int>? = nil,
                adGroups: [LiveAdGroup] = []) {
        self.id = id
        self.name = name
        self.status = status
        self.platformStatus = platformStatus
        self.budget = budget
        self.budgetShownDaily = budgetShownDaily
        self.lifetimeSpent = lifetimeSpent
        self.schedule = schedule
        self.bidding = bidding
        self.retargeting = retargeting
        self.goal = goal
        self.externalID = externalID
        self.targeting = targeting
        self.adGroups = adGroups
    }

    /// The ceiling this campaign adds to its provider's daily-equivalent spend ceiling now. A serving
    /// campaign whose budget the platform did not report is counted as unbounded: nothing known limits it.
    public var spendCeiling: SpendCeiling {
        guard status == .active else { return .zero }
        return SpendCeiling(budget: budget ?? .uncapped, spent: lifetimeSpent)
    }
}

extension LiveCampaign: Encodable {
    /// Decodes a campaign whose money is in `currency` (the account's).
    public init(from decoder: any Decoder, currency: Currency?) throws {
        let container = try decoder.container(keyedBy: LiveCoding.Key.self)
        func requireCurrency() throws -> Currency {
            guard let currency else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "money needs the account's `currency`, which is missing"))
            }
            return currency
        }
        (id, name, status, platformStatus) = try LiveCoding.identity(container)
        budget = try LiveCoding.budget(container, "budget", currency: try requireCurrency())
        budgetShownDaily = try container.decodeIfPresent(Bool.self, forKey: LiveCoding.Key("ui_budget_daily"))
        lifetimeSpent = try LiveCoding.decimal(container, "lifetime_spent")
        schedule = try LiveCoding.schedule(container, "schedule")
        if container.contains(LiveCoding.Key("bidding")), try !container.decodeNil(forKey: LiveCoding.Key("bidding")) {
            bidding = try Bidding.decodeLive(try container.nestedContainer(keyedBy: LiveCoding.Key.self, forKey: LiveCoding.Key("bidding")),
                                             currency: requireCurrency)
        }
        retargeting = try container.decodeIfPresent(Bool.self, forKey: LiveCoding.Key("retargeting"))
        if let goalText = try container.decodeIfPresent(String.self, forKey: LiveCoding.Key("goal")), goalText.lowercased() != "unspecified" {
            guard let value = LiveCoding.choice(CriteoGoal.self, goalText) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [LiveCoding.Key("goal")],
                                                       debugDescription: "expected Acquisition, Retention or Unspecified, found \"\(goalText)\""))
            }
            goal = value
        }
        externalID = try container.decodeIfPresent(String.self, forKey: LiveCoding.Key("external_id"))
        targeting = try LiveCoding.selection(container, "targeting", Int.self)
        adGroups = try LiveCoding.list(container, "adgroups") { try LiveAdGroup(from: $0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LiveCoding.Key.self)
        try LiveCoding.encodeIdentity(id: id, name: name, status: status, platformStatus: platformStatus, &container)
        try LiveCoding.encode(budget, &container, "budget")
        try container.encodeIfPresent(budgetShownDaily, forKey: LiveCoding.Key("ui_budget_daily"))
        try container.encodeIfPresent(lifetimeSpent.map { $0.formatted(decimals: 0) }, forKey: LiveCoding.Key("lifetime_spent"))
        try LiveCoding.encode(schedule, &container, "schedule")
        if let bidding, !bidding.isEmpty {
            var nested = container.nestedContainer(keyedBy: LiveCoding.Key.self, forKey: LiveCoding.Key("bidding"))
            try bidding.encodeLive(&nested)
        }
        try container.encodeIfPresent(retargeting, forKey: LiveCoding.Key("retargeting"))
        try container.encodeIfPresent(goal?.rawValue, forKey: LiveCoding.Key("goal"))
        try container.encodeIfPresent(externalID, forKey: LiveCoding.Key("external_id"))
        try LiveCoding.encode(targeting, &container, "targeting")
        if !adGroups.isEmpty { try container.encode(adGroups, forKey: LiveCoding.Key("adgroups")) }
    }
}

extension Bidding {
    /// No bidding key is set.
    public var isEmpty: Bool { self == Bidding() }

    /// `{"cpc": "1.20", "cpm": …, "max_cpm": …, "type": "autobidding", "objective": …, "target_roas": "4.0", "charge": "CPC"}`.
    static func decodeLive(_ container: KeyedDecodingContainer<LiveCoding.Key>, currency: () throws -> Currency) throws -> Bidding {
        Bidding(cpc: try LiveCoding.money(container, "cpc", currency: try currency()),
                cpm: try LiveCoding.money(container, "cpm", currency: try currency()),
                maxCPM: try LiveCoding.money(container, "max_cpm", currency: try currency()),
                strategy: try LiveCoding.choice(TopsortCampaignType.self, container, "type"),
                objective: try LiveCoding.choice(AutobiddingObjective.self, container, "objective"),
                targetROAS: try LiveCoding.decimal(container, "target_roas"),
                charge: try LiveCoding.choice(ChargeType.self, container, "charge"))
    }

    func encodeLive(_ container: inout KeyedEncodingContainer<LiveCoding.Key>) throws {
        try LiveCoding.encode(cpc, &container, "cpc")
        try LiveCoding.encode(cpm, &container, "cpm")
        try LiveCoding.encode(maxCPM, &container, "max_cpm")
        try container.encodeIfPresent(strategy?.rawValue, forKey: LiveCoding.Key("type"))
        try container.encodeIfPresent(objective?.rawValue, forKey: LiveCoding.Key("objective"))
        try container.encodeIfPresent(targetROAS.map { $0.formatted(decimals: 0) }, forKey: LiveCoding.Key("target_roas"))
        try container.encodeIfPresent(charge?.rawValue, forKey: LiveCoding.Key("charge"))
    }
}
