import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("NextRoll failures")
struct NextRollFailureTests {
    static let newCampaign = """
        campaigns:
          - { name: Lost Answer, provider: nr, budget: { amount: 10, period: daily }, adgroups: [{ name: G, ads: [ADGENERICBANNER0000001] }] }
        """

    @Test func aLostCampaignCreateIsSentOnceAndFoundByName() async throws {
        try await NextRollSandbox.with(faults: "drop,path=/nextroll/api/v1/campaign/create,times=1") { nextroll in
            let plan = try await nextroll.plan(try NextRollSandbox.manifest(Self.newCampaign))
            let create = try #require(plan.action(ActionID(.create, .campaign("nr", "Lost Answer"))))
            let execution = try #require(await nextroll.client.execute([create]).first)
            guard case .failed(let failure) = execution.result else {
                Issue.record("the create should fail: its answer was lost")
                return
            }
            #expect(failure.outcomeUnknown)
            #expect(failure.httpStatus == nil && failure.call == "POST /api/v1/campaign/create")
            #expect(nextroll.log.count(.nextroll, method: "POST", path: "/api/v1/campaign/create") == 1, "a create is never retried blindly")
            #expect(execution.calls.map(\.status) == [nil])

            nextroll.log.clear()
            let found = await nextroll.client.findCreated(create)
            let live = try await nextroll.fetch(try NextRollSandbox.manifest(""))
            let made = try #require(live.campaigns.first { $0.name == "Lost Answer" })
            #expect(try found.get() == made.id)
            #expect(made.platformStatus == "draft")
            // Made as a draft, it is found where drafts are listed: one call.
            #expect(nextroll.log.entries(.nextroll).first?.queryValue("is_active") == "false")
            #expect(nextroll.log.entries(.nextroll).filter { $0.platformPath == "/api/v1/advertisable/get_campaigns_fast" }.count == 3)
            #expect(live.campaigns.filter { $0.name == "Lost Answer" }.count == 1)
        }
    }

    @Test func findCreatedSaysAbsentOnlyAfterLookingEverywhere() async throws {
        try await NextRollSandbox.with { nextroll in
            let plan = try await nextroll.plan(try NextRollSandbox.manifest(Self.newCampaign))
            let create = try #require(plan.action(ActionID(.create, .campaign("nr", "Lost Answer"))))
            nextroll.log.clear()
            #expect(try await nextroll.client.findCreated(create).get() == nil)
            #expect(nextroll.log.entries(.nextroll).compactMap { $0.queryValue("is_active") } == ["false", "true"])
        }
    }

    @Test func aLostAdGroupCreateIsFoundInItsCampaign() async throws {
        try await NextRollSandbox.with(faults: "drop,path=/nextroll/api/v1/adgroup/create,times=1") { nextroll in
            let plan = try await nextroll.plan(try NextRollSandbox.manifest(Self.newCampaign))
            let campaignCreate = ActionID(.create, .campaign("nr", "Lost Answer"))
            let create = try #require(plan.action(campaignCreate))
            guard case .succeeded(let made?) = try #require(await nextroll.client.execute([create]).first).result else {
                Issue.record("the campaign create should succeed")
                return
            }
            let group = try #require(plan.action(ActionID(.create, ResourceAddress.campaign("nr", "Lost Answer").adGroup("G"))))
                .resolvingCreatedIDs([campaignCreate: made])
            guard case .failed(let failure) = try #require(await nextroll.client.execute([group]).first).result else {
                Issue.record("the ad group create should fail")
                return
            }
            #expect(failure.outcomeUnknown)
            #expect(nextroll.log.count(.nextroll, method: "POST", path: "/api/v1/adgroup/create") == 1)
            let campaignID = made
            nextroll.log.clear()
            let found = try await nextroll.client.findCreated(group).get()
            #expect(nextroll.calls() == ["GET /api/v1/campaign/get_adgroups"])
            let live = try await nextroll.fetch(try NextRollSandbox.manifest(""))
            #expect(found == live.campaign(id: campaignID)?.adGroups.first?.id)
            #expect(found != nil)
        }
    }

    @Test func rateLimitsAreWaitedOutAsRetryAfterSays() async throws {
        try await NextRollSandbox.with(faults: "429,retry-after=7,path=/nextroll/api/v1/advertisable/get_campaigns_fast,times=1") { nextroll in
            let live = try await nextroll.fetch(try NextRollSandbox.manifest(""))
            #expect(live.campaigns.count == 3)
            #expect(nextroll.sleeper.waits == [7])
            #expect(await nextroll.client.requestCounter.total == 5)
        }
    }

    @Test func serverErrorsAreRetriedForEditsButNotForCreates() async throws {
        let manifest = try NextRollSandbox.manifest(Self.newCampaign + "\n  - { name: Always On, provider: nr, bidding: { cpc: 2.00 } }\n")
        try await NextRollSandbox.with(faults: "503,method=POST,times=2") { nextroll in
            let plan = try await nextroll.plan(manifest)
            let edit = try #require(plan.action(ActionID(.update, .campaign("nr", "Always On"))))
            let create = try #require(plan.action(ActionID(.create, .campaign("nr", "Lost Answer"))))
            let edited = try #require(await nextroll.client.execute([edit]).first)
            #expect(edited.result == .succeeded(createdID: nil))
            #expect(edited.calls.map(\.status) == [503, 503, 200], "an edit is safe to send again")
            #expect(nextroll.sleeper.waits.count == 2)

            nextroll.harness.server.faults.configure(try FaultPlan.parse("503,method=POST,times=1"))
            let created = try #require(await nextroll.client.execute([create]).first)
            guard case .failed(let failure) = created.result else {
                Issue.record("the create should fail")
                return
            }
            #expect(failure.httpStatus == 503 && failure.code == "server_error" && failure.outcomeUnknown)
            #expect(nextroll.log.count(.nextroll, method: "POST", path: "/api/v1/campaign/create") == 1)
        }
    }

    @Test func aFetchGivesUpAfterTheConfiguredAttemptsWithAClearError() async throws {
        try await NextRollSandbox.with(faults: "503,path=/nextroll/api/v1/advertisable/get_campaigns_fast", retryPolicy: RetryPolicy(maxAttempts: 3, requestTimeout: 5)) { nextroll in
            await #expect {
                _ = try await nextroll.fetch(try NextRollSandbox.manifest(""))
            } throws: { error in
                guard let error = error as? ProviderError, case .gaveUp(let attempts, _) = error.underlying else { return false }
                return attempts == 3 && error.description.contains("nr: fetching the") && error.description.contains("HTTP 503")
                    && error.description.contains("gave up after 3 attempts")
            }
            #expect(nextroll.log.count(.nextroll, path: "/api/v1/advertisable/get_campaigns_fast") == 6)
        }
    }

    @Test func platformErrorsKeepTheirCodeMessageAndStatus() async throws {
        try await NextRollSandbox.with { nextroll in
            let pause = PlanAction(kind: .pause, address: .campaign("nr", "Gone"), provider: "nr", providerKind: .nextroll, resource: .campaign,
                                   target: .live("CAMNOTTHERE00000000001"), phase: .lower,
                                   calls: [ProviderCall("PUT", "/api/v1/campaign/pause", purpose: "pause",
                                                        parameters: [CallParameter("campaign", .resource(.live("CAMNOTTHERE00000000001")))])])
            let execution = try #require(await nextroll.client.execute([pause]).first)
            #expect(execution.result == .failed(ActionFailure(code: "not_found", message: "Campaign CAMNOTTHERE00000000001 not found.", httpStatus: 404,
                                                              call: "PUT /api/v1/campaign/pause")))
            #expect(execution.calls == [CallRecord(method: "PUT", path: "/api/v1/campaign/pause", status: 404,
                                                   error: "PUT /api/v1/campaign/pause failed with HTTP 404 not_found: Campaign CAMNOTTHERE00000000001 not found.")])
            // A reference to a create that never ran is refused before anything is sent.
            var orphan = pause
            orphan.calls[0].parameters = [CallParameter("campaign", .resource(.created(by: ActionID(.create, .campaign("nr", "Never")))))]
            nextroll.log.clear()
            guard case .failed(let refused) = try #require(await nextroll.client.execute([orphan]).first).result else {
                Issue.record("an unresolved reference must fail")
                return
            }
            #expect(refused.message.contains("create nr/campaign/Never") && nextroll.calls().isEmpty)
        }
    }

    /// The key and token reach the platform (the sandbox checks them) but no error, record, report or
    /// log line: the key rides in the query string, which calls are never named by.
    @Test func noCredentialValueAppearsAnywhere() async throws {
        let secrets = SandboxHarness.environment.values.filter { !$0.isEmpty }
        try await NextRollSandbox.with(faults: "503,path=/nextroll/api/v1/campaign/unpause", retryPolicy: RetryPolicy(maxAttempts: 2, requestTimeout: 5)) { nextroll in
            let manifest = try NextRollSandbox.manifest(Self.newCampaign.replacingOccurrences(of: "ADGENERICBANNER0000001", with: "ADNOTTHERE00000000001")
                                                        + "\n  - { name: Seasonal, provider: nr, status: active }\n")
            let plan = try await nextroll.plan(manifest)
            var texts: [String] = []
            var created: [ActionID: String] = [:]
            for action in plan.actions {
                let execution = await nextroll.client.execute([action.resolvingCreatedIDs(created)])
                texts += execution.flatMap(\.calls).map { "\($0)" }
                for result in execution {
                    switch result.result {
                    case .succeeded(let id): created[result.action] = id
                    case .failed(let failure):
                        texts.append(failure.description)
                        texts.append(String(decoding: try JSONEncoder().encode(failure), as: UTF8.self))
                    }
                }
            }
            #expect(texts.contains { $0.contains("404") && $0.contains("ADNOTTHERE00000000001") })
            do {
                _ = try await NextRollSandbox.with(faults: "500") { broken in try await broken.fetch(manifest) }
            } catch {
                texts.append("\(error)")
            }
            texts += nextroll.log.entries.map { "\($0.path) \($0.query) \($0.bodyText)" }
            #expect(texts.contains { $0.contains("503") } && texts.contains { $0.contains("500") })
            for text in texts {
                for secret in secrets { #expect(!text.contains(secret), "credential in: \(text)") }
            }
        }
    }
}
