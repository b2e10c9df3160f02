import Foundation
import Testing
@testable import Planner

@Suite("import: manifest writer")
struct ManifestWriterTests {
    /// Writes `account`, loads the YAML as `reconcile validate` does, and plans it against the same
    /// account: the import is right only when that plan is empty.
    @discardableResult
    static func roundTrip(_ account: LiveAccount, provider: ProviderConfig? = nil,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (imported: ImportedManifest, manifest: Manifest) {
        let imported = try ManifestWriter().write(account, provider: provider)
        let manifest: Manifest
        do {
            manifest = try ManifestLoader().load([ManifestSource(file: "imported.yaml", data: Data(imported.yaml.utf8))])
        } catch {
            Issue.record("the import does not validate: \(error.diagnostics.map(\.description))\n\(imported.yaml)", sourceLocation: sourceLocation)
            throw error
        }
        let plan = try PlanBuilder.plan(manifest, live: LiveState(accounts: [account]), options: PlanOptions(today: Fixture.today))
        #expect(plan.actions.isEmpty, "\(plan.actions.map { "\($0.id) \($0.changes)" })\n\(imported.yaml)", sourceLocation: sourceLocation)
        #expect(plan.blocked.isEmpty, "\(plan.blocked.map(\.reason))\n\(imported.yaml)", sourceLocation: sourceLocation)
        return (imported, manifest)
    }

    static let kwd = Currency(code: "KWD")!
    static let jpy = Currency(code: "JPY")!

    @Test func aNextRollAccountIsWrittenInTheManifestFormat() throws {
        let account = LiveAccount(alias: "nextroll-us", kind: .nextroll, account: "ADV0EID000000000000000", currency: Fixture.usd, campaigns: [
            LiveCampaign(id: "CAMP1", name: "Spring Sale Retargeting", status: .paused, platformStatus: "paused",
                         budget: .capped(Fixture.money("700.00"), .weekly), budgetShownDaily: true,
                         schedule: Schedule(start: Fixture.date("2026-03-01"), end: Fixture.date("2026-04-01")),
                         bidding: Bidding(cpc: Fixture.money("1.2"), maxCPM: Fixture.money("8")), retargeting: true,
                         adGroups: [LiveAdGroup(id: "AG1", name: "Cart abandoners US", status: .active,
                                                segments: Selection(include: ["SEGEID1"], exclude: ["SEGEID2"]),
                                                geo: Selection(include: [GeoTarget(kind: .countryID, value: "19", eid: "YD2QNVI2GVH4DP4TIO8GEO")],
                                                               exclude: [GeoTarget(kind: .regionID, value: "NO", eid: "FPDT2YVTEZG3LNMQ5Q8GEO")]),
                                                ads: ["ADEID2", "ADEID1"])]),
        ], segments: [LiveSegment(id: "SEGEID1", name: "Cart", conversionValue: Fixture.money("12.5"), duration: 30)])

        let (imported, _) = try Self.roundTrip(account)

        #expect(imported.notes.isEmpty)
        #expect(imported.yaml == """
            # The live state of NextRoll advertisable ADV0EID000000000000000 (provider `nextroll-us`), written by reconcile import.
            providers:
              nextroll-us:
                type: nextroll
                advertisable: ADV0EID000000000000000
                currency: USD

            campaigns:
              - name: Spring Sale Retargeting
                provider: nextroll-us
                status: paused
                budget: { amount: 100.00, period: daily }
                schedule: { start: 2026-03-01, end: 2026-04-01 }
                bidding: { cpc: 1.20, max_cpm: 8.00 }
                retargeting: true
                adgroups:
                  - name: Cart abandoners US
                    status: active
                    segments: { include: [SEGEID1], exclude: [SEGEID2] }
                    geo:
                      include: [{ country_id: 19, eid: YD2QNVI2GVH4DP4TIO8GEO }]
                      exclude: [{ region_id: "NO", eid: FPDT2YVTEZG3LNMQ5Q8GEO }]
                    ads: [ADEID1, ADEID2]

            segments:
              - { id: SEGEID1, provider: nextroll-us, conversion_value: 12.50, duration: 30 }

            """)
    }

    @Test func criteoTopsortAndJivoxAccountsAreWrittenInTheManifestFormat() throws {
        let criteo = LiveAccount(alias: "criteo-eu", kind: .criteo, account: "12345", currency: Fixture.eur, campaigns: [
            LiveCampaign(id: "99999", name: "Retention EU", budget: .capped(Fixture.money("123.45", Fixture.eur), .daily), lifetimeSpent: 0, goal: .retention),
            LiveCampaign(id: "88888", name: "Always-on", budget: .uncapped, goal: nil),
        ])
        #expect(try Self.roundTrip(criteo).imported.yaml == """
            # The live state of Criteo advertiser 12345 (provider `criteo-eu`), written by reconcile import.
            providers:
              criteo-eu:
                type: criteo
                advertiser: "12345"
                currency: EUR

            campaigns:
              - name: Always-on
                provider: criteo-eu
                budget: { uncapped: true }
              - name: Retention EU
                provider: criteo-eu
                goal: retention
                budget: { amount: 123.45, period: daily }

            """)

        let topsort = LiveAccount(alias: "topsort-mkt", kind: .topsort, account: "vendor-42", currency: Self.jpy, campaigns: [
            LiveCampaign(id: "3c90c3cc-0d44-4b50-8888-8dd25736052a", name: "Bola-Bola Ad campaign", status: .active,
                         budget: .capped(Money(5000, Self.jpy), .lifetime), lifetimeSpent: 1200,
                         schedule: Schedule(start: Fixture.date("2026-01-01"), end: Fixture.date("2027-01-01")),
                         bidding: Bidding(strategy: .autobidding, objective: .clicks, targetROAS: 4, charge: .CPC),
                         externalID: "bola-2026", targeting: Selection(include: [123], exclude: [456])),
        ])
        #expect(try Self.roundTrip(topsort).imported.yaml == """
            # The live state of Topsort vendor vendor-42 (provider `topsort-mkt`), written by reconcile import.
            providers:
              topsort-mkt:
                type: topsort
                vendor: vendor-42
                currency: JPY

            campaigns:
              - name: Bola-Bola Ad campaign
                provider: topsort-mkt
                external_id: bola-2026
                status: active
                budget: { amount: 5000, period: lifetime }
                schedule: { start: 2026-01-01, end: 2027-01-01 }
                bidding: { type: autobidding, objective: clicks, target_roas: 4.0, charge: CPC }
                targeting: { include: [123], exclude: [456] }

            """)

        let jivox = LiveAccount(alias: "jivox-main", kind: .jivox, account: "acc-7", currency: nil, retailCampaigns: [
            LiveRetailCampaign(idx: 5374, active: false, availableTrackers: ["MOAT"]),
            LiveRetailCampaign(idx: 5373, active: true, trackers: ["moat"], availableTrackers: ["MOAT"], exports: [
                LiveExport(format: .mp4, resolution: 1, status: .processing), LiveExport(format: .png, resolution: 2, status: .completed),
                LiveExport(format: .png, resolution: 1, status: .notInitiated), LiveExport(format: .gif, resolution: 1, status: .failed),
            ]),
        ])
        #expect(try Self.roundTrip(jivox).imported.yaml == """
            # The live state of Jivox account acc-7 (provider `jivox-main`), written by reconcile import.
            providers:
              jivox-main:
                type: jivox
                account: acc-7

            retail_campaigns:
              - provider: jivox-main
                idx: 5373
                trackers: [MOAT]
                exports: [{ format: png, resolution: 2 }, { format: mp4, resolution: 1 }]
              - provider: jivox-main
                idx: 5374

            """)
    }

    static let trickyTexts = [
        "NO", "no", "Yes", "ON", "y", "N", "null", "Null", "~", "true", "False", "2026.10", "007", "0x1F", "1e3", "-5", "+7", ".5", ".inf", "nan",
        "2026-03-01", "12:30", "a: b", "a:b", "#hash", "a #b", "- dash", "-", "?", "[x]", "{y}", "a, b", "*star", "&anchor", "!tag", "|pipe",
        ">fold", "%pct", "@at", "`tick", "'single'", "\"double\"", "it's", "back\\slash", "tab\there", "new\nline", "cr\rlf", " leading",
        "trailing ", "  ", "Ünïcødé ✓", "emoji 🎯", "<<", "=", "key: value # comment", "line\u{2028}separator", "\u{FEFF}bom", "nul\u{0}byte",
        "bell\u{7}", "del\u{7F}", "c1\u{85}next", "Spring Sale", "Sale (50% off)", "a/b", "e", "E",
    ]

    @Test(arguments: trickyTexts)
    func textIsReadBackExactly(_ text: String) throws {
        let account = LiveAccount(alias: "nr", kind: .nextroll, account: text, currency: Fixture.usd, campaigns: [
            LiveCampaign(id: text, name: text, status: .active, budget: .capped(Fixture.money("7.00"), .weekly), budgetShownDaily: false,
                         adGroups: [LiveAdGroup(id: "AG", name: text, segments: Selection(include: [text.replacingOccurrences(of: ",", with: ";")]),
                                                geo: Selection(include: [GeoTarget(kind: .regionID, value: text, eid: text + "-eid"),
                                                                         GeoTarget(kind: .postalCode, value: "0" + text, eid: "zip")]),
                                                ads: [text.replacingOccurrences(of: ",", with: ";")])]),
        ])
        let (imported, manifest) = try Self.roundTrip(account)
        #expect(imported.notes.isEmpty)
        #expect(manifest.providers.first?.account == text)
        let campaign = try #require(manifest.campaigns.first)
        #expect(campaign.name == text)
        #expect(campaign.adGroups.first?.name == text)
        #expect(campaign.adGroups.first?.geo?.include.contains(GeoTarget(kind: .regionID, value: text, eid: text + "-eid")) == true)
    }

    @Test(arguments: [
        ("19.99", "USD", "19.99"), ("20", "USD", "20.00"), ("0.1", "USD", "0.10"), ("1000", "JPY", "1000"), ("1.234", "KWD", "1.234"),
        ("1.2", "KWD", "1.200"), ("0", "EUR", "0.00"), ("123456789012.34", "USD", "123456789012.34"), ("19.990000000001", "USD", "19.99"),
    ])
    func moneyIsWrittenExactlyAtItsCurrencysPrecision(_ amount: String, _ code: String, _ written: String) throws {
        let currency = try #require(Currency(code: code))
        let money = Money(try #require(Decimal(string: amount)), currency)
        let account = LiveAccount(alias: "cr", kind: .criteo, account: "42", currency: currency, campaigns: [
            LiveCampaign(id: "1", name: "Money", budget: .capped(money, .monthly)),
        ])
        let (imported, manifest) = try Self.roundTrip(account)
        #expect(imported.yaml.contains("budget: { amount: \(written), period: monthly }"))
        #expect(manifest.campaigns.first?.budget == .capped(Money(try #require(Decimal(string: written)), currency), .monthly))
    }

    @Test func nextRollWeeklyBudgetsAreWrittenAsTheManifestWouldDeclareThem() throws {
        func campaign(_ name: String, weekly: String, shownDaily: Bool?) -> LiveCampaign {
            LiveCampaign(id: name, name: name, budget: .capped(Fixture.money(weekly), .weekly), budgetShownDaily: shownDaily)
        }
        let account = LiveAccount(alias: "nr", kind: .nextroll, account: "ADV1", currency: Fixture.usd, campaigns: [
            campaign("A daily", weekly: "700.00", shownDaily: true),
            campaign("B daily with dust", weekly: "70.0000000001", shownDaily: true),
            campaign("C weekly", weekly: "100.00", shownDaily: false),
            campaign("D unknown display", weekly: "100.00", shownDaily: nil),
            campaign("E indivisible", weekly: "100.00", shownDaily: true),
        ])
        let (imported, manifest) = try Self.roundTrip(account)
        let budgets = Dictionary(uniqueKeysWithValues: manifest.campaigns.map { ($0.name, $0.budget) })
        #expect(budgets["A daily"] == .capped(Fixture.money("100.00"), .daily))
        #expect(budgets["B daily with dust"] == .capped(Fixture.money("10.00"), .daily))
        #expect(budgets["C weekly"] == .capped(Fixture.money("100.00"), .weekly))
        #expect(budgets["D unknown display"] == .capped(Fixture.money("100.00"), .weekly))
        #expect(budgets["E indivisible"] == .some(nil))
        #expect(imported.notes.map(\.address.description) == ["nr/campaign/E indivisible"])
        #expect(imported.notes.first?.message.contains("declare `{ amount: 100.00, period: weekly }`") == true)
        #expect(imported.yaml.contains("# - nr/campaign/E indivisible: NextRoll shows the weekly budget 100.00 USD as a daily one"))
    }

    @Test func campaignsAreFoundAgainByNamePinOrExternalID() throws {
        let account = LiveAccount(alias: "ts", kind: .topsort, account: "v1", currency: Fixture.usd, campaigns: [
            LiveCampaign(id: "11111111-1111-4111-8111-111111111111", name: "Twin", externalID: "ext-1"),
            LiveCampaign(id: "22222222-2222-4222-8222-222222222222", name: "Twin"),
            LiveCampaign(id: "33333333-3333-4333-8333-333333333333", name: "Shared external", externalID: "ext-1"),
            LiveCampaign(id: "44444444-4444-4444-8444-444444444444", name: "Plain"),
        ])
        let (imported, manifest) = try Self.roundTrip(account)
        let byName = Dictionary(uniqueKeysWithValues: manifest.campaigns.map { ($0.name, $0) })
        #expect(byName.count == 3)
        // Names sort "Shared external" first, so it keeps the external ID the first "Twin" shares; two live
        // campaigns carry that external ID, so it is pinned too.
        #expect(byName["Shared external"]?.externalID == "ext-1")
        #expect(byName["Shared external"]?.pinnedID == "33333333-3333-4333-8333-333333333333")
        // Of the two "Twin"s the first by id is written, without the external ID; its name is ambiguous, so it is pinned.
        #expect(byName["Twin"]?.externalID == nil)
        #expect(byName["Twin"]?.pinnedID == "11111111-1111-4111-8111-111111111111")
        #expect(byName["Plain"]?.pinnedID == nil)
        #expect(imported.notes.map(\.address.description) == ["ts/campaign/Twin", "ts/campaign/Twin"])
    }

    @Test func aCampaignThatNeedsAPinItsIDCannotBeIsLeftOut() throws {
        let account = LiveAccount(alias: "ts", kind: .topsort, account: "v1", currency: Fixture.usd, campaigns: [
            LiveCampaign(id: "legacy-1", name: "Dup"), LiveCampaign(id: "legacy-2", name: "Dup"), LiveCampaign(id: "legacy-3", name: "Solo"),
        ])
        let (imported, manifest) = try Self.roundTrip(account)
        #expect(manifest.campaigns.map(\.name) == ["Solo"])
        #expect(imported.notes.map(\.address.description) == ["ts/campaign/Dup", "ts/campaign/Dup"])
        #expect(imported.notes.last?.message.contains("its id `legacy-1` cannot be pinned") == true)
    }

    @Test func adGroupsSharingANameAreLeftOutWithANote() throws {
        let account = LiveAccount(alias: "nr", kind: .nextroll, account: "ADV1", currency: Fixture.usd, campaigns: [
            LiveCampaign(id: "C1", name: "Campaign", adGroups: [
                LiveAdGroup(id: "G1", name: "Same"), LiveAdGroup(id: "G2", name: "Same"), LiveAdGroup(id: "G3", name: "Other", status: .paused),
            ]),
        ])
        let (imported, manifest) = try Self.roundTrip(account)
        #expect(manifest.campaigns.first?.adGroups.map(\.name) == ["Other"])
        #expect(imported.notes.map(\.description) == [
            "nr/campaign/Campaign/adgroup/Same: 2 ad groups have this name (G1, G2); ad groups are told apart by name, so none is written: rename them on NextRoll to manage them",
        ])
    }

    @Test func valuesAManifestCannotDeclareAreLeftUnmanaged() throws {
        let account = LiveAccount(alias: "ts", kind: .topsort, account: "v1", currency: Fixture.usd, campaigns: [
            LiveCampaign(id: "11111111-1111-4111-8111-111111111111", name: "Manual", budget: .uncapped,
                         schedule: Schedule(start: Fixture.date("2026-05-01"), end: Fixture.date("2026-04-01")),
                         bidding: Bidding(strategy: .manual, objective: .clicks, targetROAS: 3, charge: .CPM),
                         targeting: Selection(include: [1, 2], exclude: [2])),
        ])
        let (imported, manifest) = try Self.roundTrip(account)
        let campaign = try #require(manifest.campaigns.first)
        #expect(campaign.budget == nil)
        #expect(campaign.schedule == Schedule(start: Fixture.date("2026-05-01")))
        #expect(campaign.bidding == Bidding(strategy: .manual, charge: .CPM))
        #expect(campaign.targeting == nil)
        #expect(imported.notes.count == 5)
    }

    @Test func theProviderBlockKeepsWhereCredentialsComeFromButNeverValues() throws {
        let provider = ProviderConfig(alias: "jx", kind: .jivox, account: "acc-7", currency: nil, prune: .none,
                                      endpoint: URL(string: "https://jivox.example.com/api"),
                                      credentials: ["api_key": CredentialReference(environmentVariable: "TEAM_JIVOX_KEY")],
                                      limits: RateLimits(concurrency: 2), safety: SafetyThresholds(maxChangePercent: 25),
                                      location: Planner.SourceLocation(file: "m.yaml", line: 1, column: 1))
        let (imported, manifest) = try Self.roundTrip(LiveAccount(alias: "jx", kind: .jivox, account: "acc-7", currency: nil), provider: provider)
        #expect(imported.yaml.contains("""
              jx:
                type: jivox
                account: acc-7
                endpoint: "https://jivox.example.com/api"
                credentials: { api_key: "env:TEAM_JIVOX_KEY" }
                limits: { concurrency: 2 }
                safety: { max_change_percent: 25 }
            """))
        #expect(manifest.providers.first?.credentials["api_key"] == CredentialReference(environmentVariable: "TEAM_JIVOX_KEY"))
        #expect(manifest.providers.first?.endpoint == provider.endpoint)
    }

    @Test func anAccountWithMoneyButNoCurrencyCannotBeWritten() {
        let account = LiveAccount(alias: "cr", kind: .criteo, account: "42", currency: nil)
        let error = #expect(throws: ManifestImportError.self) { try ManifestWriter().write(account) }
        #expect(error?.description == "cr: the Criteo account has no currency, so its money cannot be written (set `currency:` in the provider block of `cr`)")
    }

    /// Generated accounts of every platform, drifted from what a manifest would make, with names drawn
    /// from text YAML likes to misread: each one written and planned again gives no change.
    @Test(arguments: 0..<150)
    func generatedAccountsRoundTrip(_ seed: UInt64) throws {
        var generator = ScenarioGenerator(seed: seed)
        let manifest = generator.manifest()
        let state = generator.drift(generator.realize(manifest), manifest: manifest)
        var random = TestRandom(seed: seed &+ 1000)
        for var account in state.accounts {
            account.campaigns = account.campaigns.map { campaign in
                var campaign = campaign
                if random.chance(0.4) { campaign.name = random.pick(Self.trickyTexts.filter { !$0.isEmpty }) + " \(random.int(0...3))" }
                return campaign
            }
            try Self.roundTrip(account)
        }
    }
}
