import Foundation
import Testing
@testable import Planner

/// Changes the APIs cannot make are shown with their reason and never become actions.
@Suite struct BlockedChangeTests {
    static func plan(_ yaml: String, _ change: (inout [String: LiveAccount]) -> Void) throws -> Plan {
        try Fixture.plan(try Fixture.manifest(Fixture.providers + yaml), Fixture.accounts(change))
    }

    @Test func criteoNamesAreReadOnlyButTheRestStillHappens() throws {
        let plan = try Self.plan("campaigns: [{ name: New, provider: cr, id: '9', budget: { amount: 20, period: daily } }]") {
            $0["cr"]?.campaigns = [LiveCampaign(id: "9", name: "Old", budget: .capped(Fixture.money("10", Fixture.eur), .daily))]
        }
        #expect(plan.blocked.map(\.changes) == [[FieldChange(.name, .text("Old"), .text("New"))]])
        #expect(plan.blocked.first?.reason.contains("read-only") == true)
        let update = try #require(plan.actions.first)
        #expect(plan.actions.count == 1 && update.changes.map(\.field) == [.budget])
        #expect(update.calls.first?.parameter("name") == nil)
        #expect(update.calls.first?.parameter("spendLimit.spendLimitAmount") == .money(Fixture.money("20", Fixture.eur)))
    }

    /// A Topsort campaign needs a budget to be created; without a schedule it starts now and runs until paused.
    @Test func aTopsortCampaignIsCreatedOnlyWithABudget() throws {
        let plan = try Self.plan("""
        campaigns:
          - { name: No Dates, provider: ts, budget: { amount: 20, period: daily } }
          - { name: No End, provider: ts, budget: { amount: 20, period: daily }, schedule: { start: 2030-01-01 } }
          - { name: No Budget, provider: ts, schedule: { start: 2030-01-01, end: 2030-02-01 } }
          - { name: Complete, provider: ts, budget: { amount: 20, period: daily }, schedule: { start: 2030-01-01, end: 2030-02-01 } }
        """) { _ in }
        #expect(plan.actions.map(\.address.description) == ["ts/campaign/Complete", "ts/campaign/No Dates", "ts/campaign/No End"])
        let noDates = try #require(plan.actions.first { $0.address.description == "ts/campaign/No Dates" })
        #expect(noDates.calls.first?.parameter("startDate") == nil && noDates.calls.first?.parameter("endDate") == nil)
        #expect(plan.blocked.map(\.address.description) == ["ts/campaign/No Budget"])
        #expect(plan.blocked.allSatisfy { $0.kind == .create && $0.reason.contains("Topsort needs a budget") })
    }

    /// Topsort moves a start date in the past to today and wants the end after the start, so a new
    /// campaign cannot end on or before today (Fixture.today is 2026-03-01), nor a live one before its start.
    @Test func topsortEndDatesMustBeAfterToday() throws {
        let plan = try Self.plan("""
        campaigns:
          - { name: Ended, provider: ts, budget: { amount: 20, period: daily }, schedule: { start: 2025-01-01, end: 2026-03-01 } }
          - { name: Ends Tomorrow, provider: ts, budget: { amount: 20, period: daily }, schedule: { start: 2025-01-01, end: 2026-03-02 } }
          - { name: Live, provider: ts, schedule: { end: 2026-02-01 }, budget: { amount: 30, period: daily } }
          - { name: Ended Long Ago, provider: ts, schedule: { end: 2025-02-01 } }
          - { name: NextRoll Past, provider: nr, budget: { amount: 20, period: daily }, schedule: { start: 2025-01-01, end: 2025-02-01 } }
        """) {
            $0["ts"]?.campaigns = [
                LiveCampaign(id: "T1", name: "Live", budget: .capped(Fixture.money("20"), .daily),
                             schedule: Schedule(start: Fixture.date("2026-02-15"), end: Fixture.date("2026-06-01"))),
                LiveCampaign(id: "T2", name: "Ended Long Ago", status: .paused, budget: .capped(Fixture.money("20"), .daily),
                             schedule: Schedule(start: Fixture.date("2025-01-01"), end: Fixture.date("2025-02-01"))),
            ]
        }
        #expect(plan.blocked.map { "\($0.kind) \($0.address)" } == ["create ts/campaign/Ended", "update ts/campaign/Live"])
        #expect(plan.blocked.map { $0.reason.contains("is not after 2026-03-01") } == [true, false])
        #expect(plan.blocked.last?.reason.contains("is not after 2026-02-15") == true)
        #expect(plan.blocked.last?.changes.map(\.field) == [.scheduleEnd])
        // The rest of the edit still happens; other campaigns and platforms are not affected.
        #expect(plan.actions.map(\.id.description).sorted() == [
            "create nr/campaign/NextRoll Past", "create ts/campaign/Ends Tomorrow", "resume nr/campaign/NextRoll Past", "update ts/campaign/Live",
        ])
        let update = try #require(plan.actions.first { $0.id.description == "update ts/campaign/Live" })
        #expect(update.changes.map(\.field) == [.budget])
    }

    /// Topsort takes an autobidding objective and a target ROAS only for autobidding campaigns. When the
    /// manifest leaves `type` out, the live campaign's type decides (a new campaign is manual by default).
    @Test func topsortAutobiddingSettingsNeedAnAutobiddingCampaign() throws {
        let plan = try Self.plan("""
        campaigns:
          - { name: Manual, provider: ts, bidding: { objective: clicks, target_roas: 2, charge: CPM } }
          - { name: Auto, provider: ts, bidding: { objective: clicks, target_roas: 2 } }
          - { name: Becomes Auto, provider: ts, bidding: { type: autobidding, objective: clicks } }
          - { name: New, provider: ts, budget: { amount: 20, period: daily }, bidding: { target_roas: 2 } }
          - { name: New Auto, provider: ts, budget: { amount: 20, period: daily }, bidding: { type: autobidding, target_roas: 2 } }
        """) {
            $0["ts"]?.campaigns = [
                LiveCampaign(id: "T1", name: "Manual", budget: .capped(Fixture.money("20"), .daily), bidding: Bidding(strategy: .manual, charge: .CPC)),
                LiveCampaign(id: "T2", name: "Auto", budget: .capped(Fixture.money("20"), .daily), bidding: Bidding(strategy: .autobidding)),
                LiveCampaign(id: "T3", name: "Becomes Auto", budget: .capped(Fixture.money("20"), .daily), bidding: Bidding(strategy: .manual)),
            ]
        }
        #expect(plan.blocked.map { "\($0.kind) \($0.address)" } == ["update ts/campaign/Manual", "create ts/campaign/New"])
        #expect(plan.blocked.first?.changes.map(\.field) == [.objective, .targetROAS])
        #expect(plan.blocked.allSatisfy { $0.reason.contains("type: autobidding") })
        #expect(plan.actions.map(\.id.description).sorted() == [
            "create ts/campaign/New Auto", "update ts/campaign/Auto", "update ts/campaign/Becomes Auto", "update ts/campaign/Manual",
        ])
        let manual = try #require(plan.actions.first { $0.id.description == "update ts/campaign/Manual" })
        #expect(manual.changes.map(\.field) == [.charge])
    }

    @Test func criteoCannotCapAnUncappedCampaignOrGoBelowLifetimeSpend() throws {
        let uncapped = try Self.plan("campaigns: [{ name: A, provider: cr, budget: { amount: 20, period: daily } }]") {
            $0["cr"]?.campaigns = [LiveCampaign(id: "1", name: "A", budget: .uncapped)]
        }
        #expect(uncapped.actions.isEmpty)
        #expect(uncapped.blocked.first?.reason.contains("spend-limit-does-not-exist") == true)

        let spent = try Self.plan("campaigns: [{ name: A, provider: cr, budget: { amount: 50, period: lifetime } }]") {
            $0["cr"]?.campaigns = [LiveCampaign(id: "1", name: "A", budget: .capped(Fixture.money("100", Fixture.eur), .lifetime), lifetimeSpent: 60)]
        }
        #expect(spent.actions.isEmpty)
        #expect(spent.blocked.first?.reason == "Criteo cannot lower a lifetime spend limit below what the campaign already spent (60.00 EUR)")
    }

    @Test func criteoNeedsAGoalToCreate() throws {
        let plan = try Self.plan("campaigns: [{ name: A, provider: cr, budget: { amount: 20, period: daily } }]") { _ in }
        #expect(plan.actions.isEmpty)
        #expect(plan.blocked.map(\.kind) == [.create])
        #expect(plan.blocked.first?.reason.contains("requires a goal") == true)
    }

    @Test func topsortCampaignTypeCanOnlyBecomeAutobidding() throws {
        let yaml = "campaigns: [{ name: A, provider: ts, bidding: { type: %@ } }]"
        let live: (inout [String: LiveAccount]) -> Void = {
            $0["ts"]?.campaigns = [LiveCampaign(id: "1", name: "A", budget: .capped(Fixture.money("1"), .daily), bidding: Bidding(strategy: .autobidding))]
        }
        let toManual = try Self.plan(yaml.replacingOccurrences(of: "%@", with: "manual"), live)
        #expect(toManual.actions.isEmpty)
        #expect(toManual.blocked.first?.reason.hasPrefix("Topsort can only change `bidding.type` to autobidding") == true)
        let toAuto = try Self.plan(yaml.replacingOccurrences(of: "%@", with: "autobidding"), {
            $0["ts"]?.campaigns = [LiveCampaign(id: "1", name: "A", budget: .capped(Fixture.money("1"), .daily), bidding: Bidding(strategy: .manual))]
        })
        #expect(toAuto.blocked.isEmpty)
        #expect(toAuto.actions.first?.calls.first?.parameter("campaignType") == .choice("autobidding"))
    }

    @Test func nextRollMaxCPMIsSetOnlyOnCreateAndCreatesNeedABudget() throws {
        let plan = try Self.plan("""
        campaigns:
          - { name: A, provider: nr, bidding: { max_cpm: 9.00 } }
          - name: B
            provider: nr
            adgroups: [{ name: G }]
        """) {
            $0["nr"]?.campaigns = [LiveCampaign(id: "1", name: "A", budget: .capped(Fixture.money("7"), .weekly), bidding: Bidding(maxCPM: Fixture.money("8")))]
        }
        #expect(plan.actions.isEmpty)
        #expect(plan.blocked.map(\.address.description) == ["nr/campaign/A", "nr/campaign/B", "nr/campaign/B/adgroup/G"])
        #expect(plan.blocked[0].reason.contains("max_cpm can only be set when a campaign is created"))
        #expect(plan.blocked[1].reason.contains("requires a budget"))
        #expect(plan.blocked[2].reason.hasPrefix("its campaign cannot be created"))
    }

    @Test func segmentsAndRetailCampaignsCannotBeCreated() throws {
        let plan = try Self.plan("""
        segments: [{ id: SEGX, provider: nr, duration: 3 }]
        retail_campaigns: [{ provider: jx, idx: 9, trackers: [MOAT] }]
        """) { _ in }
        #expect(plan.actions.isEmpty)
        #expect(plan.blocked.map(\.resource) == [.retailCampaign, .segment])
        #expect(plan.blocked[0].reason.contains("reconcile activates and exports existing ones"))
        #expect(plan.blocked[1].reason.contains("cannot create them"))
    }

    @Test func trackersTheCampaignDoesNotOfferBlockItsActivationAndExports() throws {
        let plan = try Self.plan("retail_campaigns: [{ provider: jx, idx: 9, trackers: [MOAT], exports: [{ format: gif }] }]") {
            $0["jx"]?.retailCampaigns = [LiveRetailCampaign(idx: 9, availableTrackers: [])]
        }
        #expect(plan.actions.isEmpty)
        #expect(plan.blocked.map(\.kind) == [.activate, .export])
        #expect(plan.blocked[0].reason == "tracker MOAT is not offered for this retail campaign (it offers none)")
    }

    @Test func criteoCampaignsCannotBePrunedByPausing() throws {
        var manifest = try Fixture.manifest(Fixture.providers)
        manifest.providers[1].prune = .pause  // the schema refuses this; the planner still must not attempt it
        let plan = try Fixture.plan(manifest, Fixture.accounts {
            $0["cr"]?.campaigns = [LiveCampaign(id: "1", name: "Legacy", budget: .capped(Fixture.money("5", Fixture.eur), .daily))]
        })
        #expect(plan.actions.isEmpty)
        #expect(plan.blocked.first?.kind == .pause)
    }

    @Test func blockedChangesAppearInEveryRendering() throws {
        let plan = try Showcase.plan()
        let reason = "Criteo campaign names are read-only through the API"
        #expect(TextPlanRenderer().render(plan).contains(reason))
        #expect(MarkdownPlanRenderer().render(plan).contains(reason))
        #expect(try JSONPlanRenderer().render(plan).contains(reason))
    }

    /// NextRoll's final campaign statuses (`rejected`, `cancelled`, `completed`, from campaign/get's
    /// status list) do not serve and campaign/unpause cannot bring them back: asking for `status: active`
    /// is a blocked change with the reason, not a resume that fails at apply. Other edits still happen.
    @Test func finishedNextRollCampaignsAreNotResumed() throws {
        let plan = try Self.plan("""
        campaigns:
          - { name: Done, provider: nr, status: active, budget: { amount: 70, period: weekly } }
          - { name: Refused, provider: nr, status: active }
          - { name: Resting, provider: nr, status: active }
        """) {
            $0["nr"]?.campaigns = [
                LiveCampaign(id: "N1", name: "Done", status: .paused, platformStatus: "completed", budget: .capped(Fixture.money("35"), .weekly)),
                LiveCampaign(id: "N2", name: "Refused", status: .paused, platformStatus: "rejected", budget: .capped(Fixture.money("35"), .weekly)),
                LiveCampaign(id: "N3", name: "Resting", status: .paused, platformStatus: "paused", budget: .capped(Fixture.money("35"), .weekly)),
            ]
        }
        #expect(plan.blocked.map { "\($0.kind) \($0.address)" } == ["resume nr/campaign/Done", "resume nr/campaign/Refused"])
        #expect(plan.blocked.first?.reason.contains("completed") == true)
        #expect(plan.blocked.allSatisfy { $0.changes.map(\.field) == [.status] })
        #expect(plan.actions.map { "\($0.kind) \($0.address)" }.sorted() == ["resume nr/campaign/Resting", "update nr/campaign/Done"])
    }

    /// NextRoll's campaign/create starts a campaign without `start_date` tomorrow, and end dates are
    /// exclusive, so an end on or before tomorrow (Fixture.today is 2026-03-01) cannot be created, and an
    /// end on or before a live campaign's start cannot be set: both are blocked, not refused at apply.
    @Test func nextRollEndDatesMustBeAfterTheStartTheCampaignWillHave() throws {
        let plan = try Self.plan("""
        campaigns:
          - { name: Ends Tomorrow, provider: nr, budget: { amount: 20, period: daily }, schedule: { end: 2026-03-02 } }
          - { name: Ends In Two Days, provider: nr, budget: { amount: 20, period: daily }, schedule: { end: 2026-03-03 } }
          - { name: Live, provider: nr, schedule: { end: 2026-04-01 } }
          - { name: Live Later, provider: nr, schedule: { end: 2026-06-02 } }
        """) {
            $0["nr"]?.campaigns = [
                LiveCampaign(id: "N1", name: "Live", budget: .capped(Fixture.money("70"), .weekly),
                             schedule: Schedule(start: Fixture.date("2026-04-01"), end: Fixture.date("2026-05-01"))),
                LiveCampaign(id: "N2", name: "Live Later", budget: .capped(Fixture.money("70"), .weekly),
                             schedule: Schedule(start: Fixture.date("2026-04-01"), end: Fixture.date("2026-05-01"))),
            ]
        }
        #expect(plan.blocked.map { "\($0.kind) \($0.address)" } == ["create nr/campaign/Ends Tomorrow", "update nr/campaign/Live"])
        #expect(plan.blocked.first?.reason.contains("without a start date on 2026-03-02") == true)
        #expect(plan.blocked.last?.reason.contains("2026-04-01 is not after 2026-04-01") == true)
        #expect(plan.actions.filter { $0.kind != .resume }.map { "\($0.kind) \($0.address)" }.sorted()
                == ["create nr/campaign/Ends In Two Days", "update nr/campaign/Live Later"])
    }
}
