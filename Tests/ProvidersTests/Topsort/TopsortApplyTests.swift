import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("Topsort plans applied")
struct TopsortApplyTests {
    static let header = """
        providers:
          topsort-mkt: { type: topsort, vendor: vendor-1, currency: USD }
        campaigns:

        """

    /// The fixture's three campaigns of vendor-1 as they are.
    static let unchanged = """
          - name: Autobid Listings
            provider: topsort-mkt
            external_id: ext-autobid
            budget: { amount: 50.00, period: daily }
            schedule: { start: 2026-01-01, end: 2027-01-01 }
            bidding: { type: autobidding, objective: clicks, target_roas: 4.0, charge: CPC }
            targeting: { include: [123], exclude: [] }
          - { name: Manual Listings, provider: topsort-mkt, external_id: ext-manual, status: paused,
              budget: { amount: 300.00, period: weekly }, bidding: { type: manual, charge: CPM } }
          - { name: Homepage Banner, provider: topsort-mkt, budget: { amount: 1000.00, period: lifetime } }

        """

    @Test func aManifestThatMatchesCostsOneListCallAndNoChange() async throws {
        try await TopsortFixture.withClient { harness, client in
            let manifest = try ProviderTestKit.manifest(Self.header + Self.unchanged)
            let plan = try ProviderTestKit.plan(manifest, try await client.fetch(for: manifest))
            #expect(plan.actions.isEmpty, "\(plan.actions.map(\.id))")
            #expect(TopsortFixture.log(harness) == ["GET /v1/campaign-service/campaigns 200"])
        }
    }

    @Test func changesTakeOneCallEachAndThenConverge() async throws {
        try await TopsortFixture.withClient { harness, client in
            let manifest = try ProviderTestKit.manifest(Self.header + """
                  - name: Autobid Listings
                    provider: topsort-mkt
                    external_id: ext-autobid
                    budget: { amount: 60.00, period: daily }
                    schedule: { start: 2026-01-01, end: 2027-06-30 }
                    bidding: { type: autobidding, objective: clicks, target_roas: 4.5, charge: CPC }
                    targeting: { include: [123, 456], exclude: [789] }
                  - { name: Manual Listings, provider: topsort-mkt, external_id: ext-manual, status: paused,
                      budget: { amount: 250.00, period: weekly }, bidding: { type: manual, charge: CPM } }
                  - { name: Homepage Banner, provider: topsort-mkt, budget: { amount: 1000.00, period: lifetime } }
                  - name: Weekend Flash
                    provider: topsort-mkt
                    external_id: weekend-flash
                    status: paused
                    budget: { amount: 300.00, period: weekly }
                    schedule: { start: 2030-01-01, end: 2030-06-01 }
                    bidding: { type: manual, charge: CPM }
                  - name: Pantry Staples
                    provider: topsort-mkt
                    budget: { amount: 12.34, period: monthly }
                    schedule: { start: 2030-01-01, end: 2031-01-01 }
                    bidding: { type: autobidding, objective: revenue, target_roas: 2.5, charge: CPC }
                    targeting: { include: [], exclude: [7] }

                """)
            let plan = try ProviderTestKit.plan(manifest, try await client.fetch(for: manifest))
            #expect(plan.actions.map(\.kind).sorted() == [.update, .update, .create, .create])
            harness.server.requestLog.clear()

            let apply = await SequentialApply.run(plan, on: client)
            #expect(apply.failures.isEmpty, "\(apply.failures)")
            #expect(apply.executions.allSatisfy { $0.calls.count == 1 })
            #expect(TopsortFixture.log(harness).filter { $0.hasPrefix("PATCH") }.count == 2)
            #expect(TopsortFixture.log(harness).filter { $0 == "POST /public/v1/campaign-service/campaigns 201" }.count == 2)
            #expect(harness.server.requestLog.entries(.topsort).count == 4)

            let posts = harness.server.requestLog.entries(.topsort, method: "POST")
            let flash = try #require(posts.first { $0.bodyJSON?["name"]?.stringValue == "Weekend Flash" }?.bodyJSON)
            #expect(flash["budget"] == .object([("amount", .integer(30000)), ("type", .string("weekly"))]), "minor units")
            #expect(flash["isActive"] == .bool(false))
            #expect(flash["startDate"] == .string("2030-01-01T00:00:00Z"))
            #expect(flash["vendorId"] == .string("vendor-1"))
            let pantry = try #require(posts.first { $0.bodyJSON?["name"]?.stringValue == "Pantry Staples" }?.bodyJSON)
            #expect(pantry["budget"]?["amount"] == .integer(1234))
            #expect(pantry["exclusionFilters"] == .object([("isActive", .bool(true)),
                                                           ("exclusionFilters", .array([.object([("type", .string("segment")), ("segmentId", .integer(7))])]))]))
            #expect(pantry["targetingFilters"]?["isActive"] == .bool(false))

            let live = try await ProviderTestKit.expectConverged(manifest, client, after: apply.executions)
            let autobid = try #require(live.campaign(id: TopsortFixture.autobid))
            #expect(autobid.budget == .capped(try TopsortFixture.money("60.00"), .daily))
            #expect(autobid.bidding?.targetROAS == Decimal(string: "4.5"))
            #expect(autobid.targeting == Selection(include: [123, 456], exclude: [789]))
            #expect(autobid.schedule?.end == (try TopsortFixture.date("2027-06-30")))
            #expect(live.campaigns.first { $0.externalID == "weekend-flash" }?.status == .paused)
        }
    }

    @Test func pauseAndResumeAreOnePatchEach() async throws {
        try await TopsortFixture.withClient { harness, client in
            let manifest = try ProviderTestKit.manifest(Self.header + """
                  - { name: Autobid Listings, provider: topsort-mkt, external_id: ext-autobid, status: paused }
                  - { name: Manual Listings, provider: topsort-mkt, external_id: ext-manual, status: active }

                """)
            let plan = try ProviderTestKit.plan(manifest, try await client.fetch(for: manifest))
            #expect(plan.actions.map(\.kind).sorted() == [.pause, .resume])
            harness.server.requestLog.clear()
            let apply = await SequentialApply.run(plan, on: client)
            #expect(apply.failures.isEmpty)
            #expect(TopsortFixture.log(harness).sorted() == [
                "PATCH /public/v1/campaign-service/campaigns/\(TopsortFixture.autobid) 200",
                "PATCH /public/v1/campaign-service/campaigns/\(TopsortFixture.manual) 200",
            ])
            let bodies = harness.server.requestLog.entries(.topsort, method: "PATCH").map(\.bodyText).sorted()
            #expect(bodies == [#"{"isActive":false}"#, #"{"isActive":true}"#])
            #expect(try ProviderTestKit.plan(manifest, try await client.fetch(for: manifest)).actions.isEmpty)
        }
    }

    @Test func aBudgetInAThreeDecimalCurrencyIsSentAndReadInMinorUnits() async throws {
        let provider = providerConfig("topsort-mkt", .topsort, account: "vendor-1", currency: "KWD")
        try await TopsortFixture.withClient(provider: provider) { harness, client in
            let manifest = try ProviderTestKit.manifest("""
                providers:
                  topsort-mkt: { type: topsort, vendor: vendor-1, currency: KWD }
                campaigns:
                  - { name: Autobid Listings, provider: topsort-mkt, external_id: ext-autobid, budget: { amount: 12.345, period: daily } }

                """)
            let plan = try ProviderTestKit.plan(manifest, try await client.fetch(for: manifest))
            let apply = await SequentialApply.run(plan, on: client)
            #expect(apply.failures.isEmpty)
            #expect(harness.server.requestLog.entries(.topsort, method: "PATCH").first?.bodyText == #"{"budget":{"amount":12345,"type":"daily"}}"#)
            let live = try await client.fetch(for: manifest)
            #expect(live.campaign(id: TopsortFixture.autobid)?.budget == .capped(try TopsortFixture.money("12.345", try #require(Currency(code: "KWD"))), .daily))
        }
    }
}
