import Foundation
import Testing
@testable import Planner

@Suite struct SafetyTests {
    static func campaigns(_ count: Int, amount: String = "10") -> [LiveCampaign] {
        (0..<count).map { LiveCampaign(id: "T\($0)", name: "C\($0)", budget: .capped(Fixture.money(amount), .daily)) }
    }

    /// `schedule` is added to every campaign (Topsort needs dates to create one).
    static func manifest(_ campaigns: [(String, String, String)], safety: String = "", providerSafety: String = "", schedule: String = "") throws -> Manifest {
        var yaml = """
        providers:
          ts: { type: topsort, vendor: v1, currency: USD\(providerSafety) }
        \(safety)
        campaigns:

        """
        for (name, amount, status) in campaigns { yaml += "  - { name: \(name), provider: ts, status: \(status), budget: { amount: \(amount), period: daily }\(schedule) }\n" }
        return try Fixture.manifest(yaml)
    }

    static func live(_ campaigns: [LiveCampaign]) -> LiveState {
        LiveState(accounts: [LiveAccount(alias: "ts", kind: .topsort, account: "v1", currency: Fixture.usd, campaigns: campaigns)])
    }

    @Test func pausingMoreThanTheShareIsRefusedWithTheNumbersAndTheFlag() throws {
        // 3 of 4 live campaigns paused: 75% > the default 50%.
        let manifest = try Self.manifest([("C0", "10", "paused"), ("C1", "10", "paused"), ("C2", "10", "paused"), ("C3", "10", "active")])
        let plan = try Fixture.plan(manifest, Self.live(Self.campaigns(4)))
        #expect(plan.safety.refuses)
        #expect(plan.safety.violations.map(\.message) == ["ts: the plan pauses or edits 3 of 4 live campaigns (75%), more than max_change_percent 50%"])
        #expect(plan.safety.refusal.contains("--allow-unsafe"))
        #expect(plan.safety.thresholds.first?.maxChangePercent == 50)

        let overridden = try Fixture.plan(manifest, Self.live(Self.campaigns(4)), allowUnsafe: true)
        #expect(!overridden.safety.refuses && overridden.safety.overridden)
        #expect(overridden.actions == plan.actions)
        // Half is not more than half.
        let half = try Self.manifest([("C0", "10", "paused"), ("C1", "10", "paused"), ("C2", "10", "active"), ("C3", "10", "active")])
        #expect(try Fixture.plan(half, Self.live(Self.campaigns(4))).safety.isSafe)
    }

    @Test func providerThresholdsOverrideTopLevelOnes() throws {
        let manifest = try Self.manifest([("C0", "10", "paused"), ("C1", "10", "paused"), ("C2", "10", "paused"), ("C3", "10", "active")],
                                         safety: "safety: { max_change_percent: 10 }", providerSafety: ", safety: { max_change_percent: 80 }")
        let plan = try Fixture.plan(manifest, Self.live(Self.campaigns(4)))
        #expect(plan.safety.isSafe)
        #expect(plan.safety.thresholds.first?.maxChangePercent == 80)
    }

    @Test func pruningCountsAsPausing() throws {
        var yaml = "providers:\n  ts: { type: topsort, vendor: v1, currency: USD, prune: pause }\ncampaigns: [{ name: C0, provider: ts, budget: { amount: 10, period: daily } }]\n"
        yaml += ""
        let plan = try Fixture.plan(try Fixture.manifest(yaml), Self.live(Self.campaigns(3)))
        #expect(plan.actions.map(\.id.description) == ["pause ts/campaign/C1", "pause ts/campaign/C2"])
        #expect(plan.safety.violations.map(\.rule) == [.changeShare])
        #expect(plan.safety.violations.first?.message.contains("2 of 3 live campaigns (66.7%)") == true)
    }

    @Test func spendIncreasesAboveThePercentOrAmountAreRefused() throws {
        // 20/day → 50/day: +150% > 100% (default); +30.00 > max_spend_increase 25.
        let manifest = try Self.manifest([("C0", "40", "active"), ("C1", "10", "active")], providerSafety: ", safety: { max_spend_increase: 25 }")
        let plan = try Fixture.plan(manifest, Self.live(Self.campaigns(2)))
        #expect(plan.safety.violations.map(\.rule) == [.spendIncreasePercent, .spendIncrease])
        #expect(plan.safety.violations[0].message
            == "ts: the plan raises the daily-equivalent spend ceiling from 20.00 USD to 50.00 USD (+30.00 USD, +150%), more than max_spend_increase_percent 100%")
        #expect(plan.safety.violations[1].message
            == "ts: the plan raises the daily-equivalent spend ceiling from 20.00 USD to 50.00 USD (+30.00 USD), more than max_spend_increase 25.00 USD")
        #expect(plan.safety.violations[0].actual == 150)
        // Within both: 20 → 39 (+95%, +19.00).
        let fine = try Self.manifest([("C0", "29", "active"), ("C1", "10", "active")], providerSafety: ", safety: { max_spend_increase: 25 }")
        #expect(try Fixture.plan(fine, Self.live(Self.campaigns(2))).safety.isSafe)
    }

    @Test func aFirstApplyToAnEmptyAccountIsHeldOnlyByTheAmount() throws {
        let dates = ", schedule: { start: 2030-01-01, end: 2030-12-31 }"
        let manifest = try Self.manifest([("C0", "400", "active")], schedule: dates)
        #expect(try Fixture.plan(manifest, Self.live([])).safety.isSafe)
        let capped = try Self.manifest([("C0", "400", "active")], providerSafety: ", safety: { max_spend_increase: 100 }", schedule: dates)
        #expect(try Fixture.plan(capped, Self.live([])).safety.violations.map(\.rule) == [.spendIncrease])
    }

    @Test func anyMoveToUnboundedSpendIsUnsafe() throws {
        let manifest = try Fixture.manifest("""
        providers: { cr: { type: criteo, advertiser: "42", currency: EUR } }
        campaigns: [{ name: A, provider: cr, goal: retention, budget: { uncapped: true } }]
        safety: { max_spend_increase_percent: 100000, max_change_percent: 100 }
        """)
        let live = LiveState(accounts: [LiveAccount(alias: "cr", kind: .criteo, account: "42", currency: Fixture.eur,
                                                    campaigns: [LiveCampaign(id: "1", name: "A", budget: .capped(Fixture.money("5", Fixture.eur), .daily))])])
        let plan = try Fixture.plan(manifest, live)
        #expect(plan.spend.first?.planned.isUnbounded == true)
        #expect(plan.safety.violations.map(\.rule) == [.unboundedSpend])
        #expect(plan.safety.violations.first?.message == "cr: the plan makes 1 campaign without a spend limit serve, so its daily spend ceiling becomes unbounded")
    }

    @Test func defaultsComeFromTheDocumentedSchema() {
        #expect(SafetyRules.defaults.maxChangePercent == 50)
        #expect(SafetyRules.defaults.maxSpendIncreasePercent == 100)
        #expect(SafetyRules.defaults.maxSpendIncrease == nil)
    }
}
