import Foundation
import Sandbox

/// Advertising accounts on the four platforms, described once and written two ways: as manifests
/// (YAML, what a team keeps in git) and as sandbox state (each platform's own JSON), so a benchmark
/// can seed live accounts that equal the manifests, or that differ from them by known changes.
///
/// Manifests never pin IDs: campaigns match by name (Topsort by external ID), as in everyday use.
struct SyntheticAccounts {
    struct NextRollAdGroup {
        var eid: String
        var name: String
        var active: Bool
        var include: [String]
        var exclude: [String]
        var ads: [String]
        var geo: Bool
    }

    struct NextRollCampaign {
        var eid: String
        var name: String
        var active: Bool
        /// The manifest's daily budget; NextRoll stores seven times it as the weekly budget.
        var dailyBudget: Decimal
        var cpc: Decimal
        var maxCPM: Decimal
        var start: String
        var end: String
        var retargeting: Bool
        var adGroups: [NextRollAdGroup]
    }

    struct NextRollSegment {
        var eid: String
        var conversionValue: Decimal
        var duration: Int
        /// Whether the manifests declare it (and so the fetch reads segments).
        var declared: Bool
    }

    struct NextRollAccount {
        var alias: String
        var advertisable: String
        var currency: String
        var segments: [NextRollSegment]
        var ads: [String]
        var campaigns: [NextRollCampaign]
    }

    struct CriteoCampaign {
        var id: String
        var name: String
        /// `Acquisition` or `Retention`, as Criteo writes it.
        var goal: String
        /// nil: uncapped.
        var amount: Decimal?
        /// daily, monthly or lifetime.
        var period: String
    }

    struct CriteoAccount {
        var alias: String
        var advertiser: String
        var currency: String
        var campaigns: [CriteoCampaign]
    }

    struct TopsortCampaign {
        var id: String
        var name: String
        var externalID: String
        var active: Bool
        /// Budget in minor units, as Topsort stores it.
        var budgetMinor: Int
        /// daily, weekly, monthly or lifetime (Topsort's `total`).
        var period: String
        var start: String
        var end: String
        var autobidding: Bool
        var objective: String
        var targetROAS: Decimal
        var charge: String
        var include: [Int]
        var exclude: [Int]
    }

    struct TopsortAccount {
        var alias: String
        var vendor: String
        var currency: String
        var campaigns: [TopsortCampaign]
    }

    struct JivoxExport {
        var format: String
        var resolution: Int
    }

    struct JivoxRetailCampaign {
        var idx: Int
        var name: String
        var active: Bool
        var trackers: [String]
        /// Exports the manifest asks for; in the sandbox, exports that completed.
        var exports: [JivoxExport]
    }

    struct JivoxAccount {
        var alias: String
        var account: String
        var retailCampaigns: [JivoxRetailCampaign]
    }

    var nextroll: [NextRollAccount] = []
    var criteo: [CriteoAccount] = []
    var topsort: [TopsortAccount] = []
    var jivox: [JivoxAccount] = []
    var marketplace = "7c9e6679-7425-40de-944b-e07fc1f90ae7"

    // MARK: Counts

    var campaignCount: Int {
        nextroll.reduce(0) { $0 + $1.campaigns.count } + criteo.reduce(0) { $0 + $1.campaigns.count }
            + topsort.reduce(0) { $0 + $1.campaigns.count }
    }

    var adGroupCount: Int {
        nextroll.reduce(0) { total, account in total + account.campaigns.reduce(0) { $0 + $1.adGroups.count } }
    }

    var retailCampaignCount: Int { jivox.reduce(0) { $0 + $1.retailCampaigns.count } }

    /// One line per provider block: what it holds.
    var spread: [String] {
        var lines: [String] = []
        for account in nextroll {
            let groups = account.campaigns.reduce(0) { $0 + $1.adGroups.count }
            let paused = account.campaigns.filter { !$0.active }.count
            lines.append("\(account.alias) (NextRoll): \(account.campaigns.count) campaigns (\(paused) paused), \(groups) ad groups, "
                         + "\(account.segments.filter(\.declared).count) segments declared")
        }
        for account in criteo {
            lines.append("\(account.alias) (Criteo): \(account.campaigns.count) campaigns")
        }
        for account in topsort {
            let paused = account.campaigns.filter { !$0.active }.count
            lines.append("\(account.alias) (Topsort): \(account.campaigns.count) campaigns (\(paused) inactive)")
        }
        for account in jivox {
            let exports = account.retailCampaigns.reduce(0) { $0 + $1.exports.count }
            lines.append("\(account.alias) (Jivox): \(account.retailCampaigns.count) retail campaigns, \(exports) exports")
        }
        return lines
    }

    // MARK: Manifests

    /// The manifests as one YAML file (as `reconcile` reads any number of them).
    func manifestYAML() -> String {
        var text = "providers:\n"
        for account in nextroll {
            text += "  \(account.alias): { type: nextroll, advertisable: \(account.advertisable), currency: \(account.currency) }\n"
        }
        for account in criteo {
            text += "  \(account.alias): { type: criteo, advertiser: \"\(account.advertiser)\", currency: \(account.currency) }\n"
        }
        for account in topsort {
            text += "  \(account.alias): { type: topsort, vendor: \(account.vendor), currency: \(account.currency) }\n"
        }
        for account in jivox {
            text += "  \(account.alias): { type: jivox, account: \(account.account) }\n"
        }
        text += "campaigns:\n"
        text.reserveCapacity(adGroupCount * 330 + campaignCount * 250)
        for account in nextroll {
            for campaign in account.campaigns {
                text += """
                  - name: \(campaign.name)
                    provider: \(account.alias)
                    status: \(campaign.active ? "active" : "paused")
                    budget: { amount: \(campaign.dailyBudget), period: daily }
                    schedule: { start: \(campaign.start), end: \(campaign.end) }
                    bidding: { cpc: \(campaign.cpc), max_cpm: \(campaign.maxCPM) }
                    retargeting: \(campaign.retargeting)
                    adgroups:

                """
                for group in campaign.adGroups {
                    text += "      - name: \(group.name)\n"
                    text += "        status: \(group.active ? "active" : "paused")\n"
                    text += "        segments: { include: [\(group.include.joined(separator: ", "))], exclude: [\(group.exclude.joined(separator: ", "))] }\n"
                    if group.geo {
                        text += "        geo:\n"
                        text += "          include: [{ country_id: 19, eid: \(Self.usEID) }]\n"
                        text += "          exclude: [{ region_id: USCA, eid: \(Self.californiaEID) }]\n"
                    }
                    text += "        ads: [\(group.ads.joined(separator: ", "))]\n"
                }
            }
        }
        for account in criteo {
            for campaign in account.campaigns {
                let budget = campaign.amount.map { "{ amount: \($0), period: \(campaign.period) }" } ?? "{ uncapped: true }"
                text += "  - { name: \(campaign.name), provider: \(account.alias), goal: \(campaign.goal.lowercased()), budget: \(budget) }\n"
            }
        }
        for account in topsort {
            for campaign in account.campaigns {
                let amount = Decimal(campaign.budgetMinor) / 100
                let bidding = campaign.autobidding
                    ? "{ type: autobidding, objective: \(campaign.objective), target_roas: \(campaign.targetROAS), charge: \(campaign.charge) }"
                    : "{ type: manual, charge: \(campaign.charge) }"
                text += """
                  - name: \(campaign.name)
                    provider: \(account.alias)
                    external_id: \(campaign.externalID)
                    status: \(campaign.active ? "active" : "paused")
                    budget: { amount: \(amount), period: \(campaign.period) }
                    schedule: { start: \(campaign.start), end: \(campaign.end) }
                    bidding: \(bidding)
                    targeting: { include: [\(campaign.include.map(String.init).joined(separator: ", "))], exclude: [\(campaign.exclude.map(String.init).joined(separator: ", "))] }

                """
            }
        }
        text += "segments:\n"
        for account in nextroll {
            for segment in account.segments where segment.declared {
                text += "  - { id: \(segment.eid), provider: \(account.alias), conversion_value: \(segment.conversionValue), duration: \(segment.duration) }\n"
            }
        }
        text += "retail_campaigns:\n"
        for account in jivox {
            for retail in account.retailCampaigns {
                let exports = retail.exports.map { "{ format: \($0.format), resolution: \($0.resolution) }" }.joined(separator: ", ")
                text += "  - { provider: \(account.alias), idx: \(retail.idx), trackers: [\(retail.trackers.joined(separator: ", "))], exports: [\(exports)] }\n"
            }
        }
        return text
    }

    // MARK: Sandbox state

    /// The accounts as sandbox state: what the platforms would answer.
    func fixture() throws -> SandboxFixture {
        try SandboxFixture(json: .object([
            ("format", .string(SandboxFixture.formatName)),
            ("nextroll", nextrollJSON()),
            ("criteo", criteoJSON()),
            ("topsort", topsortJSON()),
            ("jivox", jivoxJSON()),
        ]))
    }

    static let usEID = "YD2QNVI2GVH4DP4TIO8GEO"
    static let californiaEID = "FPDT2YVTEZG3LNMQ5Q8GEO"
    private static let created = SandboxJSON.string("2025-11-01T00:00:00+00:00")

    private func nextrollJSON() -> SandboxJSON {
        var advertisables: [SandboxJSON] = []
        var segments: [SandboxJSON] = []
        var ads: [SandboxJSON] = []
        var campaigns: [SandboxJSON] = []
        var adGroups: [SandboxJSON] = []
        for account in nextroll {
            advertisables.append(.object([("eid", .string(account.advertisable)), ("name", .string(account.alias)),
                                          ("organization", .string("ORGBENCH00000000000001")), ("created_date", Self.created)]))
            for segment in account.segments {
                segments.append(.object([("eid", .string(segment.eid)), ("advertisable", .string(account.advertisable)),
                                         ("name", .string("Segment \(segment.eid)")), ("type", .string("s")), ("duration", .integer(segment.duration)),
                                         ("conversion_value", .number(segment.conversionValue)), ("created_date", Self.created)]))
            }
            for ad in account.ads {
                ads.append(.object([("eid", .string(ad)), ("advertisable", .string(account.advertisable)), ("name", .string("Ad \(ad)")),
                                    ("ad_format_id", .integer(5)), ("destination_url", .string("https://shop.example.com/"))]))
            }
            for campaign in account.campaigns {
                var members: [(key: String, value: SandboxJSON)] = [
                    ("eid", .string(campaign.eid)), ("advertisable", .string(account.advertisable)), ("name", .string(campaign.name)),
                    ("budget", .number(campaign.dailyBudget * 7)), ("ui_budget_daily", .bool(true)), ("cpc", .number(campaign.cpc)),
                    ("max_cpm", .number(campaign.maxCPM)), ("start_date", .string(campaign.start)), ("end_date", .string(campaign.end)),
                    ("is_retargeting", .bool(campaign.retargeting)), ("status", .string(campaign.active ? "approved" : "paused")),
                ]
                if !campaign.active { members.append(("status_before_pause", .string("approved"))) }
                campaigns.append(.object(members))
                for group in campaign.adGroups {
                    let segmentList = group.include.map { SandboxJSON.object([("id", .string($0)), ("is_negative", .bool(false))]) }
                        + group.exclude.map { SandboxJSON.object([("id", .string($0)), ("is_negative", .bool(true))]) }
                    let geo: [SandboxJSON] = group.geo ? [
                        .object([("country_id", .integer(19)), ("eid", .string(Self.usEID)), ("is_negative", .bool(false))]),
                        .object([("region_id", .string("USCA")), ("eid", .string(Self.californiaEID)), ("is_negative", .bool(true))]),
                    ] : []
                    adGroups.append(.object([("eid", .string(group.eid)), ("campaign", .string(campaign.eid)), ("name", .string(group.name)),
                                             ("status", .string(group.active ? "approved" : "paused")), ("segments", .array(segmentList)),
                                             ("ads", .strings(group.ads)), ("geo_targets", .array(geo)), ("created_date", Self.created)]))
                }
            }
        }
        return .object([("advertisables", .array(advertisables)), ("segments", .array(segments)), ("ads", .array(ads)),
                        ("campaigns", .array(campaigns)), ("adgroups", .array(adGroups))])
    }

    private func criteoJSON() -> SandboxJSON {
        var advertisers: [SandboxJSON] = []
        var campaigns: [SandboxJSON] = []
        for account in criteo {
            advertisers.append(.object([("id", .string(account.advertiser)), ("name", .string(account.alias))]))
            for campaign in account.campaigns {
                let limit: SandboxJSON
                if let amount = campaign.amount {
                    limit = .object([("spendLimitRenewal", .string(campaign.period)), ("spendLimitType", .string("capped")),
                                     ("spendLimitAmount", .number(amount))])
                } else {
                    limit = .object([("spendLimitRenewal", .string("undefined")), ("spendLimitType", .string("uncapped")), ("spendLimitAmount", .null)])
                }
                campaigns.append(.object([("id", .string(campaign.id)), ("name", .string(campaign.name)), ("advertiserId", .string(account.advertiser)),
                                          ("goal", .string(campaign.goal)), ("spendLimit", limit)]))
            }
        }
        return .object([("advertisers", .array(advertisers)), ("campaigns", .array(campaigns))])
    }

    private func topsortJSON() -> SandboxJSON {
        var vendors: [SandboxJSON] = []
        var campaigns: [SandboxJSON] = []
        for (number, account) in topsort.enumerated() {
            vendors.append(.object([("id", .string(account.vendor)), ("name", .string(account.alias)),
                                    ("walletId", .string(Self.uuid(900_000 + number)))]))
            for campaign in account.campaigns {
                func filter(_ key: String, _ ids: [Int]) -> SandboxJSON {
                    .object([("isActive", .bool(!ids.isEmpty)),
                             (key, .array(ids.map { .object([("type", .string("segment")), ("segmentId", .integer($0))]) }))])
                }
                var members: [(key: String, value: SandboxJSON)] = [
                    ("campaignId", .string(campaign.id)), ("vendorId", .string(account.vendor)), ("name", .string(campaign.name)),
                    ("externalCampaignId", .string(campaign.externalID)), ("startDate", .string(campaign.start + "T00:00:00Z")),
                    ("endDate", .string(campaign.end + "T00:00:00Z")), ("isActive", .bool(campaign.active)),
                    ("campaignType", .string(campaign.autobidding ? "autobidding" : "manual")), ("chargeType", .string(campaign.charge)),
                ]
                if campaign.autobidding {
                    members += [("autobiddingObjective", .string(campaign.objective)), ("targetRoas", .number(campaign.targetROAS))]
                }
                members += [
                    ("budget", .object([("amount", .integer(campaign.budgetMinor)), ("type", .string(campaign.period == "lifetime" ? "total" : campaign.period))])),
                    ("targetingFilters", filter("targetingFilters", campaign.include)),
                    ("exclusionFilters", filter("exclusionFilters", campaign.exclude)),
                    ("createdAt", .string("2025-11-01T00:00:00Z")),
                ]
                campaigns.append(.object(members))
            }
        }
        return .object([("marketplaceId", .string(marketplace)), ("vendors", .array(vendors)), ("campaigns", .array(campaigns))])
    }

    private func jivoxJSON() -> SandboxJSON {
        var accounts: [SandboxJSON] = []
        var retail: [SandboxJSON] = []
        for account in jivox {
            accounts.append(.object([("id", .string(account.account)), ("name", .string(account.alias))]))
            for campaign in account.retailCampaigns {
                var members: [(key: String, value: SandboxJSON)] = [
                    ("account", .string(account.account)), ("idx", .integer(campaign.idx)), ("name", .string(campaign.name)),
                    ("status", .string(campaign.active ? "ACTIVE" : "DRAFT")), ("availableTrackers", .strings(["MOAT"])),
                ]
                if campaign.active {
                    members.append(("selectedTrackers", .strings(campaign.trackers)))
                    members.append(("exports", .array(campaign.exports.map {
                        .object([("assetExportType", .string($0.format)), ("resolution", .integer($0.resolution)), ("status", .string("COMPLETED"))])
                    })))
                }
                retail.append(.object(members))
            }
        }
        return .object([("accounts", .array(accounts)), ("retailCampaigns", .array(retail))])
    }

    /// A version-4 UUID made from a number, so the state is the same on every run.
    static func uuid(_ number: Int) -> String {
        let digits = String(number)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }
}
