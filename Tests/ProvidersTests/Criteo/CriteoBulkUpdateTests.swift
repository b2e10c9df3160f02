import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("Criteo bulk updates")
struct CriteoBulkUpdateTests {
    @Test func updatesGoInOnePatchWithOneItemPerCampaign() async throws {
        try await CriteoFixture.withClient { harness, client in
            let budget = CriteoFixture.update("100001", name: "Retention Daily", try CriteoFixture.spendLimit("1234567.89", .daily))
            let goal = CriteoFixture.update("100001", name: "Retention Daily", [CallParameter("goal", .choice("Acquisition"))])
            let lifetime = CriteoFixture.update("100003", name: "Lifetime Burst", try CriteoFixture.spendLimit("1200.10", .lifetime))
            #expect([budget, goal, lifetime].allSatisfy { client.canBatch($0) })
            let executions = await client.execute([budget, goal, lifetime])
            #expect(executions.map(\.action) == [budget.id, goal.id, lifetime.id])
            #expect(executions.allSatisfy { $0.succeeded })
            #expect(executions.allSatisfy { $0.calls.map(\.method) == ["PATCH"] && $0.calls.first?.status == 200 })

            let patches = harness.server.requestLog.entries(.criteo, method: "PATCH")
            #expect(patches.count == 1)
            let items = try #require(patches.first?.bodyJSON?["data"]?.arrayValue)
            #expect(items.compactMap { $0["id"]?.stringValue } == ["100001", "100003"], "one item per campaign, never the same campaign twice")
            #expect(items.first?["attributes"]?["goal"] == .string("Acquisition"))
            // Money goes out as the exact decimal written, not through Double.
            #expect(patches.first?.bodyText.contains(#""spendLimitAmount":1234567.89"#) == true)
            #expect(patches.first?.bodyText.contains(#""spendLimitAmount":1200.1"#) == true)

            let account = try await client.fetch(for: Manifest())
            #expect(account.campaign(id: "100001")?.budget == .capped(try CriteoFixture.money("1234567.89"), .daily))
            #expect(account.campaign(id: "100001")?.goal == .acquisition)
            #expect(account.campaign(id: "100003")?.budget == .capped(try CriteoFixture.money("1200.10"), .lifetime))
        }
    }

    @Test func eachItemErrorFailsExactlyTheActionsOfThatItem() async throws {
        try await CriteoFixture.withClient { harness, client in
            let fine = CriteoFixture.update("100001", name: "Retention Daily", try CriteoFixture.spendLimit("200", .daily))
            // Lifetime Burst has spent 800: its lifetime limit cannot go below that.
            let belowSpent = CriteoFixture.update("100003", name: "Lifetime Burst", try CriteoFixture.spendLimit("500", .lifetime))
            // Acquisition Uncapped has no spend limit to update.
            let uncapped = CriteoFixture.update("100002", name: "Acquisition Uncapped", try CriteoFixture.spendLimit("50", .daily))
            let executions = await client.execute([fine, belowSpent, uncapped])
            #expect(harness.server.requestLog.count(.criteo, method: "PATCH") == 1)
            #expect(executions[0].succeeded)
            let lifetimeFailure = try #require(executions[1].failure)
            #expect(lifetimeFailure.code == "campaign--campaign-update-check--cannot-decrease-lifetime-spend-limit-below-what-is-already-spent")
            #expect(lifetimeFailure.httpStatus == 200)
            #expect(lifetimeFailure.call == "PATCH /preview/marketing-solutions/campaigns")
            #expect(lifetimeFailure.message.contains("100003"))
            #expect(!lifetimeFailure.outcomeUnknown)
            #expect(executions[2].failure?.code == "campaign--campaign-update-check--spend-limit-does-not-exist")

            let account = try await client.fetch(for: Manifest())
            #expect(account.campaign(id: "100001")?.budget == .capped(try CriteoFixture.money("200"), .daily))
            #expect(account.campaign(id: "100003")?.budget == .capped(try CriteoFixture.money("1000"), .lifetime))
        }
    }

    @Test func anInjectedItemFailureFailsEveryActionMergedIntoThatItem() async throws {
        // The first item of the first PATCH fails; the others succeed.
        let faults = try FaultPlan.parse("criteo-item,times=1,code=campaign--campaign-update-check--unavailable-feature-for-this-advertiser")
        try await CriteoFixture.withClient(faults: faults) { harness, client in
            let budget = CriteoFixture.update("100001", name: "Retention Daily", try CriteoFixture.spendLimit("150", .daily))
            let goal = CriteoFixture.update("100001", name: "Retention Daily", [CallParameter("goal", .choice("Acquisition"))])
            let lifetime = CriteoFixture.update("100003", name: "Lifetime Burst", try CriteoFixture.spendLimit("1500", .lifetime))
            let executions = await client.execute([lifetime, budget, goal])
            #expect(executions.map(\.action) == [lifetime.id, budget.id, goal.id])
            #expect(executions[0].failure?.code == "campaign--campaign-update-check--unavailable-feature-for-this-advertiser")
            #expect(executions[1].succeeded && executions[2].succeeded)
            let items = harness.server.requestLog.entries(.criteo, method: "PATCH").first?.bodyJSON?["data"]?.arrayValue ?? []
            #expect(items.compactMap { $0["id"]?.stringValue } == ["100003", "100001"])

            // Retrying the failed action alone converges.
            let again = await client.execute([lifetime])
            #expect(again.first?.succeeded == true)
            let account = try await client.fetch(for: Manifest())
            #expect(account.campaign(id: "100003")?.budget == .capped(try CriteoFixture.money("1500"), .lifetime))
            #expect(account.campaign(id: "100001")?.goal == .acquisition)
        }
    }

    @Test func aWarningIsNotAFailureButIsKeptOnTheRecord() async throws {
        try await CriteoFixture.withClient { _, client in
            // Retention Daily has spent 100 today: a lower daily limit applies from tomorrow.
            let lower = CriteoFixture.update("100001", name: "Retention Daily", try CriteoFixture.spendLimit("50", .daily))
            let other = CriteoFixture.update("100003", name: "Lifetime Burst", try CriteoFixture.spendLimit("1100", .lifetime))
            let executions = await client.execute([lower, other])
            #expect(executions.allSatisfy { $0.succeeded })
            #expect(executions[0].calls.last?.warning?.contains("new-spend-limit-amount-will-take-place-at-the-next-period-start") == true)
            #expect(executions[1].calls.last?.warning == nil)
        }
    }

    @Test func twoDifferentValuesForOneCampaignAreNotBothSent() async throws {
        try await CriteoFixture.withClient { harness, client in
            let first = CriteoFixture.update("100001", name: "Retention Daily", try CriteoFixture.spendLimit("150", .daily))
            var second = CriteoFixture.update("100001", name: "Retention Daily", try CriteoFixture.spendLimit("160", .daily))
            second.kind = .pause  // another action on the same campaign
            let executions = await client.execute([first, second])
            #expect(executions[0].succeeded)
            let refused = try #require(executions[1].failure)
            #expect(refused.message.contains("spendLimit.spendLimitAmount"))
            #expect(refused.message.contains(first.id.description))
            #expect(executions[1].calls.isEmpty, "nothing was sent for it")
            let items = harness.server.requestLog.entries(.criteo, method: "PATCH").first?.bodyJSON?["data"]?.arrayValue ?? []
            #expect(items.count == 1)
        }
    }

    @Test func anUpdateOfACampaignNotCreatedYetFailsWithoutACall() async throws {
        try await CriteoFixture.withClient { harness, client in
            let create = CriteoFixture.create("Spring", goal: "Retention", budget: try CriteoFixture.spendLimit("10", .daily))
            var update = CriteoFixture.update("x", name: "Spring", [CallParameter("goal", .choice("Acquisition"))])
            update.calls[0].parameters[0] = CallParameter("id", .resource(.created(by: create.id)))
            let executions = await client.execute([update])
            #expect(executions.first?.failure?.message.contains(create.id.description) == true)
            #expect(harness.server.requestLog.count(.criteo, method: "PATCH") == 0)
        }
    }

    @Test func aWholePatchThatFailsFailsEveryActionInItAndIsRetriedAsIdempotent() async throws {
        let sleeper = RecordingSleeper()
        let faults = try FaultPlan.parse("503,method=PATCH")
        try await CriteoFixture.withClient(faults: faults, sleeper: sleeper, retryPolicy: RetryPolicy(maxAttempts: 3, requestTimeout: ProviderTestKit.patientTimeout)) { harness, client in
            let first = CriteoFixture.update("100001", name: "Retention Daily", try CriteoFixture.spendLimit("150", .daily))
            let second = CriteoFixture.update("100003", name: "Lifetime Burst", try CriteoFixture.spendLimit("1500", .lifetime))
            let executions = await client.execute([first, second])
            #expect(harness.server.requestLog.count(.criteo, method: "PATCH") == 3)
            for execution in executions {
                let failure = try #require(execution.failure)
                #expect(failure.httpStatus == 503)
                #expect(failure.message.contains("gave up after 3 attempts"))
                #expect(!failure.outcomeUnknown, "an update can simply be planned again")
                #expect(execution.calls.map(\.status) == [503, 503, 503])
            }
            #expect(sleeper.waits.count == 2)
            ProviderTestKit.expectNoCredentials(in: ProviderTestKit.texts(of: executions))
        }
    }

    /// One bulk PATCH is listed under every action it carried, marked as one request, so the apply
    /// report counts each attempt once: as many requests as the platform received.
    @Test func aPatchCarryingSeveralActionsCountsOnceInTheReport() async throws {
        try await CriteoFixture.withClient(faults: try FaultPlan.parse("429,retry-after=1,method=PATCH,times=1")) { harness, client in
            let budget = CriteoFixture.update("100001", name: "Retention Daily", try CriteoFixture.spendLimit("150", .daily))
            var goal = CriteoFixture.update("100001", name: "Retention Daily", [CallParameter("goal", .choice("Acquisition"))])
            goal.kind = .pause  // another action on the same campaign: one item for both
            let lifetime = CriteoFixture.update("100003", name: "Lifetime Burst", try CriteoFixture.spendLimit("1500", .lifetime))
            let plan = Plan(plannedOn: NextRollSandbox.today, actions: [budget, goal, lifetime])
            let report = await PlanApplier(plan: plan, executors: [CriteoFixture.provider.alias: client]).run()

            #expect(report.result == .succeeded)
            #expect(harness.server.requestLog.count(.criteo, method: "PATCH") == 2)
            #expect(report.outcomes.allSatisfy { $0.calls.map(\.status) == [429, 200] }, "each action lists the request that carried it")
            let shared = report.outcomes.map { $0.calls.compactMap(\.sharedRequest) }
            #expect(shared[0].count == 2 && Set(shared[0]).count == 2, "each attempt is a request of its own")
            #expect(shared.allSatisfy { $0 == shared[0] }, "the same requests under every action")
            #expect(report.callCount == 2)
            #expect(report.requests.map(\.call.status) == [429, 200])
            let summary = try #require(report.json()["summary"])
            #expect(summary["calls"] == .integer(2))

            // A PATCH that carries one action is not marked.
            let single = await client.execute([CriteoFixture.update("100001", name: "Retention Daily", try CriteoFixture.spendLimit("160", .daily))])
            #expect(single.first?.calls.map(\.sharedRequest) == [nil])
        }
    }
}
