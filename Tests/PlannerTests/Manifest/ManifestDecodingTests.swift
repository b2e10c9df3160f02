import Foundation
import Testing
@testable import Planner

/// Decoding into the model follows "Manifest format (v1)" in DESIGN.md field by field.
@Suite struct ManifestDecodingTests {
    /// The example of DESIGN.md "Manifest format (v1)", verbatim.
    static let designExample = """
        providers:                          # keyed by an alias that resources refer to
          nextroll-us:
            type: nextroll                  # nextroll | criteo | topsort | jivox
            advertisable: ADV0EID000000000000000   # NextRoll advertisable EID
            currency: USD                   # ISO 4217; money in this provider's resources is in it
            prune: none                     # none (default) | pause: pause live campaigns no manifest declares
            endpoint: https://...           # optional: overrides the type's default base URL
            credentials: { api_key: env:NEXTROLL_API_KEY, token: env:NEXTROLL_TOKEN }
          criteo-eu:   { type: criteo,  advertiser: "12345", currency: EUR }
          topsort-mkt: { type: topsort, vendor: vendor-42, currency: USD }
          jivox-main:  { type: jivox,   account: acc-7 }

        campaigns:
          - name: Spring Sale Retargeting   # the name on the platform; identity within its provider
            provider: nextroll-us
            id: CAMPEID                     # optional pin to a live ID (adoption, renames)
            status: active                  # active | paused
            budget: { amount: 100.00, period: daily }   # daily | weekly | monthly | lifetime; or { uncapped: true }
            schedule: { start: 2026-03-01, end: 2026-04-01 }
            bidding: { cpc: 1.20, max_cpm: 8.00 }       # provider-specific keys, validated per provider
            retargeting: true               # NextRoll is_retargeting
            adgroups:
              - name: Cart abandoners US
                status: active
                segments: { include: [SEGEID1], exclude: [SEGEID2] }
                geo:
                  include: [{ country_id: 19, eid: YD2QNVI2GVH4DP4TIO8GEO }]
                  exclude: [{ region_id: USCA, eid: FPDT2YVTEZG3LNMQ5Q8GEO }]
                ads: [ADEID1, ADEID2]
          - name: Retention EU
            provider: criteo-eu
            goal: retention                 # acquisition | retention (Criteo)
            budget: { amount: 123.45, period: daily }
          - name: Bola-Bola Ad campaign
            provider: topsort-mkt
            external_id: bola-2026          # Topsort externalCampaignId
            budget: { amount: 50.00, period: daily }
            bidding: { type: autobidding, objective: clicks, target_roas: 4.0, charge: CPC }
            targeting: { include: [123], exclude: [456] }  # Topsort segment ids

        segments:                           # NextRoll segments are edited, not created
          - id: SEGEID1
            provider: nextroll-us
            conversion_value: 12.50
            duration: 30

        retail_campaigns:                   # Jivox
          - provider: jivox-main
            idx: 5373
            trackers: [MOAT]                # activation with these trackers
            exports: [{ format: png, resolution: 2 }, { format: mp4, resolution: 1 }]
            tags: out/tags                  # apply downloads the tags CSV into this folder
        """

    static func money(_ text: String, _ code: String) -> Money? {
        guard let amount = ScalarParser.decimal(text), let currency = Currency(code: code) else { return nil }
        return Money(amount, currency)
    }

    @Test func theDesignExampleDecodesEveryField() throws {
        let manifest = try ManifestFixtures.load([("design.yaml", Self.designExample)]).get()
        #expect(manifest.providers.map(\.alias) == ["nextroll-us", "criteo-eu", "topsort-mkt", "jivox-main"])
        let nextroll = try #require(manifest.provider("nextroll-us"))
        #expect(nextroll.kind == .nextroll && nextroll.account == "ADV0EID000000000000000")
        #expect(nextroll.currency?.code == "USD" && nextroll.prune == PrunePolicy.none)
        #expect(nextroll.endpoint?.scheme == "https")
        #expect(nextroll.credentials == ["api_key": CredentialReference(environmentVariable: "NEXTROLL_API_KEY"),
                                         "token": CredentialReference(environmentVariable: "NEXTROLL_TOKEN")])
        #expect(manifest.provider("criteo-eu").map { ($0.kind, $0.account, $0.currency?.code) } ?? (.jivox, "", nil) == (.criteo, "12345", "EUR"))
        #expect(manifest.provider("topsort-mkt")?.account == "vendor-42")
        let jivox = try #require(manifest.provider("jivox-main"))
        #expect(jivox.kind == .jivox && jivox.account == "acc-7" && jivox.currency == nil)
        #expect(jivox.credentials == ["api_key": CredentialReference(environmentVariable: "JIVOX_API_KEY")], "defaults are filled in")

        #expect(manifest.campaigns.count == 3)
        let spring = manifest.campaigns[0]
        #expect(spring.name == "Spring Sale Retargeting" && spring.provider == "nextroll-us" && spring.pinnedID == "CAMPEID")
        #expect(spring.status == .active && spring.retargeting == true)
        #expect(spring.budget == .capped(try #require(Self.money("100.00", "USD")), .daily))
        #expect(spring.schedule == Schedule(start: CalendarDate(year: 2026, month: 3, day: 1), end: CalendarDate(year: 2026, month: 4, day: 1)))
        #expect(spring.bidding == Bidding(cpc: Self.money("1.20", "USD"), maxCPM: Self.money("8.00", "USD")))
        let group = try #require(spring.adGroups.first)
        #expect(spring.adGroups.count == 1)
        #expect(group.name == "Cart abandoners US" && group.status == .active)
        #expect(group.segments == Selection(include: ["SEGEID1"], exclude: ["SEGEID2"]))
        #expect(group.geo == Selection(include: [GeoTarget(kind: .countryID, value: "19", eid: "YD2QNVI2GVH4DP4TIO8GEO")],
                                       exclude: [GeoTarget(kind: .regionID, value: "USCA", eid: "FPDT2YVTEZG3LNMQ5Q8GEO")]))
        #expect(group.ads == ["ADEID1", "ADEID2"])

        let retention = manifest.campaigns[1]
        #expect(retention.provider == "criteo-eu" && retention.goal == .retention)
        #expect(retention.budget == .capped(try #require(Self.money("123.45", "EUR")), .daily))
        #expect(retention.bidding == nil && retention.schedule == nil && retention.retargeting == nil, "keys left out are not managed")

        let bola = manifest.campaigns[2]
        #expect(bola.provider == "topsort-mkt" && bola.externalID == "bola-2026")
        #expect(bola.budget == .capped(try #require(Self.money("50.00", "USD")), .daily))
        #expect(bola.bidding == Bidding(strategy: .autobidding, objective: .clicks, targetROAS: Decimal(string: "4.0"), charge: .CPC))
        #expect(bola.targeting == Selection(include: [123], exclude: [456]))

        #expect(manifest.segments == [AudienceSegment(id: "SEGEID1", provider: "nextroll-us", conversionValue: Self.money("12.50", "USD"),
                                                      duration: 30, location: SourceLocation(file: "design.yaml", line: 42, column: 5))])
        let retail = try #require(manifest.retailCampaigns.first)
        #expect(retail.provider == "jivox-main" && retail.idx == 5373 && retail.trackers == ["MOAT"])
        #expect(retail.exports == [AssetExport(format: .png, resolution: 2), AssetExport(format: .mp4, resolution: 1)])
        #expect(retail.tagsFolder == "out/tags")
        #expect(manifest.files == ["design.yaml"])
    }

    @Test func everyBudgetPeriodEachProviderCanExpressDecodes() throws {
        var text = "campaigns:\n"
        for (alias, kind) in [("nextroll-us", ProviderKind.nextroll), ("criteo-eu", .criteo), ("topsort-mkt", .topsort)] {
            for period in kind.supportedBudgetPeriods {
                text += "  - { name: \(period.rawValue), provider: \(alias), budget: { amount: 10, period: \(period.rawValue) } }\n"
            }
        }
        text += "  - { name: open, provider: criteo-eu, budget: { uncapped: true } }\n"
        let manifest = try ManifestFixtures.manifest(text)
        #expect(manifest.campaigns.count == 2 + 3 + 4 + 1)
        #expect(manifest.campaigns.last?.budget == .uncapped)
        #expect(manifest.campaigns.first { $0.provider == "topsort-mkt" && $0.name == "lifetime" }?.budget.map { "\($0)" } == "10.00 USD lifetime")
    }

    @Test func filesAreConcatenatedAndExtensionKeysAndDocumentsHandled() throws {
        let manifest = try ManifestFixtures.load([
            ("a.yaml", """
                x-defaults: &defaults { provider: nextroll-us, status: paused }
                providers:
                  nextroll-us: { type: nextroll, advertisable: ADV1, currency: USD }
                campaigns:
                  - { <<: *defaults, name: A }
                ---
                campaigns:
                  - { provider: nextroll-us, name: B }
                """),
            ("b.yml", """
                campaigns:
                  - { provider: nextroll-us, name: C }
                segments:
                retail_campaigns: []
                safety: { max_change_percent: 10 }
                """),
        ]).get()
        #expect(manifest.campaigns.map(\.name) == ["A", "B", "C"])
        #expect(manifest.campaigns.map(\.status) == [.paused, nil, nil])
        #expect(manifest.safety == SafetyThresholds(maxChangePercent: 10))
    }

    @Test func providerSafetyAndLimitsDecode() throws {
        let manifest = try ManifestFixtures.load([("p.yaml", """
            providers:
              topsort-mkt:
                type: topsort
                vendor: vendor-42
                currency: USD
                prune: pause
                endpoint: http://127.0.0.1:8080/topsort
                credentials: { api_key: env:MY_TOPSORT_KEY }
                limits: { concurrency: 8, requests_per_minute: 600 }
                safety: { max_change_percent: 20.5, max_spend_increase: 500.00 }
            """)]).get()
        let topsort = try #require(manifest.providers.first)
        #expect(topsort.prune == .pause)
        #expect(topsort.endpoint?.absoluteString == "http://127.0.0.1:8080/topsort")
        #expect(topsort.credentials == ["api_key": CredentialReference(environmentVariable: "MY_TOPSORT_KEY")])
        #expect(topsort.limits == RateLimits(concurrency: 8, requestsPerMinute: 600))
        #expect(topsort.safety == SafetyThresholds(maxChangePercent: Decimal(string: "20.5"), maxSpendIncrease: 500))
    }

    @Test func locationsReachTheModel() throws {
        let manifest = try ManifestFixtures.manifest("""
            campaigns:
              - name: A
                provider: nextroll-us
                adgroups:
                  - name: G
            """)
        #expect(manifest.campaigns.first?.location == SourceLocation(file: "test.yaml", line: 2, column: 5))
        #expect(manifest.campaigns.first?.adGroups.first?.location == SourceLocation(file: "test.yaml", line: 5, column: 9))
        #expect(manifest.providers.first?.location.file == "providers.yaml")
    }
}
