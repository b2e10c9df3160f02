import Foundation
import Testing
@testable import Planner

@Suite struct NextRollCallsTests {
    /// adgroup/create takes no `geo_target_worldwide`: a new ad group with no geo targets sends empty
    /// lists (an explicit "none", so it does not copy its siblings'), while adgroup/edit clears them with the flag.
    @Test func emptyGeoTargetsAreEmptyListsOnCreateAndTheWorldwideFlagOnEdit() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - name: A
            provider: nr
            budget: { amount: 10, period: daily }
            adgroups: [{ name: New, geo: { include: [] } }, { name: Old, geo: { include: [] } }]
        """)
        var campaign = LiveCampaign(id: "C", name: "A", budget: .capped(Fixture.money("70"), .weekly), budgetShownDaily: true)
        campaign.adGroups = [LiveAdGroup(id: "G", name: "Old", geo: Selection(include: [GeoTarget(kind: .countryID, value: "19", eid: "GEO19")]))]
        let plan = try Fixture.plan(manifest, Fixture.accounts { $0["nr"]?.campaigns = [campaign] })

        let create = try #require(plan.action(ActionID(.create, ResourceAddress.campaign("nr", "A").adGroup("New"))))
        #expect(create.calls[0].parameter("geo_target_worldwide") == nil)
        #expect(create.calls[0].parameter("geo_targets.include") == .geoTargets([]))
        #expect(create.calls[0].parameter("geo_targets.exclude") == .geoTargets([]))

        let edit = try #require(plan.action(ActionID(.update, ResourceAddress.campaign("nr", "A").adGroup("Old"))))
        #expect(edit.calls[0].parameter("geo_target_worldwide") == .boolean(true))
        #expect(edit.calls[0].parameter("geo_targets.include") == nil)
    }
}
