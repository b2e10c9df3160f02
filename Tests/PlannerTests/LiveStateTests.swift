import Foundation
import Testing
@testable import Planner

@Suite struct LiveStateTests {
    @Test func readsTheDocumentedFormat() throws {
        let live = try Showcase.live()
        let spring = try #require(live["nr"]?.campaign(id: "C1"))
        #expect(spring.budget == .capped(Fixture.money("700"), .weekly))
        #expect(spring.budgetShownDaily == true)
        #expect(spring.adGroups.map(\.name) == ["Cart", "Old"])
        #expect(spring.adGroups[0].segments.include == ["SEGA"])
        // Enum values in any case; Topsort's `total` is a lifetime budget.
        #expect(live["nr"]?.campaign(id: "C3")?.budget == .capped(Fixture.money("70"), .weekly))
        #expect(live["cr"]?.campaign(id: "777")?.goal == .retention)
        #expect(live["ts"]?.campaign(id: "T1")?.bidding?.charge == .CPC)
        #expect(live["ts"]?.campaign(id: "T2")?.budget == .capped(Fixture.money("5"), .lifetime))
        #expect(live["ts"]?.campaign(id: "T2")?.lifetimeSpent == 1)
        #expect(live["jx"]?.retailCampaign(idx: 5373)?.availableTrackers == ["MOAT"])
    }

    @Test func roundTripsExactly() throws {
        let live = try Showcase.live()
        let text = try live.jsonText()
        let again = try LiveState(json: Data(text.utf8), file: "again.json")
        #expect(again == live)
        #expect(try again.jsonText() == text)
        #expect(text.contains(#""amount": "700.00""#))
    }

    @Test func moneyIsNeverRounded() throws {
        let live = try Fixture.live(#"""
        {"providers": {"cr": {"type": "criteo", "account": "42", "currency": "EUR", "campaigns": [
          {"id": "1", "name": "A", "budget": {"amount": 0.1, "period": "daily"}, "lifetime_spent": "1234567890.123456789"}]}}}
        """#)
        let campaign = try #require(live["cr"]?.campaigns.first)
        #expect(campaign.budget == .capped(Money(Decimal(string: "0.1")!, Fixture.eur), .daily))
        #expect(campaign.lifetimeSpent == Decimal(string: "1234567890.123456789"))
    }

    @Test func geoTargetsAndUnspecifiedGoals() throws {
        let live = try Fixture.live(#"""
        {"providers": {
          "nr": {"type": "nextroll", "account": "A", "currency": "USD", "campaigns": [{"id": "c", "name": "C", "adgroups": [
            {"id": "g", "name": "G", "geo": {"include": [{"country_id": 19, "eid": "E1"}], "exclude": [{"postal_code": "02110", "eid": "E2"}]}}]}]},
          "cr": {"type": "criteo", "account": "42", "currency": "EUR", "campaigns": [{"id": "1", "name": "Old", "goal": "Unspecified"}]}}}
        """#)
        let group = try #require(live["nr"]?.campaigns.first?.adGroups.first)
        #expect(group.geo.include == [GeoTarget(kind: .countryID, value: "19", eid: "E1")])
        #expect(group.geo.exclude == [GeoTarget(kind: .postalCode, value: "02110", eid: "E2")])
        #expect(live["cr"]?.campaigns.first?.goal == nil)
    }

    @Test(arguments: [
        (#"{"providers": {"nr": {"type": "nextroll", "account": "A", "campaigns": [{"id": "1", "name": "x", "budget": {"amount": "1", "period": "daily"}}]}}}"#,
         "live.json: providers.nr.campaigns[0]: money needs the account's `currency`, which is missing"),
        (#"{"providers": {"nr": {"type": "nextroll", "account": "A", "currency": "USD", "campaigns": [{"id": "1", "name": "x", "status": "running"}]}}}"#,
         "live.json: providers.nr.campaigns[0].status: expected one of active, paused, found \"running\""),
        (#"{"providers": {"nr": {"type": "myspace", "account": "A"}}}"#,
         "live.json: providers.nr.type: expected one of nextroll, criteo, topsort, jivox, found \"myspace\""),
        (#"{"format_version": 2, "providers": {}}"#,
         "live.json: format_version: format_version 2 is not supported; this reconcile reads version 1"),
        ("{\n  \"providers\": {,}\n}", "live.json:2:17: expected a string key, found `,`"),
    ])
    func badDocumentsSayWhereAndWhat(text: String, message: String) {
        #expect {
            try LiveState(json: Data(text.utf8), file: "live.json")
        } throws: { error in
            (error as? LiveStateError)?.description == message
        }
    }
}
