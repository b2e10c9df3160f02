import Foundation
import Sandbox

/// A generated apply across the four platforms: the live accounts before (a sandbox fixture) and the
/// manifests after, so that planning one against the other gives every kind of change at a chosen scale.
///
/// Per platform (each `Size` count is a number of campaigns):
/// - NextRoll: existing campaigns, each with one ad group, get in turn a budget raise, a budget
///   decrease, a pause, a resume (they start paused), an ad attached to their ad group, and their
///   ad group paused with an ad detached; new campaigns are created with `adGroupsPerNew` ad groups and resumed.
/// - Criteo: existing campaigns get a budget raise, a decrease or a new goal (all in the bulk PATCH);
///   new campaigns are created.
/// - Topsort: existing campaigns get a raise, a decrease, a pause or a resume; new ones are created.
/// - Jivox: retail campaigns (not activated) are activated, export two assets and download their tags.
struct ApplyScenario {
    struct Size {
        var nextrollExisting = 0
        var nextrollNew = 0
        var adGroupsPerNew = 2
        var criteoExisting = 0
        var criteoNew = 0
        var topsortExisting = 0
        var topsortNew = 0
        var jivoxRetail = 0
    }

    static let advertisable = "ADVMATRIX0000000000001"
    static let segments = ["SEGMATRIXVISITORS00001", "SEGMATRIXBUYERS0000001"]
    static let ads = ["ADMATRIXBANNER00000001", "ADMATRIXBANNER00000002"]
    static let advertiser = "55501"
    static let vendor = "vendor-matrix"
    static let jivoxAccount = "acc-matrix"
    static let aliases = (nextroll: "nr", criteo: "criteo", topsort: "topsort", jivox: "jivox")

    var size: Size
    /// The sandbox state before the apply.
    var fixture: SandboxFixture
    /// The manifests (one file) the apply makes true; `tags:` folders are relative to the file.
    var manifestText: String

    init(_ size: Size) throws {
        self.size = size
        var nextrollCampaigns: [String] = [], nextrollGroups: [String] = [], criteoCampaigns: [String] = []
        var topsortCampaigns: [String] = [], retail: [String] = []
        var manifest: [String] = []

        // NextRoll. Budgets are daily (weekly ÷ 7 on the platform); amounts vary with the index.
        for index in 0..<size.nextrollExisting {
            let eid = Self.eid("CAMMATRIX", index), group = Self.eid("AGMATRIX", index)
            let daily = 20 + index % 13
            let variant = index % 6
            nextrollCampaigns.append(#"{ "eid": "\#(eid)", "advertisable": "\#(Self.advertisable)", "name": "NR Existing \#(index)", "budget": \#(daily * 7), "#
                + #""ui_budget_daily": true, "start_date": "2026-01-01", "status": "\#(variant == 3 ? "paused" : "approved")""#
                + (variant == 3 ? #", "status_before_pause": "approved" }"# : " }"))
            nextrollGroups.append(#"{ "eid": "\#(group)", "campaign": "\#(eid)", "name": "Main", "status": "approved", "#
                + #""segments": [ { "id": "\#(Self.segments[0])", "is_negative": false } ], "#
                + #""ads": [ \#((variant == 5 ? Self.ads : [Self.ads[0]]).map { "\"\($0)\"" }.joined(separator: ", ")) ] }"#)
            let budget = variant == 0 ? daily + 5 : (variant == 1 ? daily - 7 : daily)
            let ads = variant == 4 ? Self.ads : [Self.ads[0]]
            manifest.append("""
                  - name: NR Existing \(index)
                    provider: \(Self.aliases.nextroll)
                    status: \(variant == 2 ? "paused" : "active")
                    budget: { amount: \(budget), period: daily }
                    adgroups:
                      - { name: Main, status: \(variant == 5 ? "paused" : "active"), segments: { include: [\(Self.segments[0])] }, ads: [\(ads.joined(separator: ", "))] }
                """)
        }
        for index in 0..<size.nextrollNew {
            var text = """
                  - name: NR New \(index)
                    provider: \(Self.aliases.nextroll)
                    status: active
                    budget: { amount: \(10 + index % 7), period: daily }
                    adgroups:

                """
            for group in 0..<size.adGroupsPerNew {
                text += "      - { name: Group \(group), status: active, segments: { include: [\(Self.segments[1])] }, ads: [\(Self.ads[group % 2])] }\n"
            }
            manifest.append(String(text.dropLast()))
        }

        // Criteo: daily spend limits; every third campaign changes its goal instead of its budget.
        for index in 0..<size.criteoExisting {
            let amount = 100 + index % 11
            let goal = index % 2 == 0 ? "Retention" : "Acquisition"
            criteoCampaigns.append(#"{ "id": "\#(700_000 + index)", "name": "CR Existing \#(index)", "advertiserId": "\#(Self.advertiser)", "goal": "\#(goal)", "#
                + #""spendLimit": { "spendLimitRenewal": "daily", "spendLimitType": "capped", "spendLimitAmount": \#(amount) } }"#)
            let variant = index % 3
            let wantedGoal = variant == 2 ? (goal == "Retention" ? "acquisition" : "retention") : goal.lowercased()
            let wantedAmount = variant == 0 ? amount + 25 : (variant == 1 ? amount - 30 : amount)
            manifest.append("  - { name: CR Existing \(index), provider: \(Self.aliases.criteo), goal: \(wantedGoal), budget: { amount: \(wantedAmount), period: daily } }")
        }
        for index in 0..<size.criteoNew {
            manifest.append("  - { name: CR New \(index), provider: \(Self.aliases.criteo), goal: acquisition, budget: { amount: \(40 + index % 9), period: daily } }")
        }

        // Topsort: budgets in minor units on the platform, major units in the manifests.
        for index in 0..<size.topsortExisting {
            let amount = 50 + index % 17
            let variant = index % 4
            topsortCampaigns.append(#"{ "campaignId": "\#(Self.uuid(index))", "vendorId": "\#(Self.vendor)", "name": "TS Existing \#(index)", "#
                + #""externalCampaignId": "ts-existing-\#(index)", "startDate": "2026-01-01T00:00:00Z", "endDate": "2031-01-01T00:00:00Z", "#
                + #""isActive": \#(variant == 3 ? "false" : "true"), "campaignType": "manual", "chargeType": "CPC", "#
                + #""budget": { "amount": \#(amount * 100), "type": "daily" }, "createdAt": "2025-12-01T10:00:00Z" }"#)
            let wanted = variant == 0 ? amount + 15 : (variant == 1 ? amount - 20 : amount)
            manifest.append("  - { name: TS Existing \(index), provider: \(Self.aliases.topsort), external_id: ts-existing-\(index), "
                + "status: \(variant == 2 ? "paused" : "active"), budget: { amount: \(wanted), period: daily } }")
        }
        for index in 0..<size.topsortNew {
            manifest.append("  - { name: TS New \(index), provider: \(Self.aliases.topsort), external_id: ts-new-\(index), status: active, "
                + "budget: { amount: \(30 + index % 5), period: daily }, schedule: { start: 2030-01-01, end: 2030-12-31 } }")
        }

        // Jivox: each retail campaign has a tags folder of its own (a shared one would hold every campaign's CSV).
        var retailManifest: [String] = []
        for index in 0..<size.jivoxRetail {
            let idx = 9_000 + index
            retail.append(#"{ "account": "\#(Self.jivoxAccount)", "idx": \#(idx), "name": "Retail \#(idx)", "status": "DRAFT", "availableTrackers": [ "MOAT", "IAS" ] }"#)
            retailManifest.append("  - { provider: \(Self.aliases.jivox), idx: \(idx), trackers: [MOAT], "
                + "exports: [{ format: png, resolution: 2 }, { format: mp4 }], tags: tags/\(idx) }")
        }

        let fixtureText = """
            {
              "format": "reconcile-sandbox/1",
              "nextroll": {
                "advertisables": [ { "eid": "\(Self.advertisable)", "name": "Matrix Shop" } ],
                "segments": [ \(Self.segments.map { #"{ "eid": "\#($0)", "advertisable": "\#(Self.advertisable)", "name": "\#($0)", "type": "s", "duration": 30 }"# }.joined(separator: ", ")) ],
                "ads": [ \(Self.ads.map { #"{ "eid": "\#($0)", "advertisable": "\#(Self.advertisable)", "name": "\#($0)", "ad_format_id": 5 }"# }.joined(separator: ", ")) ],
                "campaigns": [ \(nextrollCampaigns.joined(separator: ",\n")) ],
                "adgroups": [ \(nextrollGroups.joined(separator: ",\n")) ]
              },
              "criteo": {
                "advertisers": [ { "id": "\(Self.advertiser)", "name": "Matrix Advertiser" } ],
                "campaigns": [ \(criteoCampaigns.joined(separator: ",\n")) ]
              },
              "topsort": {
                "vendors": [ { "id": "\(Self.vendor)", "name": "Matrix Vendor" } ],
                "campaigns": [ \(topsortCampaigns.joined(separator: ",\n")) ]
              },
              "jivox": {
                "accounts": [ { "id": "\(Self.jivoxAccount)", "name": "Matrix Retail" } ],
                "retailCampaigns": [ \(retail.joined(separator: ",\n")) ]
              }
            }
            """
        fixture = try SandboxFixture(data: Data(fixtureText.utf8), source: "apply scenario")

        let (nextroll, criteo, topsort, jivox) = Self.aliases
        var text = """
            providers:
              \(nextroll): { type: nextroll, advertisable: \(Self.advertisable), currency: USD }
              \(criteo): { type: criteo, advertiser: "\(Self.advertiser)", currency: EUR }
              \(topsort): { type: topsort, vendor: \(Self.vendor), currency: USD }
              \(jivox): { type: jivox, account: \(Self.jivoxAccount) }

            """
        if !manifest.isEmpty { text += "campaigns:\n" + manifest.joined(separator: "\n") + "\n" }
        if !retailManifest.isEmpty { text += "retail_campaigns:\n" + retailManifest.joined(separator: "\n") + "\n" }
        manifestText = text
    }

    /// A 22-character NextRoll EID: `prefix` padded with zeros, then the index.
    static func eid(_ prefix: String, _ index: Int) -> String {
        let number = String(index)
        return prefix + String(repeating: "0", count: max(0, 22 - prefix.count - number.count)) + number
    }

    /// A Topsort campaign id for the index.
    static func uuid(_ index: Int) -> String {
        let hex = String(index, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }
}
