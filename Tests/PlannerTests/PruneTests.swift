import Foundation
import Testing
@testable import Planner

/// `prune: pause`: what no manifest declares is paused, never deleted.
@Suite struct PruneTests {
    static let providers = """
    providers:
      nr: { type: nextroll, advertisable: ADV1, currency: USD, prune: pause }
      nx: { type: nextroll, advertisable: ADV2, currency: USD }

    """

    static func live(_ alias: String, groups: [LiveAdGroup]) -> LiveAccount {
        var account = LiveAccount(alias: alias, kind: .nextroll, account: alias == "nr" ? "ADV1" : "ADV2", currency: Fixture.usd)
        account.campaigns = [
            LiveCampaign(id: "C-\(alias)", name: "Spring", budget: .capped(Fixture.money("70"), .weekly), adGroups: groups),
            LiveCampaign(id: "D-\(alias)", name: "Listed Nowhere", budget: .capped(Fixture.money("70"), .weekly),
                         adGroups: [LiveAdGroup(id: "DG-\(alias)", name: "Kept")]),
        ]
        return account
    }

    /// An ad group taken out of a campaign's `adgroups:` list is paused like a campaign taken out of the
    /// manifests; a campaign that lists no `adgroups:` does not manage them, and without `prune: pause`
    /// nothing is paused.
    @Test func adGroupsLeftOutOfTheirCampaignsListArePaused() throws {
        let groups = [LiveAdGroup(id: "G1", name: "Kept"), LiveAdGroup(id: "G2", name: "Dropped"),
                      LiveAdGroup(id: "G3", name: "Already paused", status: .paused)]
        let manifest = try Fixture.manifest(Self.providers + """
        campaigns:
          - { name: Spring, provider: nr, adgroups: [{ name: Kept }] }
          - { name: Listed Nowhere, provider: nr }
          - { name: Spring, provider: nx, adgroups: [{ name: Kept }] }
          - { name: Listed Nowhere, provider: nx }
        """)
        let plan = try Fixture.plan(manifest, LiveState(accounts: [Self.live("nr", groups: groups), Self.live("nx", groups: groups)]))
        #expect(plan.actions.map(\.id.description) == ["pause nr/campaign/Spring/adgroup/Dropped"])
        let pause = try #require(plan.actions.first)
        #expect(pause.calls.map(\.path) == ["/api/v1/adgroup/pause"])
        #expect(pause.calls.first?.parameter("adgroup") == .resource(.live("G2")))
        #expect(pause.reason?.contains("prune: pause") == true)
        #expect(pause.phase == .lower)
    }
}
