import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("Criteo plans applied")
struct CriteoApplyTests {
    static let header = """
        providers:
          criteo-eu: { type: criteo, advertiser: "12345", currency: EUR }
        campaigns:

        """

    /// The fixture's three campaigns of advertiser 12345 as they are.
    static let unchanged = """
          - { name: Retention Daily, provider: criteo-eu, goal: retention, budget: { amount: 123.45, period: daily } }
          - { name: Acquisition Uncapped, provider: criteo-eu, goal: acquisition, budget: { uncapped: true } }
          - { name: Lifetime Burst, provider: criteo-eu, goal: acquisition, budget: { amount: 1000.00, period: lifetime } }

        """

    /// Two campaigns changed (goal and budget), one unchanged but for its goal, one new.
    static let changed = """
          - { name: Retention Daily, provider: criteo-eu, goal: acquisition, budget: { amount: 130.10, period: daily } }
          - { name: Acquisition Uncapped, provider: criteo-eu, goal: retention, budget: { uncapped: true } }
          - { name: Lifetime Burst, provider: criteo-eu, goal: acquisition, budget: { amount: 1500.00, period: lifetime } }
          - { name: Spring Push, provider: criteo-eu, goal: retention, budget: { amount: 900.00, period: monthly } }

        """

    @Test func aManifestThatMatchesCostsOneSearchAndNoChange() async throws {
        try await CriteoFixture.withClient { harness, client in
            let manifest = try ProviderTestKit.manifest(Self.header + Self.unchanged)
            let plan = try ProviderTestKit.plan(manifest, try await client.fetch(for: manifest))
            #expect(plan.actions.isEmpty)
            #expect(plan.blocked.isEmpty)
            #expect(CriteoFixture.log(harness) == ["POST /oauth2/token 200", "POST /preview/marketing-solutions/campaigns/search 200"])
        }
    }

    @Test func changesTakeOnePatchAndOnePostPerCreateAndThenConverge() async throws {
        try await CriteoFixture.withClient { harness, client in
            let manifest = try ProviderTestKit.manifest(Self.header + Self.changed + """
                  - { name: Autumn Push, provider: criteo-eu, goal: acquisition, budget: { amount: 12.34, period: daily } }

                """)
            let plan = try ProviderTestKit.plan(manifest, try await client.fetch(for: manifest))
            let updates = plan.actions.filter { $0.kind == .update }
            let creates = plan.actions.filter { $0.kind == .create }
            #expect(updates.count == 3)
            #expect(creates.count == 2)
            harness.server.requestLog.clear()

            let apply = await SequentialApply.run(plan, on: client)
            #expect(apply.failures.isEmpty)
            #expect(apply.executions.count == 5)
            // The sequential stand-in hands over neighbouring updates together: the plan orders
            // [update, create, update, update, create], so two bulk PATCHes; one POST per create.
            #expect(harness.server.requestLog.count(.criteo, method: "PATCH") == 2)
            let items = harness.server.requestLog.entries(.criteo, method: "PATCH").map { $0.bodyJSON?["data"]?.arrayValue?.count ?? 0 }
            #expect(items.sorted() == [1, 2])
            #expect(harness.server.requestLog.count(.criteo, method: "POST", path: CriteoFixture.campaignsPath) == 2)
            #expect(harness.server.requestLog.count(.criteo, path: CriteoFixture.tokenPath) == 0, "the token is still valid")

            let live = try await ProviderTestKit.expectConverged(manifest, client, after: apply.executions)
            #expect(live.campaigns.count == 5)
            let created = try #require(live.campaigns.first { $0.name == "Spring Push" })
            #expect(apply.createdIDs.values.contains(created.id))
            #expect(created.budget == .capped(try CriteoFixture.money("900"), .monthly))
            #expect(live.campaigns.first { $0.name == "Autumn Push" }?.budget == .capped(try CriteoFixture.money("12.34"), .daily))
        }
    }

    @Test func theApplierSendsAllReadyUpdatesInOnePatch() async throws {
        try await CriteoFixture.withClient { harness, client in
            let manifest = try ProviderTestKit.manifest(Self.header + Self.changed)
            let plan = try ProviderTestKit.plan(manifest, try await client.fetch(for: manifest))
            #expect(plan.actions.count == 4)
            harness.server.requestLog.clear()
            let report = await PlanApplier(plan: plan, executors: ["criteo-eu": client]).run()
            #expect(report.outcomes.allSatisfy { $0.status == .succeeded })
            // The documented minimum: three updates in one bulk PATCH, one POST for the create.
            #expect(CriteoFixture.log(harness).sorted() == ["PATCH /preview/marketing-solutions/campaigns 200",
                                                            "POST /preview/marketing-solutions/campaigns 201"])
            // The report counts the shared PATCH once, as the platform saw it: one request per log entry.
            #expect(report.callCount == CriteoFixture.log(harness).count)
            let patchRecords = report.outcomes.flatMap(\.calls).filter { $0.method == "PATCH" }
            #expect(patchRecords.count == 3, "each update lists the PATCH it rode on")
            #expect(Set(patchRecords.compactMap(\.sharedRequest)).count == 1, "…marked as one shared request")
            _ = try await ProviderTestKit.expectConverged(manifest, client, after: report.outcomes.map {
                ActionExecution(action: $0.action, result: .succeeded(createdID: $0.createdID), calls: $0.calls)
            })
        }
    }

    @Test func updatesReadyTogetherShareOnePatch() async throws {
        try await CriteoFixture.withClient { harness, client in
            // All raises: they land in the same phase, so they are handed over as one batch.
            let manifest = try ProviderTestKit.manifest(Self.header + """
                  - { name: Retention Daily, provider: criteo-eu, goal: retention, budget: { amount: 130.00, period: daily } }
                  - { name: Acquisition Uncapped, provider: criteo-eu, goal: acquisition, budget: { uncapped: true } }
                  - { name: Lifetime Burst, provider: criteo-eu, goal: acquisition, budget: { amount: 1500.00, period: lifetime } }

                """)
            let plan = try ProviderTestKit.plan(manifest, try await client.fetch(for: manifest))
            #expect(plan.actions.count == 2)
            #expect(plan.actions.allSatisfy { client.canBatch($0) })
            let executions = await client.execute(plan.actions)
            #expect(executions.allSatisfy { $0.succeeded })
            #expect(harness.server.requestLog.count(.criteo, method: "PATCH") == 1)
            #expect(try ProviderTestKit.plan(manifest, try await client.fetch(for: manifest)).actions.isEmpty)
        }
    }

    @Test func aCreateReturnsTheNewIDAndFindCreatedFindsItByName() async throws {
        try await CriteoFixture.withClient { harness, client in
            let create = CriteoFixture.create("Spring Push", goal: "Retention", budget: try CriteoFixture.spendLimit("900", .monthly))
            #expect(!client.canBatch(create))
            let execution = try #require(await client.execute([create]).first)
            let id = try #require(execution.createdID)
            #expect(execution.calls.map(\.status) == [201])
            let body = try #require(harness.server.requestLog.entries(.criteo, method: "POST", path: CriteoFixture.campaignsPath).first?.bodyJSON)
            #expect(body["data"]?["attributes"]?["advertiserId"] == .integer(12345), "the advertiser id as the reference's create example writes it")
            #expect(await client.findCreated(create) == .success(id))
            let missing = CriteoFixture.create("Never Made", goal: "Retention", budget: [])
            #expect(await client.findCreated(missing) == .success(nil))
        }
    }

    @Test func aCreateWhoseAnswerIsLostIsNotRetriedAndIsFoundAfterwards() async throws {
        let faults = try FaultPlan.parse("drop,method=POST,path=/criteo/preview/marketing-solutions/campaigns,times=1")
        try await CriteoFixture.withClient(faults: faults) { harness, client in
            let create = CriteoFixture.create("Spring Push", goal: "Retention", budget: try CriteoFixture.spendLimit("900", .monthly))
            let execution = try #require(await client.execute([create]).first)
            let failure = try #require(execution.failure)
            #expect(failure.outcomeUnknown)
            #expect(failure.httpStatus == nil)
            #expect(harness.server.requestLog.count(.criteo, method: "POST", path: CriteoFixture.campaignsPath) == 1, "never sent twice")
            let searchesBefore = harness.server.requestLog.count(.criteo, path: CriteoFixture.searchPath)
            guard case .success(let found?) = await client.findCreated(create) else {
                Issue.record("the campaign made by the lost create was not found")
                return
            }
            #expect(harness.server.requestLog.count(.criteo, path: CriteoFixture.searchPath) == searchesBefore + 1)
            #expect(try await client.fetch(for: Manifest()).campaign(id: found)?.name == "Spring Push")
        }
    }

    @Test(arguments: ["503", "hang"])
    func aCreateThatFailedBeforeTheChangeIsNotRetriedAndIsNotFound(_ fault: String) async throws {
        let faults = try FaultPlan.parse("\(fault),method=POST,path=/criteo/preview/marketing-solutions/campaigns,times=1")
        let timeout = fault == "hang" ? ProviderTestKit.hangTimeout : ProviderTestKit.patientTimeout
        try await CriteoFixture.withClient(faults: faults, retryPolicy: RetryPolicy(requestTimeout: timeout)) { harness, client in
            let create = CriteoFixture.create("Spring Push", goal: "Retention", budget: try CriteoFixture.spendLimit("900", .monthly))
            let failure = try #require(await client.execute([create]).first?.failure)
            #expect(failure.outcomeUnknown, "the client cannot know the platform did nothing")
            #expect(harness.server.requestLog.count(.criteo, method: "POST", path: CriteoFixture.campaignsPath) == 1)
            #expect(await client.findCreated(create) == .success(nil))
        }
    }

    @Test func aRefusedCreateFailsWithTheCriteoErrorAndIsNotUnknown() async throws {
        try await CriteoFixture.withClient { _, client in
            // Create takes Acquisition or Retention only ("Unspecified" is for older campaigns).
            let create = CriteoFixture.create("Old Goal", goal: "Unspecified", budget: [])
            let failure = try #require(await client.execute([create]).first?.failure)
            #expect(failure.httpStatus == 400)
            #expect(failure.code == "campaign--campaign-create-check--validation-failed")
            #expect(failure.message.contains("goal"))
            #expect(!failure.outcomeUnknown)
        }
    }

    /// Only `goal` is mandatory on create: a manifest campaign without a budget is created uncapped,
    /// as the plan's spend summary says it will be.
    @Test func aCreateWithoutSpendLimitMakesAnUncappedCampaign() async throws {
        try await CriteoFixture.withClient { _, client in
            let create = CriteoFixture.create("No Limit", goal: "Retention", budget: [])
            let id = try #require(await client.execute([create]).first?.createdID)
            let live = try await client.fetch(for: try ProviderTestKit.manifest(Self.header))
            #expect(live.campaigns.first { $0.id == id }?.budget == .uncapped)
        }
    }
}
