import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("NextRoll fetch")
struct NextRollFetchTests {
    static let usd = Currency(code: "USD")

    static func money(_ text: String) -> Money? {
        guard let amount = Decimal(string: text), let usd else { return nil }
        return Money(amount, usd)
    }

    static func date(_ text: String) -> CalendarDate? { CalendarDate(iso8601: text) }

    static let segmentsOnly = "segments: [{ id: SEGGENERICCART00000001, provider: nr, duration: 14 }]\n"

    /// The generic fixture's NextRoll account as the live model must read it: the active campaign, and the
    /// paused and draft ones `get_campaigns_fast` leaves out by default, with the draft ad group and the
    /// ad group of the paused campaign that `get_adgroups_fast` leaves out by default.
    static func expectedAccount() throws -> LiveAccount {
        let visitors = LiveAdGroup(id: "AGGENERICACTIVE0000001", name: "Visitors", status: .active, platformStatus: "approved",
                                   segments: Selection(include: ["SEGGENERICVISITORS0001"], exclude: ["SEGGENERICBUYERS000001"]),
                                   geo: Selection(include: [GeoTarget(kind: .countryID, value: "19", eid: "YD2QNVI2GVH4DP4TIO8GEO")]),
                                   ads: ["ADGENERICBANNER0000001", "ADGENERICBANNER0000002"])
        let draftGroup = LiveAdGroup(id: "AGGENERICDRAFT00000001", name: "Draft group", status: .paused, platformStatus: "draft")
        let seasonalGroup = LiveAdGroup(id: "AGGENERICPAUSED0000001", name: "Seasonal group", status: .paused, platformStatus: "paused",
                                        segments: Selection(include: ["SEGGENERICCART00000001"]), ads: ["ADGENERICBANNER0000001"])
        let alwaysOn = LiveCampaign(id: "CAMGENERICACTIVE000001", name: "Always On", status: .active, platformStatus: "approved",
                                    budget: .capped(try #require(money("700")), .weekly), budgetShownDaily: true,
                                    schedule: Schedule(start: date("2026-01-01")),
                                    bidding: Bidding(cpc: money("1.50"), maxCPM: money("8.00")), retargeting: true, adGroups: [visitors, draftGroup])
        let seasonal = LiveCampaign(id: "CAMGENERICPAUSED000001", name: "Seasonal", status: .paused, platformStatus: "paused",
                                    budget: .capped(try #require(money("350")), .weekly), budgetShownDaily: false,
                                    schedule: Schedule(start: date("2026-01-01"), end: date("2026-12-31")),
                                    bidding: Bidding(cpm: money("4.50")), retargeting: false, adGroups: [seasonalGroup])
        let draft = LiveCampaign(id: "CAMGENERICDRAFT0000001", name: "Draft Idea", status: .paused, platformStatus: "draft",
                                 budget: .capped(try #require(money("70")), .weekly), budgetShownDaily: true,
                                 schedule: Schedule(start: date("2026-06-01")), retargeting: false)
        let cart = LiveSegment(id: "SEGGENERICCART00000001", name: "Cart abandoners", conversionValue: money("12.50"), duration: 14)
        return LiveAccount(alias: "nr", kind: .nextroll, account: NextRollSandbox.advertisable, currency: usd,
                           campaigns: [alwaysOn, seasonal, draft], segments: [cart])
    }

    @Test func aFullFetchIsTheExpectedModelFieldByField() async throws {
        try await NextRollSandbox.with { nextroll in
            let live = try await nextroll.fetch(try NextRollSandbox.manifest(Self.segmentsOnly))
            let expected = try Self.expectedAccount()
            #expect(live.campaigns.map(\.id) == expected.campaigns.map(\.id))
            for (got, want) in zip(live.campaigns, expected.campaigns) {
                #expect(got == want, "campaign \(want.name)")
                #expect(got.adGroups == want.adGroups, "ad groups of \(want.name)")
            }
            #expect(live == expected)
        }
    }

    @Test func aNoOpFetchMakesOnlyTheListCalls() async throws {
        try await NextRollSandbox.with { nextroll in
            _ = try await nextroll.fetch(try NextRollSandbox.manifest(Self.segmentsOnly))
            #expect(await nextroll.client.requestCounter.total == 5)
            #expect(nextroll.calls().sorted() == [
                "GET /api/v1/advertisable/get_adgroups_fast", "GET /api/v1/advertisable/get_adgroups_fast",
                "GET /api/v1/advertisable/get_campaigns_fast", "GET /api/v1/advertisable/get_campaigns_fast",
                "GET /api/v1/advertisable/get_segments",
            ])
            // Both sides of each default are asked for: inactive campaigns, and ad groups of every status.
            let campaignLists = nextroll.log.entries(.nextroll, path: "/api/v1/advertisable/get_campaigns_fast")
            #expect(Set(campaignLists.compactMap { $0.queryValue("is_active") }) == ["true", "false"])
            let adGroupLists = nextroll.log.entries(.nextroll, path: "/api/v1/advertisable/get_adgroups_fast")
            #expect(Set(adGroupLists.compactMap { $0.queryValue("camp_active") }) == ["true", "false"])
            for list in adGroupLists {
                #expect(Set(list.queryValue("statuses")?.split(separator: ",").map(String.init) ?? [])
                        == ["approved", "admin_review", "paused", "admin_paused", "draft"])
            }
            // Without declared segments there is nothing to read about segments.
            nextroll.log.clear()
            _ = try await nextroll.fetch(try NextRollSandbox.manifest(""))
            #expect(nextroll.calls().count == 4)
        }
    }

    @Test func aSideWithoutCampaignsSkipsItsAdGroupList() async throws {
        let fixture = try SandboxFixture(data: Data("""
            { "nextroll": {
                "advertisables": [{ "eid": "ADVGENERIC000000000001" }],
                "campaigns": [{ "eid": "CAMONLYACTIVE000000001", "advertisable": "ADVGENERIC000000000001", "name": "Only", "budget": 70 }],
                "adgroups": [{ "eid": "AGONLY0000000000000001", "campaign": "CAMONLYACTIVE000000001", "name": "G" }] } }
            """.utf8))
        try await NextRollSandbox.with(fixture) { nextroll in
            let live = try await nextroll.fetch(try NextRollSandbox.manifest(""))
            #expect(live.campaigns.map(\.name) == ["Only"])
            #expect(live.campaigns.first?.adGroups.map(\.name) == ["G"])
            #expect(nextroll.calls().count == 3)
            #expect(nextroll.log.entries(.nextroll, path: "/api/v1/advertisable/get_adgroups_fast").map { $0.queryValue("camp_active") } == ["true"])
        }
    }

    /// The default a naive client trips on: paused and draft campaigns and ad groups are not in the
    /// default lists, so a plan made without them would create them again.
    @Test func pausedAndDraftResourcesAreMatchedSoNothingIsCreatedTwice() async throws {
        let manifest = try NextRollSandbox.manifest("""
            campaigns:
              - { name: Seasonal, provider: nr, status: active, adgroups: [{ name: Seasonal group, status: paused }] }
              - { name: Draft Idea, provider: nr, status: paused }
              - { name: Always On, provider: nr, adgroups: [{ name: Draft group, status: paused }, { name: Visitors }] }
            """)
        try await NextRollSandbox.with { nextroll in
            let plan = try await nextroll.plan(manifest)
            #expect(plan.actions.map(\.id.description) == ["resume nr/campaign/Seasonal"])
            _ = await SequentialApply.run(plan, on: nextroll.client)
            let again = try await nextroll.plan(manifest)
            #expect(again.actions.isEmpty)
            let state = try await nextroll.fetch(manifest)
            #expect(state.campaigns.count == 3)
            #expect(state.campaigns.flatMap(\.adGroups).count == 3)
        }
    }

    @Test func wrongCredentialsFailTheFetchWithoutShowingThem() async throws {
        let configuration = SandboxConfiguration(fixture: .generic, credentials: SandboxCredentials(nextrollAPIKey: "another-key-000", nextrollToken: "another-token"))
        let harness = try await SandboxHarness.start(configuration)
        let provider = providerConfig("nr", .nextroll, account: NextRollSandbox.advertisable, currency: "USD")
        let client = NextRollClient(provider: provider, connection: try harness.connection(for: provider))
        await #expect {
            _ = try await client.fetch(for: try NextRollSandbox.manifest(""))
        } throws: { error in
            let text = "\(error)"
            return (error as? ProviderError)?.underlying.httpStatus == 401 && text.contains("nr") && text.contains("unauthorized")
                && !text.contains(NextRollSandbox.apiKey) && !text.contains(NextRollSandbox.token)
        }
        await harness.stop()
    }

    @Test func anAnswerWithoutItsListIsAnErrorNotAnEmptyAccount() throws {
        let object = try NextRollObject(try JSONParser().parse(#"{"results": {"eid": "X"}}"#), call: "GET /api/v1/x", what: "the answer")
        #expect(object.value("results") != nil)
        #expect(throws: APIError.self) { try NextRollObject(.array([]), call: "GET /api/v1/x", what: "the answer") }
        let campaign = try NextRollObject(try JSONParser().parse(#"{"eid": "C", "budget": "seven"}"#), call: "GET /api/v1/campaign/get", what: "campaign C")
        #expect {
            try NextRollLiveMapping.campaign(campaign, currency: Self.usd, provider: "nr")
        } throws: { error in
            "\(error)" == "GET /api/v1/campaign/get returned an unexpected response: campaign C `budget` should be a number, found a string"
        }
    }

    /// Geo targets come as objects or as the JSON string the API takes; EID lists as arrays, objects or
    /// one comma-separated string.
    @Test func listsAndGeoTargetsAreReadInEveryShapeTheAPIUses() throws {
        let text = #"""
            {"eid": "AG1", "campaign": "C1", "name": "G", "status": "admin_paused",
             "segments": "S1, S2", "ads": [{"id": "A1", "status": "paused"}, "A2"],
             "geo_targets": "[{\"region_id\":\"USCA\",\"eid\":\"GEOCA\",\"is_negative\":true},{\"postal_code\":\"02139\",\"eid\":\"GEOZIP\"}]"}
            """#
        let object = try NextRollObject(try JSONParser().parse(text), call: "GET /api/v1/adgroup/get", what: "adgroup AG1")
        let (campaign, group) = try NextRollLiveMapping.adGroup(object)
        #expect(campaign == "C1")
        #expect(group.status == .paused && group.platformStatus == "admin_paused")
        #expect(group.segments == Selection(include: ["S1", "S2"]))
        #expect(group.ads == ["A1", "A2"])
        #expect(group.geo == Selection(include: [GeoTarget(kind: .postalCode, value: "02139", eid: "GEOZIP")],
                                       exclude: [GeoTarget(kind: .regionID, value: "USCA", eid: "GEOCA")]))
        let dated = try NextRollObject(try JSONParser().parse(#"{"eid": "C", "start_date": "2026-03-01 00:00:00", "end_date": "2026-04-01T00:00:00-07:00", "budget": 70.00}"#),
                                       call: "GET /api/v1/campaign/get", what: "campaign C")
        let mapped = try NextRollLiveMapping.campaign(dated, currency: Self.usd, provider: "nr")
        #expect(mapped.schedule == Schedule(start: Self.date("2026-03-01"), end: Self.date("2026-04-01")))
        #expect(mapped.status == .active && mapped.platformStatus == nil)
    }
}
