import Foundation
import Testing
@testable import Sandbox

/// Topsort, following the Get Campaigns and Update Campaign references.
@Suite struct TopsortSimulatorTests {
    static let list = "/v1/campaign-service/campaigns"
    static let write = "/public/v1/campaign-service/campaigns"
    static let autobid = "11111111-1111-4111-8111-111111111111"
    static let manual = "22222222-2222-4222-8222-222222222222"
    static let banner = "33333333-3333-4333-8333-333333333333"
    let auth = ["Authorization": "Bearer key"]
    /// 2026-06-01T00:00:00Z, so dates in the generic fixture are in the past or future as the tests need.
    static let now = Date(timeIntervalSince1970: 1_780_272_000)

    var configuration: SandboxConfiguration { SandboxConfiguration(fixture: .generic, clock: .fixed(Self.now)) }

    func get(_ endpoints: SandboxEndpoints, _ query: [(String, String)] = []) async throws -> TestResponse {
        try await TestClient().send("GET", .at(endpoints.topsort, Self.list, query), headers: auth)
    }

    func patch(_ endpoints: SandboxEndpoints, _ id: String, _ body: String) async throws -> TestResponse {
        try await TestClient().json("PATCH", .at(endpoints.topsort, Self.write + "/" + id), json(body), headers: auth)
    }

    func names(_ response: TestResponse) -> [String] {
        response.json?["campaigns"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }

    @Test func listReturnsTheCampaignModel() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let response = try await get(endpoints, [("vendor_id", "vendor-1"), ("limit", "1")])
            #expect(response.status == 200)
            let campaign = try #require(response.json?["campaigns"]?[0])
            #expect(campaign.objectValue?.map(\.key) == [
                "campaignId", "marketplaceId", "name", "startDate", "endDate", "isActive", "isSmart", "campaignType", "status", "createdAt",
                "chargeType", "externalVendorId", "adFormat", "isAutoTrigger", "vendorId", "walletId", "bidCount", "budget", "statusUpdatedBy",
                "campaignBehaviorData", "campaignBehaviorDataByDay", "exclusivityPrice", "targetRoas", "externalCampaignId", "autobiddingObjective",
                "multiplierConfig", "targetingFilters", "exclusionFilters", "promotionType",
            ])
            #expect(campaign["budget"] == json(#"{"amount": 5000, "amountRemaining": 3800, "amountCarryover": 0, "amountUsed": 1200, "type": "daily"}"#))
            #expect(campaign["targetRoas"] == .number(4))
            #expect(campaign["startDate"] == .string("2026-01-01T00:00:00Z"))
            #expect(campaign["externalVendorId"] == campaign["vendorId"])
            #expect(campaign["campaignBehaviorData"] == .null)
            #expect(response.json?["hasMore"] == .bool(true))
            #expect(response.json?["next"] == json(#"{"limit": 1, "offset": 1}"#))
        }
    }

    @Test func listFiltersPaginatesAndSorts() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let all = try await get(endpoints)
            #expect(names(all) == ["Autobid Listings", "Manual Listings", "Homepage Banner", "Other Vendor Listings"])
            #expect(all.json?["hasMore"] == .bool(false))
            #expect(all.json?["next"] == nil)
            #expect(names(try await get(endpoints, [("vendor_id", "vendor-2")])) == ["Other Vendor Listings"])
            #expect(names(try await get(endpoints, [("vendor_id", "nobody")])) == [])
            #expect(names(try await get(endpoints, [("is_active", "false")])) == ["Manual Listings"])
            #expect(names(try await get(endpoints, [("status", "pending")])) == ["Homepage Banner"])
            #expect(names(try await get(endpoints, [("sort_by_date", "desc"), ("vendor_id", "vendor-1")])) == ["Homepage Banner", "Manual Listings", "Autobid Listings"])
            let page2 = try await get(endpoints, [("offset", "2"), ("limit", "2")])
            #expect(names(page2) == ["Homepage Banner", "Other Vendor Listings"])
            #expect(page2.json?["hasMore"] == .bool(false))
            let page1 = try await get(endpoints, [("offset", "0"), ("limit", "2")])
            #expect(page1.json?["next"] == json(#"{"limit": 2, "offset": 2}"#))
            #expect(names(try await get(endpoints, [("offset", "10")])) == [])
        }
    }

    @Test func pagesOfAHundredByDefault() async throws {
        try await withSandbox(configuration) { sandbox, endpoints in
            let client = TestClient()
            for index in 0..<101 {
                let created = try await client.json("POST", .at(endpoints.topsort, Self.write), json(#"""
                    {"vendorId": "vendor-2", "name": "Bulk \#(index)", "budget": {"amount": 100, "type": "daily"},
                     "startDate": "2026-07-01T00:00:00Z", "endDate": "2026-08-01T00:00:00Z"}
                    """#), headers: auth)
                #expect(created.status == 201)
            }
            let first = try await get(endpoints, [("vendor_id", "vendor-2")])
            #expect(first.json?["campaigns"]?.arrayValue?.count == 100)
            #expect(first.json?["next"] == json(#"{"limit": 100, "offset": 100}"#))
            let second = try await get(endpoints, [("vendor_id", "vendor-2"), ("offset", "100")])
            #expect(second.json?["campaigns"]?.arrayValue?.count == 2)
            #expect(second.json?["hasMore"] == .bool(false))
            #expect(sandbox.requestLog.count(.topsort, method: "GET") == 2)
        }
    }

    @Test(arguments: [[("limit", "101")], [("limit", "0")], [("offset", "-1")], [("status", "live")], [("is_active", "yes")],
                      [("sort_by_date", "up")], [("vendor_id", "")], [("vendorId", "vendor-1")], [("limit", "ten")]])
    func listRejectsInvalidQueries(_ query: [(String, String)]) async throws {
        try await withSandbox(configuration) { _, endpoints in
            let response = try await get(endpoints, query)
            #expect(response.status == 422)
            #expect(response.json?["errCode"] == .string("invalid_request"))
            #expect(response.json?["docUrl"] != nil)
        }
    }

    @Test func unauthenticatedCallsGet401() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic, credentials: SandboxCredentials(topsortAPIKey: "right"))) { _, endpoints in
            let client = TestClient()
            for headers in [[:], ["Authorization": "Bearer wrong"], ["Authorization": "Basic right"], ["Authorization": "Bearer "]] {
                let response = try await client.send("GET", .at(endpoints.topsort, Self.list), headers: headers)
                #expect(response.status == 401)
                #expect(response.json?["errCode"] == .string("unauthorized"))
            }
            #expect(try await client.send("GET", .at(endpoints.topsort, Self.list), headers: ["Authorization": "Bearer right"]).status == 200)
        }
    }

    @Test func patchUpdatesAndAnswersTheCampaign() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let response = try await patch(endpoints, Self.autobid, #"""
                {"name": "Bola-Bola Ad campaign", "budget": {"amount": 7500, "type": "weekly"}, "targetRoas": 10.25,
                 "autobiddingObjective": "revenue", "chargeType": "CPM", "isActive": false, "externalCampaignId": "bola-2026",
                 "endDate": "2027-06-01T00:00:00Z",
                 "exclusionFilters": {"isActive": true, "exclusionFilters": [{"type": "segment", "segmentId": 456}]},
                 "multiplierConfig": {"isActive": true, "multipliers": [{"type": "segment", "segmentId": 123, "multiplier": 2}]}}
                """#)
            #expect(response.status == 200)
            let campaign = try #require(response.json)
            #expect(campaign["name"] == .string("Bola-Bola Ad campaign"))
            #expect(campaign["budget"] == json(#"{"amount": 7500, "amountRemaining": 6300, "amountCarryover": 0, "amountUsed": 1200, "type": "weekly"}"#))
            #expect(campaign["targetRoas"] == .number(Decimal(string: "10.25")!))
            #expect(campaign["isActive"] == .bool(false))
            #expect(campaign["exclusionFilters"]?["exclusionFilters"]?[0]?["segmentId"] == .integer(456))
            #expect(campaign["targetingFilters"]?["targetingFilters"]?[0]?["segmentId"] == .integer(123))
            #expect(campaign["endDate"] == .string("2027-06-01T00:00:00Z"))
            let listed = try await get(endpoints, [("vendor_id", "vendor-1"), ("is_active", "false")])
            #expect(listed.json?["campaigns"]?.arrayValue?.contains { $0 == campaign } == true)
        }
    }

    @Test func aStartDateInThePastBecomesNow() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let response = try await patch(endpoints, Self.manual, #"{"startDate": "2026-02-01T00:00:00Z"}"#)
            #expect(response.json?["startDate"] == .string("2026-06-01T00:00:00Z"))
            let future = try await patch(endpoints, Self.manual, #"{"startDate": "2026-07-01T00:00:00Z"}"#)
            #expect(future.json?["startDate"] == .string("2026-07-01T00:00:00Z"))
        }
    }

    @Test(arguments: [
        (#"{"targetRoas": 0.49}"#, "targetRoas"), (#"{"targetRoas": 20.01}"#, "targetRoas"),
        (#"{"campaignType": "manual"}"#, "campaignType"), (#"{"budget": {"amount": 2000000000}}"#, "budget.amount"),
        (#"{"budget": {"amount": 12.5}}"#, "budget.amount"), (#"{"budget": {"amount": -1}}"#, "budget.amount"),
        (#"{"budget": {"type": "yearly"}}"#, "budget.type"), (#"{"budget": {"amount": "100"}}"#, "budget.amount"),
        (#"{"endDate": "2025-01-01T00:00:00Z"}"#, "endDate"), (#"{"endDate": "next week"}"#, "endDate"),
        (#"{"chargeType": "CPX"}"#, "chargeType"), (#"{"status": "live"}"#, "status"), (#"{"name": ""}"#, "name"),
        (#"{"autobiddingObjective": "fame"}"#, "autobiddingObjective"), (#"{"statusUpdatedBy": "me"}"#, "statusUpdatedBy"),
        (#"{"productIds": ["p1"]}"#, "productIds"), (#"{"isActive": "yes"}"#, "isActive"), (#"{"vendorId": "vendor-2"}"#, "vendorId"),
        (#"{"targetingFilters": {"isActive": true, "targetingFilters": [{"segmentId": "x"}]}}"#, "targetingFilters"),
        (#"{"externalId": "x"}"#, "externalId"),
    ])
    func patchRejectsOutOfRangeValues(_ body: String, _ field: String) async throws {
        try await withSandbox(configuration) { sandbox, endpoints in
            let before = await sandbox.topsort.exportState()
            let response = try await patch(endpoints, Self.autobid, body)
            #expect(response.status == 422)
            #expect(response.json?["message"]?.stringValue?.contains(field) == true)
            #expect(await sandbox.topsort.exportState() == before)
        }
    }

    @Test func targetRoasAndObjectiveNeedAutobidding() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let rejected = try await patch(endpoints, Self.manual, #"{"targetRoas": 4}"#)
            #expect(rejected.status == 422)
            #expect(rejected.json?["message"]?.stringValue?.contains("autobidding") == true)
            let switched = try await patch(endpoints, Self.manual, #"{"campaignType": "autobidding", "targetRoas": 4, "autobiddingObjective": "clicks"}"#)
            #expect(switched.status == 200)
            #expect(switched.json?["campaignType"] == .string("autobidding"))
            let banner = try await patch(endpoints, Self.banner, #"{"productIds": ["sku-1", "sku-2"], "status": "approved"}"#)
            #expect(banner.status == 200)
        }
    }

    @Test func unknownAndMalformedCampaignIds() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let unknown = try await patch(endpoints, "99999999-9999-4999-8999-999999999999", #"{"name": "x"}"#)
            #expect(unknown.status == 404)
            #expect(unknown.json?["errCode"] == .string("not_found"))
            #expect(try await patch(endpoints, "not-a-uuid", #"{"name": "x"}"#).status == 422)
            let client = TestClient()
            let url = URL.at(endpoints.topsort, Self.write + "/" + Self.autobid)
            let broken = try await client.send("PATCH", url, headers: auth.merging(["Content-Type": "application/json"]) { $1 }, body: Data("{".utf8))
            #expect(broken.status == 400)
            #expect(broken.json?["errCode"] == .string("bad_request"))
            let form = try await client.send("PATCH", url, headers: auth.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 }, body: Data("name=x".utf8))
            #expect(form.status == 415)
            let array = try await client.json("PATCH", url, .array([]), headers: auth)
            #expect(array.status == 422)
            let delete = try await client.send("DELETE", url, headers: auth)
            #expect(delete.status == 405)
        }
    }

    @Test func createFollowsTheUpdateSchema() async throws {
        try await withSandbox(configuration) { sandbox, endpoints in
            let client = TestClient()
            let body = json(#"""
                {"vendorId": "vendor-1", "name": "Weekend Flash Deals", "externalCampaignId": "weekend-flash", "isActive": false,
                 "campaignType": "manual", "chargeType": "CPM", "budget": {"amount": 30000, "type": "weekly"},
                 "startDate": "2026-07-01T00:00:00Z", "endDate": "2026-09-01T00:00:00Z"}
                """#)
            let response = try await client.json("POST", .at(endpoints.topsort, Self.write), body, headers: auth)
            #expect(response.status == 201)
            let campaign = try #require(response.json)
            #expect(campaign["campaignId"]?.stringValue.map(TopsortSimulator.isUUID) == true)
            #expect(campaign["marketplaceId"] == .string("3c90c3cc-0d44-4b50-8888-8dd25736052a"))
            #expect(campaign["walletId"] == .string("9a1f2b3c-4d5e-4f60-8a7b-1c2d3e4f5a6b"))
            #expect(campaign["adFormat"] == .string("listing"))
            #expect(campaign["status"] == .string("approved"))
            #expect(campaign["budget"]?["amountRemaining"] == .integer(30000))
            #expect(campaign["createdAt"] == .string("2026-06-01T00:00:00Z"))
            #expect(sandbox.requestLog.entries.last?.bodyJSON == body)

            let duplicate = try await client.json("POST", .at(endpoints.topsort, Self.write), body, headers: auth)
            #expect(duplicate.status == 409)
            let other = try #require(campaign["campaignId"]?.stringValue)
            #expect(try await patch(endpoints, Self.autobid, #"{"externalCampaignId": "weekend-flash"}"#).status == 409)
            #expect(try await patch(endpoints, other, #"{"externalCampaignId": "weekend-flash"}"#).status == 200)

            let missing = try await client.json("POST", .at(endpoints.topsort, Self.write), json(#"{"vendorId": "nobody"}"#), headers: auth)
            #expect(missing.status == 422)
            for field in ["vendorId", "name", "budget"] {
                #expect(missing.json?["message"]?.stringValue?.contains(field) == true)
            }
            // Dates may be left out: the campaign starts now and has no end (`endDate: null`).
            let undated = try await client.json("POST", .at(endpoints.topsort, Self.write),
                                                json(#"{"vendorId": "vendor-1", "name": "Undated", "budget": {"type": "daily", "amount": 1000}}"#),
                                                headers: auth)
            #expect(undated.status == 201)
            #expect(undated.json?["startDate"] == .string("2026-06-01T00:00:00Z"))
            #expect(undated.json?["endDate"] == .null)
        }
    }
}
