import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("Topsort creates")
struct TopsortCreateTests {
    @Test func aCreateReturnsTheCampaignIDAndIsFoundByExternalIDThenName() async throws {
        try await TopsortFixture.withClient { harness, client in
            let withExternal = TopsortFixture.create("Weekend Flash", externalID: "weekend-flash")
            let byNameOnly = TopsortFixture.create("Pantry Staples", externalID: nil)
            let executions = await client.execute([withExternal, byNameOnly])
            let flashID = try #require(executions[0].createdID)
            let pantryID = try #require(executions[1].createdID)
            #expect(flashID != pantryID)
            #expect(executions.allSatisfy { $0.calls.map(\.status) == [201] })

            #expect(await client.findCreated(withExternal) == .success(flashID))
            #expect(await client.findCreated(byNameOnly) == .success(pantryID))
            // The newest-first listing stops at the external id: one page.
            harness.server.requestLog.clear()
            _ = await client.findCreated(withExternal)
            #expect(harness.server.requestLog.entries(.topsort).map { $0.queryValue("sort_by_date") } == ["desc"])
            // A create with an external id is found by it alone: the name's campaign has none, so it is someone else's.
            #expect(await client.findCreated(TopsortFixture.create("Pantry Staples", externalID: "pantry-2")) == .success(nil))
            #expect(await client.findCreated(TopsortFixture.create("Never Made", externalID: "never")) == .success(nil))
        }
    }

    @Test func twoCampaignsWithTheNameAreAnErrorNotAGuess() async throws {
        try await TopsortFixture.withClient { _, client in
            let first = try #require(await client.execute([TopsortFixture.create("Twin", externalID: nil)]).first?.createdID)
            let second = try #require(await client.execute([TopsortFixture.create("Twin", externalID: nil)]).first?.createdID)
            guard case .failure(let failure) = await client.findCreated(TopsortFixture.create("Twin", externalID: nil)) else {
                Issue.record("two campaigns named Twin were not reported")
                return
            }
            #expect(failure.message.contains(first) && failure.message.contains(second))
        }
    }

    @Test func aCreateWhoseAnswerIsLostIsNotRetriedAndIsFoundAfterwards() async throws {
        let faults = try FaultPlan.parse("drop,method=POST,times=1")
        try await TopsortFixture.withClient(faults: faults) { harness, client in
            let create = TopsortFixture.create("Weekend Flash", externalID: "weekend-flash")
            let failure = try #require(await client.execute([create]).first?.failure)
            #expect(failure.outcomeUnknown)
            #expect(failure.call == "POST /public/v1/campaign-service/campaigns")
            #expect(harness.server.requestLog.count(.topsort, method: "POST") == 1, "never sent twice")
            guard case .success(let id?) = await client.findCreated(create) else {
                Issue.record("the campaign made by the lost create was not found")
                return
            }
            #expect(try await client.fetch(for: Manifest()).campaign(id: id)?.externalID == "weekend-flash")
        }
    }

    @Test func theApplierAdoptsALostCreateInsteadOfMakingADuplicate() async throws {
        let faults = try FaultPlan.parse("drop,method=POST,times=1")
        try await TopsortFixture.withClient(faults: faults) { harness, client in
            let create = TopsortFixture.create("Weekend Flash", externalID: "weekend-flash")
            let plan = Plan(plannedOn: CalendarDate(utcDayOf: Date()), actions: [create])
            let report = await PlanApplier(plan: plan, executors: ["topsort-mkt": client]).run()
            #expect(report.outcomes.first?.status == .succeeded)
            #expect(report.outcomes.first?.adopted == true)
            #expect(harness.server.requestLog.count(.topsort, method: "POST") == 1)
            let live = try await client.fetch(for: Manifest())
            #expect(live.campaigns.filter { $0.name == "Weekend Flash" }.count == 1)
        }
    }

    @Test func aRefusedCreateCarriesTheTopsortErrorAndIsNotUnknown() async throws {
        try await TopsortFixture.withClient { harness, client in
            let create = TopsortFixture.create("Too Keen", externalID: nil, [CallParameter("targetRoas", .decimal(50))])
            let failure = try #require(await client.execute([create]).first?.failure)
            #expect(failure.httpStatus == 422)
            #expect(failure.code == "invalid_request")
            #expect(failure.message.contains("targetRoas"))
            #expect(!failure.outcomeUnknown)
            #expect(harness.server.requestLog.count(.topsort, method: "POST") == 1)
        }
    }

    @Test func anUpdateIsRetriedAfterA503ButACreateIsNot() async throws {
        let sleeper = RecordingSleeper()
        let faults = try FaultPlan.parse("503,method=PATCH,times=1;503,method=POST,times=1")
        try await TopsortFixture.withClient(faults: faults, sleeper: sleeper) { harness, client in
            let update = TopsortFixture.update(TopsortFixture.manual, name: "Manual Listings", [CallParameter("budget.amount", .integer(31000))])
            let create = TopsortFixture.create("Weekend Flash", externalID: "weekend-flash")
            let executions = await client.execute([update, create])
            #expect(executions[0].succeeded)
            #expect(executions[0].calls.map(\.status) == [503, 200])
            let failure = try #require(executions[1].failure)
            #expect(failure.httpStatus == 503 && failure.outcomeUnknown)
            #expect(executions[1].calls.map(\.status) == [503])
            #expect(harness.server.requestLog.count(.topsort, method: "PATCH") == 2)
            #expect(harness.server.requestLog.count(.topsort, method: "POST") == 1)
            #expect(sleeper.waits.count == 1)
        }
    }
}
