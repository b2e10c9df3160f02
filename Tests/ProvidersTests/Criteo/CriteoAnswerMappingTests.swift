import Foundation
import Planner
@testable import Providers
import Testing

/// Answers the sandbox does not give but the reference allows: problems that name no item, items the
/// answer leaves out, instances deeper than the item.
@Suite("Criteo answers mapped to actions")
struct CriteoAnswerMappingTests {
    static func items() throws -> ArraySlice<CriteoBulkUpdate.Item> {
        let batch = CriteoBulkUpdate([
            CriteoFixture.update("1", name: "A", [CallParameter("goal", .choice("Retention"))]),
            CriteoFixture.update("2", name: "B", [CallParameter("goal", .choice("Acquisition"))]),
            CriteoFixture.update("3", name: "C", try CriteoFixture.spendLimit("10", .daily)),
        ])
        #expect(batch.refused.isEmpty)
        return batch.items[...]
    }

    static func answer(_ text: String) throws -> JSONValue {
        try JSONParser().parse(text)
    }

    @Test func anItemProblemMayNameAnAttributeInsideTheItem() throws {
        let answer = try Self.answer(#"""
            {"data": [{"type": "Campaign", "id": "1"}, {"type": "Campaign", "id": "2"}],
             "errors": [{"code": "campaign--campaign-update-check--validation-failed-on-spend-limit", "instance": "@data/2/attributes/spendLimit",
                         "title": "Validation failed on spend limit", "detail": "TK"}],
             "warnings": [{"code": "note", "instance": "@data/0", "title": "Noted"}]}
            """#)
        let outcomes = CriteoBulkUpdate.outcomes(of: answer, for: try Self.items(), status: 200, call: "PATCH /x")
        #expect(outcomes[0] == .updated(warning: "note: Noted"))
        #expect(outcomes[1] == .updated(warning: nil))
        guard case .failed(let failure) = outcomes[2] else {
            Issue.record("item 2 should fail")
            return
        }
        #expect(failure.code == "campaign--campaign-update-check--validation-failed-on-spend-limit")
        #expect(failure.message == "campaign 3: Validation failed on spend limit: TK")
        #expect(failure.httpStatus == 200 && failure.call == "PATCH /x")
    }

    @Test func aProblemNamingNoItemFailsTheItemsNotListedAsUpdated() throws {
        let answer = try Self.answer(#"""
            {"data": [{"type": "Campaign", "id": "2"}], "errors": [{"code": "throttled", "title": "Try later"}], "warnings": []}
            """#)
        let outcomes = CriteoBulkUpdate.outcomes(of: answer, for: try Self.items(), status: 200, call: "PATCH /x")
        #expect(outcomes[1] == .updated(warning: nil))
        for index in [0, 2] {
            guard case .failed(let failure) = outcomes[index] else {
                Issue.record("item \(index) should fail")
                continue
            }
            #expect(failure.code == "throttled")
        }
    }

    @Test func anItemTheAnswerDoesNotMentionIsNotTakenAsDone() throws {
        let answer = try Self.answer(#"{"data": [{"type": "Campaign", "id": "1"}, {"type": "Campaign", "id": 3}], "errors": []}"#)
        let outcomes = CriteoBulkUpdate.outcomes(of: answer, for: try Self.items(), status: 200, call: "PATCH /x")
        #expect(outcomes[0] == .updated(warning: nil))
        #expect(outcomes[2] == .updated(warning: nil), "ids may come back as numbers")
        guard case .failed(let failure) = outcomes[1] else {
            Issue.record("item 1 was not reported and must not count as done")
            return
        }
        #expect(failure.message.contains("neither as done nor as failed"))
    }

    @Test func thePayloadHasOneItemPerCampaignWithNestedAttributes() throws {
        let batch = CriteoBulkUpdate([
            CriteoFixture.update("1", name: "A", try CriteoFixture.spendLimit("10.50", .monthly)),
            CriteoFixture.update("1", name: "A", [CallParameter("goal", .choice("Retention"))]),
            CriteoFixture.update("1", name: "A", [CallParameter("goal", .choice("Retention"))]),  // the same value again is harmless
        ])
        #expect(batch.refused.isEmpty)
        #expect(batch.items.map(\.actions) == [[0, 1, 2]])
        #expect(CriteoBulkUpdate.payload(batch.items[...]).serialized(indent: 0) == #"{"data":[{"type":"Campaign","id":"1","attributes":"#
            + #"{"spendLimit":{"spendLimitType":"capped","spendLimitRenewal":"monthly","spendLimitAmount":10.5},"goal":"Retention"}}]}"#)
    }
}
