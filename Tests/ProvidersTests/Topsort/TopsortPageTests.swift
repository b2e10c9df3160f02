import Foundation
import Planner
@testable import Providers
import Testing

/// Page answers the sandbox does not give but the reference allows.
@Suite("Topsort pages")
struct TopsortPageTests {
    let reader = TopsortCampaignReader(currency: TopsortFixture.dollar, call: "GET /v1/campaign-service/campaigns")

    @Test func withoutANextObjectTheNextPageStartsAfterThisOne() throws {
        let one = try JSONParser().parse(#"""
            {"campaigns": [{"campaignId": "c1", "name": "A", "isActive": true, "budget": null}], "hasMore": true}
            """#)
        #expect(try reader.page(one, offset: 100).nextOffset == 101)
    }

    @Test func aNextPageThatDoesNotMoveOnIsAnErrorNotALoop() throws {
        let stuck = try JSONParser().parse(#"{"campaigns": [], "hasMore": true, "next": {"limit": 100, "offset": 0}}"#)
        #expect(throws: APIError.self) { try reader.page(stuck, offset: 0) }
        let empty = try JSONParser().parse(#"{"campaigns": [], "hasMore": true}"#)
        #expect(throws: APIError.self) { try reader.page(empty, offset: 200) }
    }

    @Test func unknownValuesAreErrorsNamingTheCampaign() throws {
        let body = try JSONParser().parse(#"""
            {"campaigns": [{"campaignId": "c1", "name": "A", "isActive": true, "budget": {"amount": 5, "type": "yearly"}}], "hasMore": false}
            """#)
        let error = try #require(#expect(throws: APIError.self) { try reader.page(body, offset: 0) })
        #expect(error.description.contains("campaign c1"))
        #expect(error.description.contains("yearly"))
    }
}
