import Foundation
import Testing
@testable import Planner

@Suite struct DependencyGraphTests {
    static func deps(_ plan: Plan, _ id: String) -> [String] {
        plan.actions.first { $0.id.description == id }?.dependsOn.map(\.description) ?? ["<no such action>"]
    }

    @Test func newCampaignsAreBuiltDarkAndResumedLastWithMinimalDependencies() throws {
        let plan = try Showcase.plan()
        let order = plan.actions.map(\.id.description)
        let create = try #require(order.firstIndex(of: "create nr/campaign/Summer"))
        let group = try #require(order.firstIndex(of: "create nr/campaign/Summer/adgroup/Lookalikes"))
        let resume = try #require(order.firstIndex(of: "resume nr/campaign/Summer"))
        #expect(create < group && group < resume)
        #expect(plan.actions[create].calls.first?.parameter("status") == .choice("draft"))
        #expect(plan.actions[group].parent == .created(by: ActionID(.create, ResourceAddress.campaign("nr", "Summer"))))
        // The create is implied through the ad group, so the resume does not list it; it waits for the
        // budget decrease that pays for it.
        #expect(Self.deps(plan, "resume nr/campaign/Summer") == ["update nr/campaign/Spring", "create nr/campaign/Summer/adgroup/Lookalikes"])
        #expect(Self.deps(plan, "export jx/retail_campaign/5373/export/png@2x") == ["activate jx/retail_campaign/5373"])
        #expect(plan.actions.first?.phase == .lower)
        #expect(plan.actions.last?.phase == .serve)
    }

    static func topsort(_ pairs: [(String, String, String)]) throws -> Plan {
        var yaml = "providers:\n  ts: { type: topsort, vendor: v1, currency: USD }\nsafety: { max_change_percent: 100, max_spend_increase_percent: 1000 }\ncampaigns:\n"
        var live: [LiveCampaign] = []
        for (index, (name, before, after)) in pairs.enumerated() {
            yaml += "  - { name: \(name), provider: ts, budget: { amount: \(after), period: daily } }\n"
            live.append(LiveCampaign(id: "T\(index)", name: name, budget: .capped(Fixture.money(before), .daily)))
        }
        return try Fixture.plan(try Fixture.manifest(yaml), LiveState(accounts: [LiveAccount(alias: "ts", kind: .topsort, account: "v1", currency: Fixture.usd, campaigns: live)]))
    }

    @Test func increasesWaitForTheDecreasesThatPayForThem() throws {
        // 100 + 50 → 50 + 100: no headroom, so the increase needs the decrease.
        let swap = try Self.topsort([("A", "100", "50"), ("B", "50", "100")])
        #expect(Self.deps(swap, "update ts/campaign/B") == ["update ts/campaign/A"])
        #expect(swap.actions.map(\.id.description) == ["update ts/campaign/A", "update ts/campaign/B"])
    }

    @Test func increasesWithinTheNetRiseNeedNothing() throws {
        // Net +40: the 10 and 30 increases fit in it; the 60 one needs the 60 decrease.
        let plan = try Self.topsort([("A", "100", "40"), ("B", "10", "20"), ("C", "10", "40"), ("D", "10", "70")])
        #expect(Self.deps(plan, "update ts/campaign/B") == [])
        #expect(Self.deps(plan, "update ts/campaign/C") == [])
        #expect(Self.deps(plan, "update ts/campaign/D") == ["update ts/campaign/A"])
    }

    @Test func pausesComeBeforeEditsOfTheSameCampaign() throws {
        let manifest = try Fixture.manifest(Fixture.providers + "campaigns: [{ name: A, provider: nr, status: paused, budget: { amount: 20, period: daily } }]")
        let plan = try Fixture.plan(manifest, Fixture.accounts {
            $0["nr"]?.campaigns = [LiveCampaign(id: "C", name: "A", budget: .capped(Fixture.money("70"), .weekly), budgetShownDaily: true)]
        })
        #expect(plan.actions.map(\.id.description) == ["pause nr/campaign/A", "update nr/campaign/A"])
        #expect(Self.deps(plan, "update nr/campaign/A") == ["pause nr/campaign/A"])
        // The increase happens while paused, so it moves nothing.
        #expect(plan.actions[1].spendChange == .zero && plan.actions[0].spendChange.daily == -10)
    }

    @Test func topsortTakesStatusAndEditsInOneCall() throws {
        let manifest = try Fixture.manifest(Fixture.providers + "campaigns: [{ name: A, provider: ts, status: active, budget: { amount: 20, period: weekly } }]")
        let plan = try Fixture.plan(manifest, Fixture.accounts {
            $0["ts"]?.campaigns = [LiveCampaign(id: "T", name: "A", status: .paused, budget: .capped(Fixture.money("10"), .daily))]
        })
        let resume = try #require(plan.actions.first)
        #expect(plan.actions.count == 1 && resume.kind == .resume && resume.calls.count == 1)
        #expect(resume.calls[0].parameters.map(\.name) == ["campaign-id", "isActive", "budget.amount", "budget.type"])
        #expect(resume.calls[0].parameter("budget.amount") == .integer(2000))
    }

    @Test func aResumedCampaignWaitsForItsAdGroups() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - name: A
            provider: nr
            status: active
            adgroups: [{ name: G, ads: [AD1] }, { name: H, status: paused }]
        """)
        var campaign = LiveCampaign(id: "C", name: "A", status: .paused, budget: .capped(Fixture.money("70"), .weekly))
        campaign.adGroups = [LiveAdGroup(id: "G", name: "G"), LiveAdGroup(id: "H", name: "H")]
        let plan = try Fixture.plan(manifest, Fixture.accounts { $0["nr"]?.campaigns = [campaign] })
        #expect(Self.deps(plan, "resume nr/campaign/A") == ["pause nr/campaign/A/adgroup/H", "attach nr/campaign/A/adgroup/G"])
    }

    @Test func createdIDsFlowIntoTheActionsThatNeedThem() throws {
        let plan = try Showcase.plan()
        let create = ActionID(.create, .campaign("nr", "Summer"))
        let group = try #require(plan.action(ActionID(.create, ResourceAddress.campaign("nr", "Summer").adGroup("Lookalikes"))))
        #expect(group.neededCreates == [create])
        #expect(group.calls.first?.parameter("campaign") == .resource(.created(by: create)))
        let resolved = group.resolvingCreatedIDs([create: "CMPNEW"])
        #expect(resolved.neededCreates.isEmpty)
        #expect(resolved.parent == .live("CMPNEW"))
        #expect(resolved.calls.first?.parameter("campaign") == .resource(.live("CMPNEW")))
        #expect(try #require(plan.action(ActionID(.resume, .campaign("nr", "Summer")))).resolvingCreatedIDs([create: "CMPNEW"]).target == .live("CMPNEW"))
    }
}
