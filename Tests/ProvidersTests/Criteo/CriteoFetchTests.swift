import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("Criteo fetch and token")
struct CriteoFetchTests {
    @Test func fetchMapsEveryCampaignOfTheAdvertiserInOneSearch() async throws {
        try await CriteoFixture.withClient { harness, client in
            let account = try await client.fetch(for: Manifest())
            let expected = LiveAccount(alias: "criteo-eu", kind: .criteo, account: "12345", currency: CriteoFixture.euro, campaigns: [
                LiveCampaign(id: "100001", name: "Retention Daily", status: .active, budget: .capped(try CriteoFixture.money("123.45"), .daily),
                             goal: .retention),
                LiveCampaign(id: "100002", name: "Acquisition Uncapped", status: .active, budget: .uncapped, goal: .acquisition),
                LiveCampaign(id: "100003", name: "Lifetime Burst", status: .active, budget: .capped(try CriteoFixture.money("1000"), .lifetime),
                             goal: .acquisition),
            ])
            #expect(account == expected)
            #expect(CriteoFixture.log(harness) == ["POST /oauth2/token 200", "POST /preview/marketing-solutions/campaigns/search 200"])
            let search = try #require(harness.server.requestLog.entries(.criteo, path: CriteoFixture.searchPath).first)
            #expect(search.bodyJSON == .object([("filters", .object([("advertiserIds", .array([.string("12345")]))]))]))
            #expect(await client.requestCounter.total == 2)
        }
    }

    @Test func anUnspecifiedGoalIsNoGoalAndAnotherAdvertiserIsLeftOut() async throws {
        try await CriteoFixture.withClient { harness, _ in
            let other = providerConfig("criteo-other", .criteo, account: "67890", currency: "EUR")
            let client = CriteoClient(provider: other, connection: try harness.unthrottledConnection(for: other))
            let account = try await client.fetch(for: Manifest())
            #expect(account.campaigns.map(\.id) == ["100004"])
            #expect(account.campaigns.first?.budget == .capped(try CriteoFixture.money("2000"), .monthly))
        }
    }

    @Test func concurrentCallsShareOneToken() async throws {
        try await CriteoFixture.withClient { harness, client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 { group.addTask { try await client.fetch(for: Manifest()).campaigns.count } }
                for try await count in group { #expect(count == 3) }
            }
            #expect(harness.server.requestLog.count(.criteo, path: CriteoFixture.tokenPath) == 1)
            #expect(harness.server.requestLog.count(.criteo, path: CriteoFixture.searchPath) == 8)
            #expect(await harness.server.criteo.issuedTokenCount == 1)
        }
    }

    @Test func anExpiredTokenIsRenewedOnceAndTheCallSentAgain() async throws {
        let sleeper = RecordingSleeper()
        try await CriteoFixture.withClient(sleeper: sleeper) { harness, client in
            _ = try await client.fetch(for: Manifest())
            await harness.server.criteo.expireTokens()
            let account = try await client.fetch(for: Manifest())
            #expect(account.campaigns.count == 3)
            #expect(CriteoFixture.log(harness) == [
                "POST /oauth2/token 200", "POST /preview/marketing-solutions/campaigns/search 200",
                "POST /preview/marketing-solutions/campaigns/search 401", "POST /oauth2/token 200",
                "POST /preview/marketing-solutions/campaigns/search 200",
            ])
            #expect(sleeper.waits.isEmpty, "a renewal is not a retry: nothing waits")
        }
    }

    @Test func manyCallsRefusedTogetherRenewTheTokenOnce() async throws {
        // Searches answer after different delays, so some refusals come after the renewal is done.
        let spread = try FaultPlan.parse("seed=3;latency=1ms..80ms,path=/criteo/preview/*")
        try await CriteoFixture.withClient(faults: spread) { harness, client in
            _ = try await client.fetch(for: Manifest())
            await harness.server.criteo.expireTokens()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 { group.addTask { _ = try await client.fetch(for: Manifest()) } }
                try await group.waitForAll()
            }
            #expect(harness.server.requestLog.count(.criteo, path: CriteoFixture.tokenPath) == 2, "one token at the start, one renewal")
            let searches = harness.server.requestLog.entries(.criteo, path: CriteoFixture.searchPath)
            #expect(searches.filter { $0.status == 200 }.count == 7)
            #expect(searches.filter { $0.status == 401 }.count <= 6)
        }
    }

    @Test func refusedClientCredentialsFailOnceWithTheVariablesNamedAndNoSecret() async throws {
        try await CriteoFixture.withClient { harness, _ in
            var environment = SandboxHarness.environment
            environment["CRITEO_CLIENT_SECRET"] = "criteo-wrong-secret-1234"
            let connection = try ProviderConnection.make(for: CriteoFixture.provider, endpointOverride: harness.baseURL(for: .criteo),
                                                         environment: environment, sleeper: RecordingSleeper())
            let client = CriteoClient(provider: CriteoFixture.provider, connection: connection)
            let error = await #expect(throws: ProviderError.self) { _ = try await client.fetch(for: Manifest()) }
            let text = try #require(error).description
            #expect(text.contains("CRITEO_CLIENT_ID, CRITEO_CLIENT_SECRET"))
            #expect(text.contains("invalid_client"))
            #expect(!text.contains("criteo-wrong-secret-1234"))
            ProviderTestKit.expectNoCredentials(in: [text])
            #expect(CriteoFixture.log(harness) == ["POST /oauth2/token 401"], "a refused token request is neither retried nor followed by API calls")
        }
    }
}
