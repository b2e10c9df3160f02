import Foundation
import Testing
@testable import Planner

/// Applies plan actions to a live state the way the platforms would, reading only what the actions
/// carry (calls, parameters, targets): if an action lacks something a provider client would need, or
/// runs before the create whose ID it uses, execution fails.
struct ModelExecutor {
    var state: LiveState
    private(set) var createdIDs: [ActionID: String] = [:]
    private var counter = 0

    /// IDs of created resources are `idPrefix` and a number: give each executor over one state its own prefix.
    private let idPrefix: String

    init(state: LiveState, idPrefix: String = "new-") {
        self.state = state
        self.idPrefix = idPrefix
    }

    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        var description: String { if case .missing(let text) = self { return text }; return "" }
    }

    mutating func run(_ action: PlanAction) throws {
        guard var account = state[action.provider] else { throw Failure.missing("no account \(action.provider)") }
        // As an applier does: the IDs creates returned replace the references to them.
        let action = action.resolvingCreatedIDs(createdIDs)
        for needed in action.neededCreates { throw Failure.missing("\(action.id) needs the ID from \(needed), which has not run") }
        for call in action.calls {
            try apply(call, action: action, account: &account)
        }
        state[action.provider] = account
    }

    private func id(_ value: FieldValue?) throws -> String {
        guard case .resource(let target)? = value else { throw Failure.missing("no resource parameter") }
        guard let id = target.liveID else { throw Failure.missing("\(target) is not resolved") }
        return id
    }

    private mutating func newID(_ action: PlanAction) -> String {
        counter += 1
        let id = "\(idPrefix)\(counter)"
        createdIDs[action.id] = id
        return id
    }

    private func money(_ value: FieldValue?) -> Money? {
        if case .money(let money)? = value { return money }
        return nil
    }

    private func text(_ value: FieldValue?) -> String? {
        switch value {
        case .text(let text)?, .choice(let text)?: return text
        default: return nil
        }
    }

    private func strings(_ value: FieldValue?) -> Set<String>? {
        if case .strings(let values)? = value { return Set(values) }
        return nil
    }

    private func geo(_ call: ProviderCall) -> Selection<GeoTarget>? {
        if case .boolean(true)? = call.parameter("geo_target_worldwide") { return Selection() }
        guard case .geoTargets(let include)? = call.parameter("geo_targets.include"),
              case .geoTargets(let exclude)? = call.parameter("geo_targets.exclude") else { return nil }
        return Selection(include: Set(include), exclude: Set(exclude))
    }

    private func campaignIndex(_ id: String, in account: LiveAccount) throws -> Int {
        guard let index = account.campaigns.firstIndex(where: { $0.id == id }) else { throw Failure.missing("no campaign \(id)") }
        return index
    }

    private func adGroupIndex(_ id: String, in account: LiveAccount) throws -> (Int, Int) {
        for (campaign, live) in account.campaigns.enumerated() {
            if let group = live.adGroups.firstIndex(where: { $0.id == id }) { return (campaign, group) }
        }
        throw Failure.missing("no ad group \(id)")
    }

    private mutating func apply(_ call: ProviderCall, action: PlanAction, account: inout LiveAccount) throws {
        let currency = account.currency
        switch (call.method, call.path) {
        // NextRoll
        case ("POST", "/api/v1/campaign/create"):
            guard let name = text(call.parameter("name")), let budget = money(call.parameter("budget")),
                  case .boolean(let shownDaily)? = call.parameter("ui_budget_daily") else { throw Failure.missing("campaign/create lacks name or budget") }
            var campaign = LiveCampaign(id: newID(action), name: name, status: text(call.parameter("status")) == "draft" ? .paused : .active,
                                        platformStatus: text(call.parameter("status")), budget: .capped(budget, .weekly), budgetShownDaily: shownDaily)
            campaign.schedule = Schedule(start: date(call.parameter("start_date")), end: date(call.parameter("end_date")))
            campaign.bidding = Bidding(cpc: money(call.parameter("cpc")), cpm: money(call.parameter("cpm")), maxCPM: money(call.parameter("max_cpm")))
            if case .boolean(let flag)? = call.parameter("is_retargeting") { campaign.retargeting = flag }
            account.campaigns.append(campaign)
        case ("POST", "/api/v1/campaign/edit"):
            let index = try campaignIndex(try id(call.parameter("campaign")), in: account)
            guard case .boolean(let shownDaily)? = call.parameter("ui_budget_daily") else { throw Failure.missing("campaign/edit needs ui_budget_daily") }
            var campaign = account.campaigns[index]
            if let budget = money(call.parameter("budget")) { campaign.budget = .capped(budget, .weekly) }
            campaign.budgetShownDaily = shownDaily
            if let name = text(call.parameter("name")) { campaign.name = name }
            var schedule = campaign.schedule ?? Schedule()
            if let start = date(call.parameter("start_date")) { schedule.start = start }
            if let end = date(call.parameter("end_date")) { schedule.end = end }
            campaign.schedule = schedule
            var bidding = campaign.bidding ?? Bidding()
            if let cpc = money(call.parameter("cpc")) { bidding.cpc = cpc }
            if let cpm = money(call.parameter("cpm")) { bidding.cpm = cpm }
            if call.parameter("max_cpm") != nil { throw Failure.missing("campaign/edit has no max_cpm") }
            campaign.bidding = bidding
            if case .boolean(let flag)? = call.parameter("is_retargeting") { campaign.retargeting = flag }
            account.campaigns[index] = campaign
        case ("PUT", "/api/v1/campaign/pause"):
            account.campaigns[try campaignIndex(try id(call.parameter("campaign")), in: account)].status = .paused
        case ("PUT", "/api/v1/campaign/unpause"):
            account.campaigns[try campaignIndex(try id(call.parameter("campaign")), in: account)].status = .active
        case ("POST", "/api/v1/adgroup/create"):
            let index = try campaignIndex(try id(call.parameter("campaign")), in: account)
            guard let name = text(call.parameter("name")) else { throw Failure.missing("adgroup/create lacks a name") }
            let group = LiveAdGroup(id: newID(action), name: name, status: text(call.parameter("status")) == "approved" ? .active : .paused,
                                    segments: Selection(include: strings(call.parameter("positive_segments")) ?? [],
                                                        exclude: strings(call.parameter("negative_segments")) ?? []),
                                    geo: geo(call) ?? Selection(), ads: strings(call.parameter("ads")) ?? [])
            account.campaigns[index].adGroups.append(group)
        case ("PUT", "/api/v1/adgroup/edit"):
            let (campaign, index) = try adGroupIndex(try id(call.parameter("adgroup")), in: account)
            var group = account.campaigns[campaign].adGroups[index]
            if let status = text(call.parameter("status")) { group.status = status == "approved" ? .active : .paused }
            if let include = strings(call.parameter("positive_segments")) { group.segments.include = include }
            if let exclude = strings(call.parameter("negative_segments")) { group.segments.exclude = exclude }
            if let geo = geo(call) { group.geo = geo }
            account.campaigns[campaign].adGroups[index] = group
        case ("PUT", "/api/v1/adgroup/select_ads"):
            let (campaign, index) = try adGroupIndex(try id(call.parameter("adgroup")), in: account)
            account.campaigns[campaign].adGroups[index].ads.formUnion(strings(call.parameter("ads")) ?? [])
        case ("PUT", "/api/v1/adgroup/deselect_ads"):
            let (campaign, index) = try adGroupIndex(try id(call.parameter("adgroup")), in: account)
            account.campaigns[campaign].adGroups[index].ads.subtract(strings(call.parameter("ads")) ?? [])
        case ("PUT", "/api/v1/adgroup/pause"):
            let (campaign, index) = try adGroupIndex(try id(call.parameter("adgroup")), in: account)
            account.campaigns[campaign].adGroups[index].status = .paused
        case ("PUT", "/api/v1/adgroup/unpause"):
            let (campaign, index) = try adGroupIndex(try id(call.parameter("adgroup")), in: account)
            account.campaigns[campaign].adGroups[index].status = .active
        case ("POST", "/api/v1/segment/edit"):
            let segment = try id(call.parameter("segment"))
            guard let index = account.segments.firstIndex(where: { $0.id == segment }), let value = money(call.parameter("conversion_value")),
                  case .integer(let duration)? = call.parameter("duration") else { throw Failure.missing("segment/edit needs both values") }
            account.segments[index].conversionValue = value
            account.segments[index].duration = duration
        // Criteo
        case ("POST", CriteoCalls.campaignsPath):
            guard let name = text(call.parameter("name")), text(call.parameter("goal")) != nil else { throw Failure.missing("Criteo create needs name and goal") }
            var campaign = LiveCampaign(id: newID(action), name: name, status: .active)
            campaign.goal = text(call.parameter("goal")).flatMap { LiveCoding.choice(CriteoGoal.self, $0) }
            campaign.budget = try spendLimit(call) ?? .uncapped
            if case .capped(_, .lifetime)? = campaign.budget { campaign.lifetimeSpent = 0 }
            account.campaigns.append(campaign)
        case ("PATCH", CriteoCalls.campaignsPath):
            let index = try campaignIndex(try id(call.parameter("id")), in: account)
            if let goal = text(call.parameter("goal")) { account.campaigns[index].goal = LiveCoding.choice(CriteoGoal.self, goal) }
            if let budget = try spendLimit(call) {
                if account.campaigns[index].budget == .uncapped, budget != .uncapped { throw Failure.missing("Criteo refuses a limit on an uncapped campaign") }
                account.campaigns[index].budget = budget
            }
        // Topsort
        case ("POST", TopsortCalls.collectionPath):
            guard let name = text(call.parameter("name")), case .boolean(let active)? = call.parameter("isActive"), let currency else {
                throw Failure.missing("Topsort create needs name and isActive")
            }
            var campaign = LiveCampaign(id: newID(action), name: name, status: active ? .active : .paused)
            try topsortFields(call, into: &campaign, currency: currency)
            if campaign.bidding?.strategy == nil { campaign.bidding = (campaign.bidding ?? Bidding()).with(strategy: .manual) }
            if campaign.targeting == nil { campaign.targeting = Selection() }
            account.campaigns.append(campaign)
        case ("PATCH", TopsortCalls.campaignPath):
            let index = try campaignIndex(try id(call.parameter("campaign-id")), in: account)
            guard let currency else { throw Failure.missing("no currency") }
            if case .boolean(let active)? = call.parameter("isActive") { account.campaigns[index].status = active ? .active : .paused }
            if let name = text(call.parameter("name")) { account.campaigns[index].name = name }
            if let type = text(call.parameter("campaignType")), type != "autobidding" { throw Failure.missing("Topsort campaignType can only become autobidding") }
            try topsortFields(call, into: &account.campaigns[index], currency: currency)
        // Jivox
        case ("POST", JivoxCalls.base + "/activate"):
            let index = try retailIndex(call, in: account)
            account.retailCampaigns[index].active = true
            account.retailCampaigns[index].trackers = strings(call.parameter("trackerTypes")) ?? []
        case ("POST", JivoxCalls.base + "/exportAssets"):
            let index = try retailIndex(call, in: account)
            guard account.retailCampaigns[index].active else { throw Failure.missing("export before activation") }
            guard let format = text(call.parameter("assetExportType")).flatMap(AssetExport.Format.init(rawValue:)),
                  let resolution = text(call.parameter("resolution")).flatMap({ Int($0) }) else { throw Failure.missing("export needs format and resolution") }
            account.retailCampaigns[index].exports.removeAll { $0.format == format && $0.resolution == resolution }
            account.retailCampaigns[index].exports.append(LiveExport(format: format, resolution: resolution, status: .completed))
        case ("GET", JivoxCalls.base + "/exportAssetStatus"):
            _ = try retailIndex(call, in: account)
        case ("GET", JivoxCalls.base + "/download-tags"):
            let index = try retailIndex(call, in: account)
            guard account.retailCampaigns[index].active, let folder = text(call.parameter("folder")) else { throw Failure.missing("tags need an active campaign and a folder") }
            account.retailCampaigns[index].tagsFile = folder + "/tags.csv"
        default:
            throw Failure.missing("unknown call \(call.method) \(call.path)")
        }
    }

    private func date(_ value: FieldValue?) -> CalendarDate? {
        if case .date(let date)? = value { return date }
        return nil
    }

    private func retailIndex(_ call: ProviderCall, in account: LiveAccount) throws -> Int {
        guard case .integer(let idx)? = call.parameter("retailCampaignIdx"), text(call.parameter("accountId")) == account.account,
              let index = account.retailCampaigns.firstIndex(where: { $0.idx == idx }) else { throw Failure.missing("no retail campaign") }
        return index
    }

    private func spendLimit(_ call: ProviderCall) throws -> Budget? {
        guard let type = text(call.parameter("spendLimit.spendLimitType")) else { return nil }
        if type == "uncapped" { return .uncapped }
        guard let renewal = text(call.parameter("spendLimit.spendLimitRenewal")).flatMap(BudgetPeriod.init(rawValue:)),
              let amount = money(call.parameter("spendLimit.spendLimitAmount")) else { throw Failure.missing("capped spend limit without renewal or amount") }
        return .capped(amount, renewal)
    }

    private func topsortFields(_ call: ProviderCall, into campaign: inout LiveCampaign, currency: Currency) throws {
        if case .integer(let minor)? = call.parameter("budget.amount") {
            guard let type = text(call.parameter("budget.type")) else { throw Failure.missing("budget.type") }
            let period: BudgetPeriod = type == "total" ? .lifetime : try BudgetPeriod(rawValue: type).orThrow("budget.type \(type)")
            campaign.budget = .capped(Money(minorUnits: Int64(minor), currency), period)
        }
        var schedule = campaign.schedule ?? Schedule()
        if let start = date(call.parameter("startDate")) { schedule.start = start }
        if let end = date(call.parameter("endDate")) { schedule.end = end }
        campaign.schedule = schedule
        var bidding = campaign.bidding ?? Bidding()
        if let type = text(call.parameter("campaignType")) { bidding.strategy = TopsortCampaignType(rawValue: type) }
        if let objective = text(call.parameter("autobiddingObjective")) { bidding.objective = AutobiddingObjective(rawValue: objective) }
        if case .decimal(let roas)? = call.parameter("targetRoas") { bidding.targetROAS = roas }
        if let charge = text(call.parameter("chargeType")) { bidding.charge = ChargeType(rawValue: charge) }
        campaign.bidding = bidding
        if let external = text(call.parameter("externalCampaignId")) { campaign.externalID = external }
        if case .integers(let include)? = call.parameter("targetingFilters"), case .integers(let exclude)? = call.parameter("exclusionFilters") {
            campaign.targeting = Selection(include: Set(include), exclude: Set(exclude))
        }
    }
}

extension Optional {
    func orThrow(_ what: String) throws -> Wrapped {
        guard let value = self else { throw ModelExecutor.Failure.missing(what) }
        return value
    }
}

extension Bidding {
    func with(strategy: TopsortCampaignType) -> Bidding {
        var copy = self
        copy.strategy = strategy
        return copy
    }
}
