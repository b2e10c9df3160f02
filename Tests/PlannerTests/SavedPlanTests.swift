import Foundation
import Testing
@testable import Planner

@Suite struct SavedPlanTests {
    @Test func aSavedPlanReadsBackToTheSameDocument() throws {
        let plan = try Showcase.plan()
        let text = try plan.jsonText()
        let loaded = try Plan(json: Data(text.utf8), file: "plan.json")
        #expect(try loaded.jsonText() == text)
        #expect(loaded.actions.map(\.id) == plan.actions.map(\.id))
        #expect(loaded.actions.map(\.calls) == plan.actions.map(\.calls))
        #expect(loaded.fingerprints == plan.fingerprints)
        #expect(loaded.validationProblems.isEmpty)
    }

    @Test func thePlanHoldsCredentialReferencesOnly() throws {
        let plan = try Showcase.plan()
        #expect(plan.providers.allSatisfy { $0.credentials.values.allSatisfy { $0.hasPrefix("env:") } })
        #expect(try plan.jsonText().contains(#""api_key": "env:NEXTROLL_API_KEY""#))
    }

    static func edited(_ change: (inout [String: JSONValue]) -> Void) throws -> Data {
        guard case .object(let members) = try JSONParser().parse(try Showcase.plan().jsonText()) else { throw CancellationError() }
        var fields = Dictionary(uniqueKeysWithValues: members)
        change(&fields)
        return Data(JSONValue.object(members.map { ($0.0, fields[$0.0] ?? .null) }).serialized().utf8)
    }

    @Test func tamperedPlansAreRefused() throws {
        let reversed = try Self.edited { fields in
            if case .array(let actions)? = fields["actions"] { fields["actions"] = .array(actions.reversed()) }
        }
        #expect {
            try Plan(json: reversed, file: "plan.json")
        } throws: { error in
            (error as? PlanFileError)?.message.contains("comes before its dependency") == true
        }
        let noFingerprints = try Self.edited { $0["fingerprints"] = .array([]) }
        #expect {
            try Plan(json: noFingerprints, file: "plan.json")
        } throws: { error in
            (error as? PlanFileError)?.message.contains("has no fingerprint of the live state") == true
        }
        let future = try Self.edited { $0["format_version"] = .integer(2) }
        #expect {
            try Plan(json: future, file: "plan.json")
        } throws: { error in
            (error as? PlanFileError)?.message == "format_version: plan format_version 2 is not supported; this reconcile reads version 1"
        }
        #expect(throws: PlanFileError.self) { try Plan(json: Data("{".utf8), file: "plan.json") }
    }

    /// The tags CSV on the local disk is not the account's state: `apply plan.json` re-reads the
    /// accounts only, so a plan made while the file was there is not stale for it.
    @Test func theLocalTagsFileIsNotDrift() throws {
        var live = try Showcase.live()
        live["jx"]?.retailCampaigns[0].tagsFile = "out/tags/Campaign_tags.csv"
        let plan = try Fixture.plan(try Showcase.manifest(), live)
        #expect(plan.fingerprints.contains { $0.resource == .retailCampaign })
        #expect(plan.drift(against: try Showcase.live()).isEmpty)
        var deactivated = live
        deactivated["jx"]?.retailCampaigns[0].trackers = ["IAS"]
        #expect(plan.drift(against: deactivated).map(\.address.description) == ["jx/retail_campaign/5373"])
    }

    @Test func driftListsEachChangedGoneOrTakenResource() throws {
        let plan = try Showcase.plan()
        let live = try Showcase.live()
        #expect(plan.drift(against: live).isEmpty)

        var moved = live
        // Spring's budget changed, Winter is gone, a campaign named Summer (which the plan creates) appeared,
        // an ad group changed, and Bola (not in the plan) changed.
        moved["nr"]?.campaigns[0].budget = .capped(Fixture.money("350"), .weekly)
        moved["nr"]?.campaigns[0].adGroups[0].ads = ["AD7"]
        moved["nr"]?.campaigns.removeAll { $0.id == "C3" }
        moved["nr"]?.campaigns.append(LiveCampaign(id: "C9", name: "Summer", status: .paused))
        moved["ts"]?.campaigns[0].budget = .capped(Fixture.money("31"), .daily)
        let drift = plan.drift(against: moved)
        #expect(drift.map(\.description) == [
            "nr/campaign/Spring: campaign C1 changed since the plan was made",
            "nr/campaign/Spring/adgroup/Cart: ad group G1 changed since the plan was made",
            "nr/campaign/Summer: the plan creates it, but campaign C9 now exists with that identity",
            "nr/campaign/Winter: campaign C3 no longer exists",
        ])
    }

    @Test func spendingAndFinishingExportsAreNotDrift() throws {
        var live = try Showcase.live()
        live["ts"]?.campaigns[1].lifetimeSpent = 2
        live["ts"]?.campaigns[1].platformStatus = "approved"
        live["jx"]?.retailCampaigns[0].exports = [LiveExport(format: .png, resolution: 2, status: .processing)]
        let plan = try Fixture.plan(try Showcase.manifest(), live)
        var later = live
        later["ts"]?.campaigns[1].lifetimeSpent = 3
        later["ts"]?.campaigns[1].budget = .capped(Fixture.money("5.0000000001"), .lifetime)
        later["jx"]?.retailCampaigns[0].exports = [LiveExport(format: .png, resolution: 2, status: .completed)]
        #expect(plan.drift(against: later).isEmpty)
        later["ts"] = nil
        #expect(plan.drift(against: later).map(\.reason) == ["provider `ts` was not fetched"])
    }
}
