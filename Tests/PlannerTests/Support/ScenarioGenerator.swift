import Foundation
@testable import Planner

/// Generates valid manifests across the four providers, the live state that realizes them exactly
/// (in each platform's stored form), and drifted live states, from a seed.
struct ScenarioGenerator {
    var random: TestRandom
    let today = Fixture.today

    init(seed: UInt64) { random = TestRandom(seed: seed) }

    static let segmentPool = ["SEGA", "SEGB", "SEGC", "SEGD", "SEGE"]
    static let adPool = ["AD1", "AD2", "AD3", "AD4"]
    static let geoPool = [GeoTarget(kind: .countryID, value: "19", eid: "GEOUS"), GeoTarget(kind: .regionID, value: "USCA", eid: "GEOCA"),
                          GeoTarget(kind: .postalCode, value: "02110", eid: "GEOZIP"), GeoTarget(kind: .cityID, value: "77", eid: "GEOCITY")]
    static let trackerPool = RetailCampaign.trackerTypes
    static let location = SourceLocation(file: "gen/m.yaml", line: 1, column: 1)

    // MARK: Manifests

    mutating func manifest() -> Manifest {
        let topsortCurrency = random.chance(0.3) ? Currency(code: "JPY")! : Fixture.usd
        let providers = [
            ProviderConfig(alias: "nr", kind: .nextroll, account: "ADV1", currency: Fixture.usd, prune: random.chance(0.4) ? .pause : .none,
                           location: Self.location),
            ProviderConfig(alias: "cr", kind: .criteo, account: "42", currency: Fixture.eur, location: Self.location),
            ProviderConfig(alias: "ts", kind: .topsort, account: "v1", currency: topsortCurrency, prune: random.chance(0.4) ? .pause : .none,
                           location: Self.location),
            ProviderConfig(alias: "jx", kind: .jivox, account: "acc", currency: nil, location: Self.location),
        ]
        var manifest = Manifest(providers: providers, files: ["gen/m.yaml"])
        for index in 0..<random.int(0...6) { manifest.campaigns.append(nextRollCampaign(index)) }
        for index in 0..<random.int(0...4) { manifest.campaigns.append(criteoCampaign(index)) }
        for index in 0..<random.int(0...5) { manifest.campaigns.append(topsortCampaign(index, currency: topsortCurrency)) }
        for id in Self.segmentPool where random.chance(0.3) {
            manifest.segments.append(AudienceSegment(id: id, provider: "nr", conversionValue: random.chance(0.7) ? amount(Fixture.usd, 1...50) : nil,
                                                     duration: random.int(1...90), location: Self.location))
        }
        for idx in [100, 101, 102] where random.chance(0.5) {
            var retail = RetailCampaign(provider: "jx", idx: idx, location: Self.location)
            if random.chance(0.8) { retail.trackers = random.subset(Self.trackerPool) }
            retail.exports = [AssetExport(format: .png, resolution: 2), AssetExport(format: .mp4, resolution: 1), AssetExport(format: .jpg, resolution: 1)]
                .filter { _ in random.chance(0.5) }
            if random.chance(0.5) { retail.tagsFolder = "out/tags-\(idx)" }
            manifest.retailCampaigns.append(retail)
        }
        if random.chance(0.3) { manifest.safety = SafetyThresholds(maxChangePercent: 100, maxSpendIncreasePercent: 1000) }
        return manifest
    }

    mutating func amount(_ currency: Currency, _ range: ClosedRange<Int>) -> Money {
        let whole = random.int(range)
        let cents = currency.minorUnitExponent == 0 ? 0 : random.int(0...99)
        return Money(Decimal(whole) + Decimal(cents) / 100, currency)
    }

    mutating func schedule() -> Schedule? {
        guard random.chance(0.5) else { return nil }
        let start = random.chance(0.5) ? CalendarDate(year: 2026, month: random.int(1...6), day: random.int(1...28)) : nil
        let end = random.chance(0.6) ? CalendarDate(year: 2027, month: random.int(1...12), day: random.int(1...28)) : nil
        return Schedule(start: start, end: end)
    }

    mutating func nextRollCampaign(_ index: Int) -> Campaign {
        var campaign = Campaign(name: "NR \(index)", provider: "nr", location: Self.location)
        campaign.status = random.chance(0.75) ? .active : .paused
        if random.chance(0.9) { campaign.budget = .capped(amount(Fixture.usd, 1...500), random.pick([.daily, .weekly])) }
        campaign.schedule = schedule()
        if random.chance(0.6) {
            campaign.bidding = Bidding(cpc: random.chance(0.5) ? amount(Fixture.usd, 0...3) : nil, cpm: random.chance(0.3) ? amount(Fixture.usd, 1...9) : nil,
                                       maxCPM: random.chance(0.4) ? amount(Fixture.usd, 1...12) : nil)
        }
        if random.chance(0.6) { campaign.retargeting = random.chance(0.5) }
        for group in 0..<random.int(0...3) {
            var adGroup = AdGroup(name: "G\(group)", location: Self.location)
            adGroup.status = random.chance(0.8) ? .active : .paused
            if random.chance(0.7) {
                let include = random.subset(Self.segmentPool)
                adGroup.segments = Selection(include: include, exclude: random.subset(Self.segmentPool.filter { !include.contains($0) }))
            }
            if random.chance(0.6) {
                let include = random.subset(Self.geoPool)
                adGroup.geo = Selection(include: include, exclude: random.subset(Self.geoPool.filter { !include.contains($0) }))
            }
            if random.chance(0.7) { adGroup.ads = random.subset(Self.adPool) }
            campaign.adGroups.append(adGroup)
        }
        return campaign
    }

    mutating func criteoCampaign(_ index: Int) -> Campaign {
        var campaign = Campaign(name: "CR \(index)", provider: "cr", location: Self.location)
        if random.chance(0.9) { campaign.goal = random.pick(CriteoGoal.allCases) }
        if random.chance(0.9) {
            campaign.budget = random.chance(0.15) ? .uncapped : .capped(amount(Fixture.eur, 1...900), random.pick([.daily, .monthly, .lifetime]))
        }
        return campaign
    }

    mutating func topsortCampaign(_ index: Int, currency: Currency) -> Campaign {
        var campaign = Campaign(name: "TS \(index)", provider: "ts", location: Self.location)
        campaign.status = random.chance(0.75) ? .active : .paused
        if random.chance(0.7) { campaign.externalID = "ext-\(index)" }
        if random.chance(0.9) { campaign.budget = .capped(amount(currency, 1...900), random.pick(BudgetPeriod.allCases)) }
        campaign.schedule = schedule()
        if random.chance(0.7) {
            let strategy = random.pick(TopsortCampaignType.allCases)
            campaign.bidding = Bidding(strategy: strategy, objective: strategy == .autobidding && random.chance(0.7) ? random.pick(AutobiddingObjective.allCases) : nil,
                                       targetROAS: strategy == .autobidding && random.chance(0.6) ? Decimal(random.int(5...200)) / 10 : nil,
                                       charge: random.chance(0.7) ? random.pick(ChargeType.allCases) : nil)
        }
        if random.chance(0.5) {
            let include = Set((0..<random.int(0...3)).map { _ in random.int(1...9) })
            campaign.targeting = Selection(include: include, exclude: Set((0..<random.int(0...2)).map { _ in random.int(10...19) }))
        }
        return campaign
    }

    // MARK: Live states

    /// The live state that holds exactly what the manifest declares, in each platform's stored form,
    /// with values the manifest does not manage set at random and harmless noise (float dust, past
    /// start dates on Topsort) that must not show up as changes.
    mutating func realize(_ manifest: Manifest) -> LiveState {
        var accounts: [String: LiveAccount] = [:]
        for provider in manifest.providers {
            accounts[provider.alias] = LiveAccount(alias: provider.alias, kind: provider.kind, account: provider.account, currency: provider.currency)
        }
        for (number, campaign) in manifest.campaigns.enumerated() {
            guard let provider = manifest.provider(campaign.provider), let currency = provider.currency else { continue }
            accounts[campaign.provider]?.campaigns.append(realize(campaign, kind: provider.kind, currency: currency, id: "\(campaign.provider)-\(number)"))
        }
        for segment in manifest.segments {
            accounts["nr"]?.segments.append(LiveSegment(id: segment.id, name: "segment \(segment.id)",
                                                        conversionValue: segment.conversionValue ?? amount(Fixture.usd, 1...5), duration: segment.duration ?? 30))
        }
        for retail in manifest.retailCampaigns {
            var live = LiveRetailCampaign(idx: retail.idx, name: "Retail \(retail.idx)", active: true,
                                          trackers: retail.trackers ?? random.subset(Self.trackerPool),
                                          availableTrackers: random.chance(0.5) ? Set(Self.trackerPool) : nil)
            live.exports = retail.exports.map { LiveExport(format: $0.format, resolution: $0.resolution, status: random.pick([.completed, .available, .processing])) }
            if retail.tagsFolder != nil { live.tagsFile = "tags.csv" }
            accounts[retail.provider]?.retailCampaigns.append(live)
        }
        return LiveState(accounts: Array(accounts.values))
    }

    mutating func realize(_ campaign: Campaign, kind: ProviderKind, currency: Currency, id: String) -> LiveCampaign {
        var live = LiveCampaign(id: campaign.pinnedID ?? id, name: campaign.name, status: kind == .criteo ? .active : campaign.creationStatus,
                                platformStatus: "approved")
        let budget = campaign.budget ?? .capped(amount(currency, 1...50), kind == .nextroll ? .weekly : .daily)
        switch (kind, budget) {
        case (.nextroll, .capped(let money, let period)):
            let weekly = period == .daily ? money.amount * 7 : money.amount
            // Float dust as a JSON number through a Double-based API would leave it: must not be a change.
            let dust = random.chance(0.3) ? Decimal(string: "0.0000000001")! : 0
            live.budget = .capped(Money(weekly + dust, currency), .weekly)
            live.budgetShownDaily = campaign.budget == nil ? random.chance(0.5) : period == .daily
        default:
            live.budget = budget
        }
        if kind == .criteo, case .capped(let money, .lifetime) = budget { live.lifetimeSpent = money.amount / 4 }
        if kind == .topsort, case .capped(let money, .lifetime) = budget { live.lifetimeSpent = money.amount / 2 }
        var schedule = campaign.schedule ?? Schedule(start: Fixture.date("2026-01-02"), end: nil)
        if kind == .topsort, let start = schedule.start, start <= today, random.chance(0.5) {
            schedule.start = today  // Topsort moved a past start date to the day it was created.
        }
        if kind != .criteo { live.schedule = schedule }
        switch kind {
        case .nextroll:
            live.bidding = Bidding(cpc: campaign.bidding?.cpc ?? Fixture.money("0.50"), cpm: campaign.bidding?.cpm, maxCPM: campaign.bidding?.maxCPM)
            live.retargeting = campaign.retargeting ?? random.chance(0.5)
            live.adGroups = campaign.adGroups.enumerated().map { number, group in
                LiveAdGroup(id: "\(live.id)-g\(number)", name: group.name, status: group.creationStatus, platformStatus: group.creationStatus == .active ? "approved" : "paused",
                            segments: group.segments ?? Selection(include: ["SEGZ"]), geo: group.geo ?? Selection(),
                            ads: group.ads ?? ["ADZ"])
            }
        case .criteo:
            live.goal = campaign.goal
        case .topsort:
            live.externalID = campaign.externalID
            live.bidding = campaign.bidding ?? Bidding(strategy: .manual, charge: .CPC)
            if let bidding = campaign.bidding, bidding.strategy == nil { live.bidding?.strategy = .manual }
            live.targeting = campaign.targeting ?? Selection()
        case .jivox:
            break
        }
        return live
    }

    /// A drifted copy of `state`: campaigns missing or changed, extra campaigns, changed ad groups,
    /// segments and retail campaigns, each with some probability.
    mutating func drift(_ state: LiveState, manifest: Manifest) -> LiveState {
        var state = state
        for account in state.accounts {
            var account = account
            account.campaigns = account.campaigns.compactMap { campaign in
                if random.chance(0.15) { return nil }
                return driftCampaign(campaign, kind: account.kind, currency: account.currency ?? Fixture.usd)
            }
            if account.kind != .jivox {
                for extra in 0..<random.int(0...2) {
                    let currency = account.currency ?? Fixture.usd
                    var campaign = LiveCampaign(id: "\(account.alias)-extra-\(extra)", name: random.chance(0.2) ? "Dup" : "Old \(extra)",
                                                status: account.kind == .criteo || random.chance(0.6) ? .active : .paused,
                                                budget: .capped(amount(currency, 1...300), account.kind == .nextroll ? .weekly : .daily))
                    if account.kind == .nextroll { campaign.budgetShownDaily = false }
                    account.campaigns.append(campaign)
                }
            }
            account.segments = account.segments.compactMap { segment in
                if random.chance(0.1) { return nil }
                var segment = segment
                if random.chance(0.3) { segment.duration = random.int(1...90) }
                if random.chance(0.2) { segment.conversionValue = amount(Fixture.usd, 1...50) }
                return segment
            }
            account.retailCampaigns = account.retailCampaigns.compactMap { retail in
                if random.chance(0.1) { return nil }
                var retail = retail
                if random.chance(0.3) { retail.active = false; retail.exports = []; retail.tagsFile = nil }
                if random.chance(0.3) { retail.trackers = random.subset(Self.trackerPool) }
                if random.chance(0.3), !retail.exports.isEmpty { retail.exports[0].status = random.pick([.failed, .notInitiated, .failedToInitiate]) }
                if random.chance(0.2) { retail.tagsFile = nil }
                if random.chance(0.2) { retail.availableTrackers = [] }
                return retail
            }
            state[account.alias] = account
        }
        return state
    }

    mutating func driftCampaign(_ campaign: LiveCampaign, kind: ProviderKind, currency: Currency) -> LiveCampaign {
        var campaign = campaign
        if kind != .criteo, random.chance(0.25) { campaign.status = campaign.status == .active ? .paused : .active }
        if random.chance(0.35) {
            switch kind {
            case .nextroll:
                campaign.budget = .capped(amount(currency, 1...3000), .weekly)
                campaign.budgetShownDaily = random.chance(0.5)
            case .criteo:
                campaign.budget = random.chance(0.2) ? .uncapped : .capped(amount(currency, 1...900), random.pick([.daily, .monthly, .lifetime]))
                campaign.lifetimeSpent = random.chance(0.5) ? Decimal(random.int(0...400)) : nil
            default:
                campaign.budget = .capped(amount(currency, 1...900), random.pick(BudgetPeriod.allCases))
            }
        }
        if random.chance(0.15) { campaign.name += " (renamed)" }
        if kind != .criteo, random.chance(0.2) { campaign.schedule = Schedule(start: Fixture.date("2026-02-03"), end: Fixture.date("2027-05-05")) }
        if kind == .nextroll, random.chance(0.2) { campaign.bidding = Bidding(cpc: amount(currency, 0...3), maxCPM: amount(currency, 1...12)) }
        if kind == .nextroll, random.chance(0.2) { campaign.retargeting = !(campaign.retargeting ?? false) }
        if kind == .criteo, random.chance(0.2) { campaign.goal = random.chance(0.5) ? nil : random.pick(CriteoGoal.allCases) }
        if kind == .topsort, random.chance(0.25) {
            campaign.bidding = Bidding(strategy: random.pick(TopsortCampaignType.allCases), objective: random.pick(AutobiddingObjective.allCases),
                                       targetROAS: Decimal(random.int(5...200)) / 10, charge: random.pick(ChargeType.allCases))
        }
        if kind == .topsort, random.chance(0.2) { campaign.targeting = Selection(include: [random.int(1...9)]) }
        if kind == .topsort, random.chance(0.1) { campaign.externalID = nil }
        if kind == .nextroll {
            campaign.adGroups = campaign.adGroups.compactMap { group in
                if random.chance(0.15) { return nil }
                var group = group
                if random.chance(0.2) { group.status = group.status == .active ? .paused : .active }
                if random.chance(0.25) { group.segments = Selection(include: random.subset(Self.segmentPool)) }
                if random.chance(0.2) { group.geo = Selection(include: random.subset(Self.geoPool)) }
                if random.chance(0.3) { group.ads = random.subset(Self.adPool + ["ADX"]) }
                return group
            }
            if random.chance(0.2) { campaign.adGroups.append(LiveAdGroup(id: "\(campaign.id)-extra", name: "Unmanaged")) }
        }
        return campaign
    }
}
