import Foundation

/// Deterministic accounts of a given size, varied the way real ones are: budgets, statuses, budget
/// periods, bidding, segments, geo targets and ads differ from campaign to campaign.
extension SyntheticAccounts {
    /// A NextRoll advertisable with `campaigns` campaigns; campaign `i` has `adGroups(i)` ad groups.
    /// Every seventh campaign is paused, and one ad group in eleven.
    static func nextrollAccount(alias: String, code: String, currency: String, campaigns: Int,
                                adGroups: (Int) -> Int) -> NextRollAccount {
        let segments = (0..<24).map { NextRollSegment(eid: eid("SEG", code, $0), conversionValue: Decimal(250 + $0 * 100) / 100,
                                                     duration: 30, declared: $0 < 4) }
        let ads = (0..<40).map { eid("AD", code, $0) }
        var list: [NextRollCampaign] = []
        list.reserveCapacity(campaigns)
        for index in 0..<campaigns {
            let groups = (0..<adGroups(index)).map { group in
                NextRollAdGroup(eid: eid("AG", code, index * 100 + group), name: "Group \(group + 1)", active: (index + group) % 11 != 5,
                                include: [segments[(index + group) % 20].eid], exclude: group % 3 == 0 ? [segments[23].eid] : [],
                                ads: [ads[(index + group) % 40], ads[(index * 7 + group + 1) % 40]].uniqued(), geo: group % 2 == 0)
            }
            list.append(NextRollCampaign(eid: eid("CAM", code, index), name: "\(code) Retargeting \(index + 1)", active: index % 7 != 3,
                                         dailyBudget: Decimal(2000 + (index * 3_733) % 40_000 + (index % 4) * 25) / 100,
                                         cpc: Decimal(50 + (index % 20) * 5) / 100, maxCPM: 8, start: "2026-01-01", end: "2026-12-31",
                                         retargeting: index % 3 != 0, adGroups: groups))
        }
        return NextRollAccount(alias: alias, advertisable: eid("ADV", code, 0), currency: currency, segments: segments, ads: ads, campaigns: list)
    }

    /// A Criteo advertiser: daily, monthly and lifetime spend limits and one campaign in ten uncapped.
    static func criteoAccount(alias: String, advertiser: String, currency: String, campaigns: Int, firstID: Int) -> CriteoAccount {
        let list = (0..<campaigns).map { index -> CriteoCampaign in
            let kind = index % 10
            let amount: Decimal? = kind == 9 ? nil : kind < 6 ? Decimal(5_045 + (index * 1_877) % 30_000) / 100
                : kind < 8 ? Decimal(150_000 + (index * 977) % 400_000) / 100 : Decimal(1_000_000 + (index * 313) % 900_000) / 100
            return CriteoCampaign(id: String(firstID + index), name: "Criteo \(alias) \(index + 1)", goal: index % 2 == 0 ? "Acquisition" : "Retention",
                                  amount: amount, period: kind < 6 ? "daily" : kind < 8 ? "monthly" : "lifetime")
        }
        return CriteoAccount(alias: alias, advertiser: advertiser, currency: currency, campaigns: list)
    }

    /// A Topsort vendor: every sixth campaign inactive, two in three autobidding, all budget periods.
    static func topsortAccount(alias: String, vendor: String, currency: String, campaigns: Int, firstID: Int) -> TopsortAccount {
        let objectives = ["clicks", "revenue", "conversions", "impressions"]
        let periods = ["daily", "weekly", "monthly", "lifetime"]
        let list = (0..<campaigns).map { index -> TopsortCampaign in
            let autobidding = index % 3 != 0
            return TopsortCampaign(id: uuid(firstID + index), name: "\(vendor) listing \(index + 1)", externalID: "\(vendor)-\(index + 1)",
                                   active: index % 6 != 5, budgetMinor: 2_000 + (index * 5_311) % 500_000, period: periods[index % 4],
                                   start: "2026-01-01", end: "2027-01-01", autobidding: autobidding, objective: objectives[index % 4],
                                   targetROAS: Decimal(15 + (index % 10) * 5) / 10, charge: autobidding ? "CPC" : "CPM",
                                   include: [100 + index % 20], exclude: index % 4 == 0 ? [200] : [])
        }
        return TopsortAccount(alias: alias, vendor: vendor, currency: currency, campaigns: list)
    }

    /// A Jivox account with active retail campaigns whose exports completed.
    static func jivoxAccount(alias: String, account: String, retailCampaigns: Int, firstIdx: Int) -> JivoxAccount {
        let list = (0..<retailCampaigns).map { index in
            JivoxRetailCampaign(idx: firstIdx + index, name: "Retail \(index + 1)", active: true, trackers: index % 3 == 0 ? [] : ["MOAT"],
                                exports: index % 2 == 0 ? [JivoxExport(format: "png", resolution: 2), JivoxExport(format: "jpg", resolution: 1)]
                                    : [JivoxExport(format: "mp4", resolution: 1)])
        }
        return JivoxAccount(alias: alias, account: account, retailCampaigns: list)
    }

    /// A 22-character NextRoll-style EID: prefix, account code, number, padded.
    static func eid(_ prefix: String, _ code: String, _ number: Int) -> String {
        let head = prefix + code
        let digits = String(number)
        return head + String(repeating: "0", count: max(0, 22 - head.count - digits.count)) + digits
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in first-seen order.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
