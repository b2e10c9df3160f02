import Foundation
import Testing
@testable import Planner

@Suite struct NormalizationTests {
    static func nextRoll(_ budget: String, live: LiveCampaign) throws -> Plan {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - { name: Spring, provider: nr, budget: \(budget) }
        """)
        return try Fixture.plan(manifest, Fixture.accounts { $0["nr"]?.campaigns = [live] })
    }

    @Test func nextRollDailyIsWeeklyDividedBySeven() throws {
        let weekly700 = LiveCampaign(id: "C1", name: "Spring", budget: .capped(Fixture.money("700"), .weekly), budgetShownDaily: true)
        #expect(try Self.nextRoll("{ amount: 100.00, period: daily }", live: weekly700).actions.isEmpty)
        // The same spend shown weekly is a display change, not a spend change.
        let update = try #require(try Self.nextRoll("{ amount: 700, period: weekly }", live: weekly700).actions.first)
        #expect(update.changes == [FieldChange(.budget, .budget(.capped(Fixture.money("100"), .daily)), .budget(.capped(Fixture.money("700"), .weekly)))])
        #expect(update.spendChange == .zero)
        #expect(update.calls.first?.parameter("ui_budget_daily") == .boolean(false))
        // A real change sends the weekly amount.
        let raise = try #require(try Self.nextRoll("{ amount: 110, period: daily }", live: weekly700).actions.first)
        #expect(raise.calls.first?.parameter("budget") == .money(Fixture.money("770")))
        #expect(raise.phase == .raise)
    }

    @Test func floatNoiseFromThePlatformIsNotAChange() throws {
        let noisy = LiveCampaign(id: "C1", name: "Spring", budget: .capped(Fixture.money("699.99999999999"), .weekly), budgetShownDaily: true)
        #expect(try Self.nextRoll("{ amount: 100.00, period: daily }", live: noisy).actions.isEmpty)
        let cents = LiveCampaign(id: "C1", name: "Spring", budget: .capped(Fixture.money("699.99"), .weekly), budgetShownDaily: true)
        #expect(try Self.nextRoll("{ amount: 100.00, period: daily }", live: cents).actions.count == 1)
    }

    @Test func manifestMoneyIsExact() throws {
        // 19.99 × 7 = 139.93 exactly; no binary floating point anywhere on the way.
        let live = LiveCampaign(id: "C1", name: "Spring", budget: .capped(Fixture.money("139.93"), .weekly), budgetShownDaily: true)
        #expect(try Self.nextRoll("{ amount: 19.99, period: daily }", live: live).actions.isEmpty)
    }

    @Test func setsCompareAsSetsAndGeoTargetsByEID() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - name: Spring
            provider: nr
            adgroups:
              - name: Cart
                segments: { include: [SEGB, SEGA], exclude: [] }
                geo: { include: [{ country_id: 19, eid: GEOUS }, { region_id: USCA, eid: GEOCA }] }
                ads: [AD2, AD1]
        """)
        var campaign = LiveCampaign(id: "C1", name: "Spring", budget: .capped(Fixture.money("70"), .weekly))
        campaign.adGroups = [LiveAdGroup(id: "G1", name: "Cart", segments: Selection(include: ["SEGA", "SEGB"]),
                                         geo: Selection(include: [GeoTarget(kind: .regionID, value: "usca", eid: "GEOCA"),
                                                                  GeoTarget(kind: .countryID, value: "19", eid: "GEOUS")]),
                                         ads: ["AD1", "AD2"])]
        #expect(try Fixture.plan(manifest, Fixture.accounts { $0["nr"]?.campaigns = [campaign] }).actions.isEmpty)
    }

    @Test func datesCompareByDayAndTopsortPastStartsAreStarted() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - { name: T, provider: ts, schedule: { start: 2026-01-15, end: 2027-01-15 } }
          - { name: N, provider: nr, schedule: { start: 2026-01-15 } }
        """)
        // Topsort set the past start date to the day the campaign was made (docs: "If the start date is
        // in the past, it will be set to the current date"); NextRoll keeps what it is given.
        let topsort = LiveCampaign(id: "T1", name: "T", budget: .capped(Fixture.money("1"), .daily),
                                   schedule: Schedule(start: Fixture.date("2026-02-20T00:00:00Z"), end: Fixture.date("2027-01-15T00:00:00Z")))
        let nextroll = LiveCampaign(id: "C1", name: "N", budget: .capped(Fixture.money("7"), .weekly), schedule: Schedule(start: Fixture.date("2026-02-20")))
        let plan = try Fixture.plan(manifest, Fixture.accounts {
            $0["ts"]?.campaigns = [topsort]
            $0["nr"]?.campaigns = [nextroll]
        })
        #expect(plan.actions.map(\.id.description) == ["update nr/campaign/N"])
        #expect(plan.actions.first?.changes == [FieldChange(.scheduleStart, .date(Fixture.date("2026-02-20")), .date(Fixture.date("2026-01-15")))])
        // A future Topsort start date is compared as it is.
        let future = try Fixture.manifest(Fixture.providers + "campaigns: [{ name: T, provider: ts, schedule: { start: 2026-06-01 } }]")
        #expect(try Fixture.plan(future, Fixture.accounts { $0["ts"]?.campaigns = [topsort] }).actions.count == 1)
    }

    @Test func enumsAndTrackersIgnoreCase() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - { name: R, provider: cr, goal: retention, budget: { amount: 5, period: daily } }
        retail_campaigns:
          - { provider: jx, idx: 1, trackers: [MOAT] }
        """)
        let live = try Fixture.live(#"""
        {"providers": {
          "nr": {"type": "nextroll", "account": "ADV1", "currency": "USD"},
          "ts": {"type": "topsort", "account": "v1", "currency": "USD"},
          "cr": {"type": "criteo", "account": "42", "currency": "EUR", "campaigns": [
             {"id": "1", "name": "R", "goal": "RETENTION", "budget": {"amount": "5.00", "period": "Daily"}}]},
          "jx": {"type": "jivox", "account": "acc-7", "retail_campaigns": [{"idx": 1, "active": true, "trackers": ["moat"]}]}}}
        """#)
        #expect(try Fixture.plan(manifest, live).actions.isEmpty)
    }

    @Test func unmanagedFieldsNeverDiffer() throws {
        let manifest = try Fixture.manifest(Fixture.providers + "campaigns: [{ name: S, provider: nr }]")
        let live = LiveCampaign(id: "C1", name: "S", budget: .capped(Fixture.money("123.45"), .weekly), budgetShownDaily: false,
                                schedule: Schedule(start: Fixture.date("2020-01-01")), bidding: Bidding(cpc: Fixture.money("9")), retargeting: true)
        #expect(try Fixture.plan(manifest, Fixture.accounts { $0["nr"]?.campaigns = [live] }).actions.isEmpty)
    }

    /// A left-out `status` is not managed either: a campaign or ad group someone paused stays paused
    /// (resuming it would raise spend the manifest never asked for); a new one starts serving.
    @Test func leftOutStatusLeavesTheLiveStatusAlone() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - { name: Held, provider: nr, adgroups: [{ name: G }, { name: H }] }
          - { name: Held too, provider: ts }
          - { name: Running, provider: nr, adgroups: [{ name: G }] }
          - { name: New, provider: nr, budget: { amount: 5.00, period: daily }, adgroups: [{ name: G }] }
          - { name: New TS, provider: ts, budget: { amount: 5.00, period: daily } }
        """)
        let live = Fixture.accounts {
            $0["nr"]?.campaigns = [
                LiveCampaign(id: "C1", name: "Held", status: .paused, budget: .capped(Fixture.money("70"), .weekly),
                             adGroups: [LiveAdGroup(id: "G1", name: "G", status: .paused), LiveAdGroup(id: "G2", name: "H", status: .active)]),
                LiveCampaign(id: "C2", name: "Running", status: .active, budget: .capped(Fixture.money("70"), .weekly),
                             adGroups: [LiveAdGroup(id: "G3", name: "G", status: .paused)]),
            ]
            $0["ts"]?.campaigns = [LiveCampaign(id: "T1", name: "Held too", status: .paused, budget: .capped(Fixture.money("5"), .daily))]
        }
        let plan = try Fixture.plan(manifest, live)
        #expect(plan.actions.map(\.id.description) == [
            "create nr/campaign/New", "create nr/campaign/New/adgroup/G", "create ts/campaign/New TS", "resume nr/campaign/New",
        ])
        let create = try #require(plan.actions.first { $0.id.description == "create ts/campaign/New TS" })
        #expect(create.calls.first?.parameter("isActive") == .boolean(true))
        let group = try #require(plan.actions.first { $0.id.description == "create nr/campaign/New/adgroup/G" })
        #expect(group.calls.first?.parameter("status") == .choice("approved"))

        // A campaign an apply created dark (NextRoll `draft`) but did not get to resume is finished as
        // a new one would be, so a re-run after a partial failure still launches it.
        let unfinished = Fixture.accounts {
            $0["nr"]?.campaigns = [LiveCampaign(id: "C1", name: "Held", status: .paused, platformStatus: "draft",
                                                budget: .capped(Fixture.money("70"), .weekly))]
        }
        let again = try Fixture.plan(try Fixture.manifest(Fixture.providers + "campaigns: [{ name: Held, provider: nr }]"), unfinished)
        #expect(again.actions.map(\.id.description) == ["resume nr/campaign/Held"])
        #expect(again.actions.first?.spendChange.daily == 10)
    }
}

@Suite struct CalendarDayTests {
    @Test func daysSinceEpochRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(CalendarDate(utcDayOf: Date(timeIntervalSince1970: 1_772_323_199)).description == "2026-02-28")
        #expect(CalendarDate(utcDayOf: Date(timeIntervalSince1970: 1_772_323_200)).description == "2026-03-01")
        #expect(CalendarDate(daysSinceEpoch: 11_016).description == "2000-02-29")
    }
}
