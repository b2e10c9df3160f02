import Foundation
import Testing
@testable import Planner

@Suite struct IdentityTests {
    static func live(_ campaigns: [LiveCampaign], kind: ProviderKind = .topsort) -> LiveState {
        Fixture.accounts { $0[kind == .topsort ? "ts" : "nr"]?.campaigns = campaigns }
    }

    static let budget = Budget.capped(Fixture.money("10"), .daily)
    static let first = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
    static let second = "5b1d7f2e-9a41-4c3b-8e2f-1f0a2b3c4d5e"

    @Test func pinWinsOverNameAndRenames() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - { name: New name, provider: ts, id: \(Self.second), budget: { amount: 10, period: daily } }
        """)
        let plan = try Fixture.plan(manifest, Self.live([LiveCampaign(id: Self.first, name: "New name", budget: Self.budget),
                                                        LiveCampaign(id: Self.second, name: "Old name", budget: Self.budget)]))
        #expect(plan.actions.map(\.id.description) == ["update ts/campaign/New name"])
        #expect(plan.actions.first?.target == .live(Self.second))
        #expect(plan.actions.first?.changes == [FieldChange(.name, .text("Old name"), .text("New name"))])
    }

    @Test func externalIDWinsOverName() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - { name: Bola, provider: ts, external_id: bola-2026, budget: { amount: 10, period: daily } }
        """)
        var renamed = LiveCampaign(id: "T9", name: "Bola (old)", budget: Self.budget)
        renamed.externalID = "bola-2026"
        var other = LiveCampaign(id: "T1", name: "Bola", budget: Self.budget)
        other.externalID = "something-else"
        let plan = try Fixture.plan(manifest, Self.live([other, renamed]))
        #expect(plan.actions.count == 1)
        #expect(plan.actions.first?.target == .live("T9"))
    }

    @Test func aNameMatchWithAnotherExternalIDIsAnotherCampaign() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - { name: Bola, provider: ts, external_id: bola-2026, budget: { amount: 10, period: daily }, schedule: { start: 2030-01-01, end: 2030-12-31 } }
        """)
        var other = LiveCampaign(id: "T1", name: "Bola", budget: Self.budget)
        other.externalID = "bola-2025"
        let plan = try Fixture.plan(manifest, Self.live([other]))
        #expect(plan.actions.map(\.kind) == [.create])
    }

    @Test func twoLiveCandidatesAreAnErrorNamingEveryID() throws {
        let manifest = try Fixture.manifest(["team/nr.yaml": Fixture.providers + """
        campaigns:
          - name: Spring
            provider: nr
            budget: { amount: 10, period: daily }
        """])
        let live = Self.live([LiveCampaign(id: "C1", name: "Spring", budget: Self.budget), LiveCampaign(id: "C2", name: "Spring", budget: Self.budget),
                              LiveCampaign(id: "C3", name: "Autumn", budget: Self.budget)], kind: .nextroll)
        #expect {
            try Fixture.plan(manifest, live)
        } throws: { error in
            guard let problem = (error as? PlanningError)?.problems.first else { return false }
            return problem.description == "team/nr.yaml:7:5: error: nr/campaign/Spring: 2 live campaigns match this manifest entry by name: `C1`, `C2` "
                + "(pin the one you mean with `id:` in the manifest, or rename the others on the platform)"
        }
    }

    @Test func duplicateLiveAdGroupsAreAnError() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - name: Spring
            provider: nr
            budget: { amount: 10, period: daily }
            adgroups: [{ name: Cart }]
        """)
        var campaign = LiveCampaign(id: "C1", name: "Spring", budget: .capped(Fixture.money("70"), .weekly), budgetShownDaily: true)
        campaign.adGroups = [LiveAdGroup(id: "G1", name: "Cart"), LiveAdGroup(id: "G2", name: "Cart")]
        #expect {
            try Fixture.plan(manifest, Self.live([campaign], kind: .nextroll))
        } throws: { error in
            (error as? PlanningError)?.problems.map(\.message) == ["2 live ad groups match this manifest entry by name: `G1`, `G2`"]
        }
    }

    @Test func aPinToNothingIsAnError() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - { name: Spring, provider: nr, id: NOPE, budget: { amount: 10, period: daily } }
        """)
        #expect {
            try Fixture.plan(manifest, Self.live([], kind: .nextroll))
        } throws: { error in
            (error as? PlanningError)?.problems.first?.message == "`id: NOPE` names no live campaign on `nr`"
        }
    }

    @Test func aLiveCampaignIsClaimedOnce() throws {
        // A pins the live campaign named "B"; B (by name) must not take it too, so B is created.
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - { name: A, provider: nr, id: C1, budget: { amount: 10, period: daily } }
          - { name: B, provider: nr, budget: { amount: 10, period: daily } }
        """)
        let live = Self.live([LiveCampaign(id: "C1", name: "B", budget: .capped(Fixture.money("70"), .weekly), budgetShownDaily: true)], kind: .nextroll)
        let plan = try Fixture.plan(manifest, live)
        #expect(Set(plan.actions.map(\.id.description)) == ["update nr/campaign/A", "create nr/campaign/B", "resume nr/campaign/B"])
    }
}
