import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("NextRoll apply")
struct NextRollApplyTests {
    /// Every kind of NextRoll change against the generic account: budget and bid edits, segment, geo and
    /// ad changes, resumes of a paused campaign and a draft ad group, a dated edit of a draft campaign,
    /// a new campaign with two ad groups (one paused), and a segment edit.
    static let everything = """
        campaigns:
          - name: Always On
            provider: nr
            budget: { amount: 120, period: daily }
            bidding: { cpc: 1.75 }
            adgroups:
              - name: Visitors
                segments: { include: [SEGGENERICVISITORS0001, SEGGENERICCART00000001], exclude: [] }
                geo:
                  include: [{ country_id: 19, eid: YD2QNVI2GVH4DP4TIO8GEO }]
                  exclude: [{ region_id: USCA, eid: FPDT2YVTEZG3LNMQ5Q8GEO }]
                ads: [ADGENERICBANNER0000001, ADGENERICFACEBOOK00001]
              - { name: Draft group, status: active }
          - { name: Seasonal, provider: nr, status: active, budget: { amount: 350, period: weekly } }
          - { name: Draft Idea, provider: nr, status: paused, schedule: { start: 2026-07-01 } }
          - name: Spring Sale
            provider: nr
            budget: { amount: 20, period: daily }
            schedule: { start: 2026-04-01, end: 2026-05-01 }
            retargeting: true
            bidding: { cpc: 1.20, max_cpm: 8.00 }
            adgroups:
              - name: Cart abandoners
                segments: { include: [SEGGENERICCART00000001, SEGGENERICVISITORS0001], exclude: [SEGGENERICBUYERS000001] }
                geo: { include: [{ country_id: 19, eid: YD2QNVI2GVH4DP4TIO8GEO }, { region_id: USCA, eid: FPDT2YVTEZG3LNMQ5Q8GEO }] }
                ads: [ADGENERICBANNER0000001, ADGENERICBANNER0000002]
              - { name: Paused group, status: paused }
        segments:
          - { id: SEGGENERICCART00000001, provider: nr, conversion_value: 15.00, duration: 14 }
        """

    @Test func aPlanWithEveryKindOfChangeMakesExactlyItsCallsAndConverges() async throws {
        let manifest = try NextRollSandbox.manifest(Self.everything)
        try await NextRollSandbox.with { nextroll in
            let plan = try await nextroll.plan(manifest)
            #expect(plan.actions.map(\.id.description).sorted() == [
                "attach nr/campaign/Always On/adgroup/Visitors", "create nr/campaign/Spring Sale",
                "create nr/campaign/Spring Sale/adgroup/Cart abandoners", "create nr/campaign/Spring Sale/adgroup/Paused group",
                "detach nr/campaign/Always On/adgroup/Visitors", "resume nr/campaign/Always On/adgroup/Draft group",
                "resume nr/campaign/Seasonal", "resume nr/campaign/Spring Sale", "update nr/campaign/Always On",
                "update nr/campaign/Always On/adgroup/Visitors", "update nr/campaign/Draft Idea", "update nr/segment/SEGGENERICCART00000001",
            ])
            // One call per change: the documented minimum.
            #expect(plan.callSummaries.count == 12)
            nextroll.log.clear()

            let apply = await SequentialApply.run(plan, on: nextroll.client)
            #expect(apply.failures.isEmpty)
            #expect(apply.executions.count == 12)
            #expect(nextroll.calls() == plan.callSummaries, "exactly the planned calls, in order, nothing else")
            #expect(await nextroll.client.requestCounter.total == 5 + 12)
            // Each execution records its one request with the status it got.
            for execution in apply.executions {
                #expect(execution.calls.count == 1 && execution.calls.first?.status == 200, "\(execution.action)")
            }

            nextroll.log.clear()
            let again = try await nextroll.plan(manifest)
            #expect(again.actions.isEmpty && again.blocked.isEmpty, "converged: \(again.actions.map(\.id.description))")
            #expect(nextroll.calls().count == 5, "a no-op plan reads and writes nothing else")
        }
    }

    @Test func parametersAreSentTheWayTheReferenceTakesThem() async throws {
        let manifest = try NextRollSandbox.manifest(Self.everything)
        try await NextRollSandbox.with { nextroll in
            _ = await SequentialApply.run(try await nextroll.plan(manifest), on: nextroll.client)
            let create = nextroll.form("/api/v1/campaign/create")
            #expect(create["advertisable"] == NextRollSandbox.advertisable)
            #expect(create["budget"] == "140.00", "daily 20 is a WEEKLY 140")
            #expect(create["ui_budget_daily"] == "true")
            #expect(create["status"] == "draft")
            #expect(create["start_date"] == "2026-04-01" && create["end_date"] == "2026-05-01")
            #expect(create["is_retargeting"] == "true" && create["cpc"] == "1.20" && create["max_cpm"] == "8.00")
            #expect(create["apikey"] == nil, "the key travels in the query string only")

            let group = nextroll.form("/api/v1/adgroup/create")
            #expect(group["positive_segments"] == "SEGGENERICCART00000001,SEGGENERICVISITORS0001", "EIDs comma-separated")
            #expect(group["negative_segments"] == "SEGGENERICBUYERS000001")
            #expect(group["ads"] == "ADGENERICBANNER0000001,ADGENERICBANNER0000002")
            #expect(group["status"] == "approved")
            let geo = try JSONParser().parse(try #require(group["geo_targets"]))
            #expect(geo == .array([
                .object([("region_id", .string("USCA")), ("eid", .string("FPDT2YVTEZG3LNMQ5Q8GEO")), ("is_negative", .bool(false))]),
                .object([("country_id", .integer(19)), ("eid", .string("YD2QNVI2GVH4DP4TIO8GEO")), ("is_negative", .bool(false))]),
            ]))
            #expect(group["geo_targets.include"] == nil && group["geo_targets.exclude"] == nil)

            let edit = nextroll.form("/api/v1/adgroup/edit")
            let editGeo = try JSONParser().parse(try #require(edit["geo_targets"]))
            #expect(editGeo == .array([
                .object([("country_id", .integer(19)), ("eid", .string("YD2QNVI2GVH4DP4TIO8GEO")), ("is_negative", .bool(false))]),
                .object([("region_id", .string("USCA")), ("eid", .string("FPDT2YVTEZG3LNMQ5Q8GEO")), ("is_negative", .bool(true))]),
            ]))
            #expect(edit["positive_segments"] == "SEGGENERICCART00000001,SEGGENERICVISITORS0001" && edit["negative_segments"] == "")

            let edits = nextroll.forms("/api/v1/campaign/edit")
            let budget = try #require(edits.first { $0["campaign"] == "CAMGENERICACTIVE000001" })
            #expect(budget["budget"] == "840.00" && budget["ui_budget_daily"] == "true" && budget["cpc"] == "1.75")
            let dated = try #require(edits.first { $0["campaign"] == "CAMGENERICDRAFT0000001" })
            #expect(dated["start_date"] == "2026-07-01" && dated["ui_budget_daily"] == "true" && dated["budget"] == nil,
                    "campaign/edit always carries ui_budget_daily, kept as it is")
            #expect(nextroll.form("/api/v1/adgroup/select_ads")["ads"] == "ADGENERICFACEBOOK00001")
            #expect(nextroll.form("/api/v1/adgroup/deselect_ads")["ads"] == "ADGENERICBANNER0000002")
            #expect(nextroll.form("/api/v1/segment/edit") == ["segment": "SEGGENERICCART00000001", "conversion_value": "15.00", "duration": "14"])
            // Every request authenticated: the sandbox refuses any other key or token.
            #expect(nextroll.log.entries(.nextroll).allSatisfy { $0.status == 200 && $0.queryValue("apikey") == "REDACTED" })
        }
    }

    @Test func createsReturnTheEIDsThePlatformGave() async throws {
        let manifest = try NextRollSandbox.manifest(Self.everything)
        try await NextRollSandbox.with { nextroll in
            let apply = await SequentialApply.run(try await nextroll.plan(manifest), on: nextroll.client)
            let live = try await nextroll.fetch(manifest)
            let spring = try #require(live.campaigns.first { $0.name == "Spring Sale" })
            var created: [String: String] = [:]
            for execution in apply.executions {
                if case .succeeded(let id?) = execution.result { created[execution.action.description] = id }
            }
            #expect(created == [
                "create nr/campaign/Spring Sale": spring.id,
                "create nr/campaign/Spring Sale/adgroup/Cart abandoners": try #require(spring.adGroups.first { $0.name == "Cart abandoners" }?.id),
                "create nr/campaign/Spring Sale/adgroup/Paused group": try #require(spring.adGroups.first { $0.name == "Paused group" }?.id),
            ])
            #expect(spring.status == .active && spring.platformStatus == "approved")
            #expect(spring.adGroups.first { $0.name == "Paused group" }?.platformStatus == "draft")
        }
    }

    /// N new campaigns, each with an ad group, take 3N calls (create, ad group create, unpause); N budget
    /// edits take N; and the account reads the same number of list calls before and after.
    @Test(arguments: [1, 4, 9])
    func nChangesTakeTheDocumentedMinimumOfCalls(_ count: Int) async throws {
        var yaml = "campaigns:\n"
        for index in 0..<count {
            yaml += "  - { name: New \(index), provider: nr, budget: { amount: \(10 + index), period: daily }, adgroups: [{ name: G, ads: [ADGENERICBANNER0000001] }] }\n"
        }
        try await NextRollSandbox.with { nextroll in
            let creates = try NextRollSandbox.manifest(yaml)
            let plan = try await nextroll.plan(creates)
            #expect(plan.actions.count == 3 * count)
            nextroll.log.clear()
            let apply = await SequentialApply.run(plan, on: nextroll.client)
            #expect(apply.failures.isEmpty)
            #expect(nextroll.writes().count == 3 * count)
            #expect(nextroll.log.count(.nextroll, method: "POST", path: "/api/v1/campaign/create") == count)
            #expect(nextroll.log.count(.nextroll, method: "POST", path: "/api/v1/adgroup/create") == count)
            #expect(nextroll.log.count(.nextroll, method: "PUT", path: "/api/v1/campaign/unpause") == count)

            let raised = try NextRollSandbox.manifest(yaml.replacingOccurrences(of: "period: daily", with: "period: weekly"))
            let edits = try await nextroll.plan(raised)
            #expect(edits.actions.map(\.kind) == Array(repeating: .update, count: count))
            nextroll.log.clear()
            _ = await SequentialApply.run(edits, on: nextroll.client)
            #expect(nextroll.writes() == Array(repeating: "POST /api/v1/campaign/edit", count: count))
            #expect(try await nextroll.plan(raised).actions.isEmpty)
        }
    }
}

@Suite("NextRoll examples")
struct NextRollExamplesTests {
    static let manifests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/manifests").path

    /// The README's first run for NextRoll: the example manifests against the examples fixture (a drifted
    /// campaign, a missing one, a campaign to prune, a segment to edit) apply and then plan empty.
    @Test func theExampleManifestsApplyAndConverge() async throws {
        let manifest = try ManifestLoader().load(path: Self.manifests)
        var provider = try #require(manifest.provider("nextroll-us"))
        provider.limits = RateLimits(requestsPerMinute: 1_000_000)
        try await NextRollSandbox.with(.examples, provider: provider) { nextroll in
            let options = PlanOptions(today: NextRollSandbox.today, providers: ["nextroll-us"], allowUnsafe: true)
            let plan = try PlanBuilder.plan(manifest, live: LiveState(accounts: [try await nextroll.fetch(manifest)]), options: options)
            #expect(Set(plan.actions.map(\.kind)).isSuperset(of: [.pause, .update, .attach, .detach, .create]))
            let apply = await SequentialApply.run(plan, on: nextroll.client)
            #expect(apply.failures.isEmpty, "\(apply.failures)")
            #expect(nextroll.writes().count == plan.callSummaries.count)
            let again = try PlanBuilder.plan(manifest, live: LiveState(accounts: [try await nextroll.fetch(manifest)]), options: options)
            #expect(again.actions.isEmpty, "\(again.actions.map(\.id.description))")
        }
    }
}
