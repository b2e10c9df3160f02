import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("Topsort fetch")
struct TopsortFetchTests {
    @Test func fetchMapsEveryCampaignOfTheVendorActiveOrNot() async throws {
        try await TopsortFixture.withClient { harness, client in
            let account = try await client.fetch(for: Manifest())
            let schedule = Schedule(start: try TopsortFixture.date("2026-01-01"), end: try TopsortFixture.date("2027-01-01"))
            let expected = LiveAccount(alias: "topsort-mkt", kind: .topsort, account: "vendor-1", currency: TopsortFixture.dollar, campaigns: [
                LiveCampaign(id: TopsortFixture.autobid, name: "Autobid Listings", status: .active, platformStatus: "approved",
                             budget: .capped(try TopsortFixture.money("50.00"), .daily), schedule: schedule,
                             bidding: Bidding(strategy: .autobidding, objective: .clicks, targetROAS: 4, charge: .CPC),
                             externalID: "ext-autobid", targeting: Selection(include: [123])),
                LiveCampaign(id: TopsortFixture.manual, name: "Manual Listings", status: .paused, platformStatus: "approved",
                             budget: .capped(try TopsortFixture.money("300.00"), .weekly), schedule: schedule,
                             bidding: Bidding(strategy: .manual, charge: .CPM), externalID: "ext-manual", targeting: Selection()),
                LiveCampaign(id: TopsortFixture.banner, name: "Homepage Banner", status: .active, platformStatus: "pending",
                             budget: .capped(try TopsortFixture.money("1000.00"), .lifetime), lifetimeSpent: 0,
                             schedule: Schedule(start: try TopsortFixture.date("2026-02-01"), end: try TopsortFixture.date("2026-03-01")),
                             bidding: Bidding(strategy: .manual, charge: .CPM), targeting: Selection()),
            ])
            #expect(account == expected)
            let requests = harness.server.requestLog.entries(.topsort)
            #expect(requests.count == 1)
            let query = Dictionary(uniqueKeysWithValues: (requests.first?.query ?? []).map { ($0.name, $0.value) })
            #expect(query == ["vendor_id": "vendor-1", "limit": "100", "offset": "0"], "no status or is_active filter: inactive campaigns are listed too")
            #expect(await client.requestCounter.total == 1)
        }
    }

    @Test(arguments: [(0, 1), (100, 1), (101, 2), (250, 3)])
    func everyPageIsReadAtOneHundredAPage(_ count: Int, _ pages: Int) async throws {
        try await TopsortFixture.withClient(fixture: try TopsortFixture.manyCampaigns(count)) { harness, client in
            let account = try await client.fetch(for: Manifest())
            #expect(account.campaigns.count == count)
            #expect(Set(account.campaigns.map(\.id)).count == count)
            #expect(account.campaigns.filter { $0.status == .paused }.count == (0..<count).filter { $0 % 3 == 0 }.count)
            #expect(account.campaigns.filter { $0.platformStatus == "pending" }.count == (0..<count).filter { $0 % 5 == 4 }.count)
            let requests = harness.server.requestLog.entries(.topsort)
            #expect(requests.count == pages)
            #expect(requests.map { $0.queryValue("offset") } == (0..<pages).map { String($0 * 100) })
            #expect(requests.allSatisfy { $0.queryValue("limit") == "100" && $0.queryValue("vendor_id") == "vendor-1" })
            if count > 0 {
                let last = try #require(account.campaigns.last)
                #expect(last.budget == .capped(Money(minorUnits: Int64(100 + count - 1), TopsortFixture.dollar), .daily))
            }
        }
    }

    @Test(arguments: [("JPY", "5000"), ("KWD", "5.000"), ("USD", "50.00")])
    func budgetsAreReadFromMinorUnitsOfTheAccountCurrency(_ code: String, _ amount: String) async throws {
        let currency = try #require(Currency(code: code))
        let provider = providerConfig("topsort-mkt", .topsort, account: "vendor-1", currency: code)
        try await TopsortFixture.withClient(provider: provider) { _, client in
            let account = try await client.fetch(for: Manifest())
            #expect(account.campaign(id: TopsortFixture.autobid)?.budget == .capped(try TopsortFixture.money(amount, currency), .daily))
        }
    }

    @Test func aRefusedKeyFailsClearlyWithoutTheKey() async throws {
        try await TopsortFixture.withClient { harness, _ in
            var environment = SandboxHarness.environment
            environment["TOPSORT_API_KEY"] = "ts-wrong-key-99887766"
            let connection = try ProviderConnection.make(for: TopsortFixture.provider, endpointOverride: harness.baseURL(for: .topsort),
                                                         environment: environment, sleeper: RecordingSleeper())
            let client = TopsortClient(provider: TopsortFixture.provider, connection: connection)
            let error = try #require(await #expect(throws: ProviderError.self) { _ = try await client.fetch(for: Manifest()) })
            #expect(error.underlying.httpStatus == 401)
            #expect(error.underlying.platformCode == "unauthorized")
            #expect(error.description.contains("topsort-mkt"))
            #expect(!error.description.contains("ts-wrong-key-99887766"))
            ProviderTestKit.expectNoCredentials(in: [error.description])
            #expect(TopsortFixture.log(harness) == ["GET /v1/campaign-service/campaigns 401"], "a static key is not renewed or retried")
        }
    }
}
