import Foundation
import Testing
@testable import Sandbox

/// NextRoll, following the CRUD API reference.
@Suite struct NextRollSimulatorTests {
    static let advertisable = "ADVGENERIC000000000001"
    static let activeCampaign = "CAMGENERICACTIVE000001"
    static let pausedCampaign = "CAMGENERICPAUSED000001"
    static let draftCampaign = "CAMGENERICDRAFT0000001"
    static let adGroup = "AGGENERICACTIVE0000001"
    static let now = Date(timeIntervalSince1970: 1_780_272_000)  // 2026-06-01T00:00:00Z

    var configuration: SandboxConfiguration { SandboxConfiguration(fixture: .generic, clock: .fixed(Self.now)) }

    /// A NextRoll call with the apikey parameter and the bearer token; `form` goes in a form body.
    func call(_ endpoints: SandboxEndpoints, _ method: String, _ path: String, _ query: [(String, String)] = [],
              form: [(String, String)]? = nil) async throws -> TestResponse {
        let url = URL.at(endpoints.nextroll, "/api/v1/" + path, query + [("apikey", "client-id")])
        if let form { return try await TestClient().form(method, url, form, headers: ["Authorization": "Bearer token"]) }
        return try await TestClient().send(method, url, headers: ["Authorization": "Bearer token"])
    }

    func eids(_ response: TestResponse) -> [String] {
        response.json?["results"]?.arrayValue?.compactMap { $0["eid"]?.stringValue } ?? []
    }

    @Test func getCampaignsReturnsOnlyActiveCampaignsUnlessAskedOtherwise() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let byDefault = try await call(endpoints, "GET", "advertisable/get_campaigns", [("advertisable", Self.advertisable)])
            #expect(byDefault.status == 200)
            #expect(eids(byDefault) == [Self.activeCampaign])
            let inactive = try await call(endpoints, "GET", "advertisable/get_campaigns_fast", [("advertisable", Self.advertisable), ("is_active", "false")])
            #expect(eids(inactive) == [Self.pausedCampaign, Self.draftCampaign])
            let statuses = try await call(endpoints, "GET", "advertisable/get_campaigns", [("advertisable", Self.advertisable), ("is_active", "False"),
                                                                                         ("statuses", "paused,rejected")])
            #expect(eids(statuses) == [Self.pausedCampaign])
            let repeated = try await call(endpoints, "GET", "advertisable/get_campaigns", [("advertisable", Self.advertisable), ("is_active", "false"),
                                                                                         ("statuses", "draft"), ("statuses", "paused")])
            #expect(eids(repeated) == [Self.pausedCampaign, Self.draftCampaign])
            let blacklist = try await call(endpoints, "GET", "advertisable/get_campaigns", [("advertisable", Self.advertisable), ("is_active", "false"),
                                                                                          ("blacklist_statuses", "draft")])
            #expect(eids(blacklist) == [Self.pausedCampaign])
            let types = try await call(endpoints, "GET", "advertisable/get_campaigns", [("advertisable", Self.advertisable), ("types", "geo")])
            #expect(eids(types) == [])
        }
    }

    @Test func campaignGetIsTheDocumentedRepresentation() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let response = try await call(endpoints, "GET", "campaign/get", [("campaign", Self.activeCampaign)])
            #expect(response.status == 200)
            let campaign = try #require(response.json)
            #expect(campaign.objectValue?.map(\.key) == [
                "adgroups", "advertisable", "bid_strategy", "bid_strategy_target", "billing_auth_status", "budget", "cpc", "cpm", "created_date",
                "eid", "end_date", "is_active", "is_apple", "is_coop", "is_ctv", "is_facebook", "is_fb_wca", "is_fbx_newsfeed", "is_pubgraph",
                "is_retargeting", "max_cpm", "name", "pricing_strategies", "spend_limit_until", "start_date", "status", "ui_budget_daily", "updated_date",
            ])
            #expect(campaign["adgroups"] == .strings([Self.adGroup, "AGGENERICDRAFT00000001"]))
            #expect(campaign["budget"] == .integer(700))
            #expect(campaign["cpc"] == .number(Decimal(string: "1.5")!))
            #expect(campaign["cpm"] == .null)
            #expect(campaign["start_date"] == .string("2026-01-01T00:00:00+00:00"))
            #expect(campaign["end_date"] == .null)
            #expect(campaign["is_active"] == .bool(true))
            #expect(campaign["ui_budget_daily"] == .bool(true))
            let missing = try await call(endpoints, "GET", "campaign/get", [("campaign", "NOPE")])
            #expect(missing.status == 404)
            #expect(missing.json?["errors"]?[0]?["code"] == .string("not_found"))
            #expect(missing.json?["results"] == .null)
        }
    }

    @Test func createCampaignKeepsTheDocumentedDefaults() async throws {
        try await withSandbox(configuration) { sandbox, endpoints in
            let response = try await call(endpoints, "POST", "campaign/create", form: [
                ("advertisable", Self.advertisable), ("budget", "700.00"), ("name", "Spring Sale Retargeting"), ("is_retargeting", "true"),
                ("cpc", "1.20"), ("max_cpm", "8.00"), ("status", "draft"),
            ])
            #expect(response.status == 200)
            let campaign = try #require(response.json?["results"])
            #expect(campaign["budget"] == .integer(700))
            #expect(campaign["cpc"] == .number(Decimal(string: "1.2")!))
            #expect(campaign["ui_budget_daily"] == .bool(true))
            #expect(campaign["status"] == .string("draft"))
            #expect(campaign["is_active"] == .bool(false))
            #expect(campaign["start_date"] == .string("2026-06-02T00:00:00+00:00"))  // tomorrow
            #expect(campaign["end_date"] == .null)
            #expect(campaign["eid"]?.stringValue?.count == 22)
            #expect(sandbox.requestLog.entries.last?.queryValue("apikey") == "REDACTED")

            let plain = try await call(endpoints, "POST", "campaign/create", form: [("advertisable", Self.advertisable), ("budget", "70")])
            #expect(plain.json?["results"]?["status"] == .string("admin_review"))
            #expect(plain.json?["results"]?["is_active"] == .bool(true))
            #expect(plain.json?["results"]?["name"] == .null)
        }
    }

    @Test func createCampaignAcceptsAJSONBody() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let url = URL.at(endpoints.nextroll, "/api/v1/campaign/create", [("apikey", "k")])
            let body = json(#"{"advertisable": "ADVGENERIC000000000001", "budget": 350.35, "ui_budget_daily": false, "start_date": "2026-07-01", "end_date": "2026-08-01", "adgroups": ["AGGENERICDRAFT00000001"]}"#)
            let response = try await TestClient().json("POST", url, body, headers: ["Authorization": "Bearer t"])
            #expect(response.status == 200)
            let campaign = try #require(response.json?["results"])
            #expect(campaign["budget"] == .number(Decimal(string: "350.35")!))
            #expect(campaign["ui_budget_daily"] == .bool(false))
            #expect(campaign["end_date"] == .string("2026-08-01T00:00:00+00:00"))
            #expect(campaign["adgroups"] == .strings(["AGGENERICDRAFT00000001"]))
        }
    }

    @Test(arguments: [
        [("budget", "10")], [("advertisable", Self.advertisable)], [("advertisable", Self.advertisable), ("budget", "-5")],
        [("advertisable", Self.advertisable), ("budget", "ten")], [("advertisable", Self.advertisable), ("budget", "10"), ("status", "approved")],
        [("advertisable", Self.advertisable), ("budget", "10"), ("start_date", "2026-07-01"), ("end_date", "2026-07-01")],
        [("advertisable", Self.advertisable), ("budget", "10"), ("daily_budget", "2")],
        [("advertisable", Self.advertisable), ("budget", "10"), ("is_retargeting", "maybe")],
    ])
    func createCampaignRejectsInvalidParameters(_ form: [(String, String)]) async throws {
        try await withSandbox(configuration) { sandbox, endpoints in
            let response = try await call(endpoints, "POST", "campaign/create", form: form)
            #expect(response.status == 400)
            #expect(response.json?["errors"]?[0]?["code"] == .string("invalid_parameter"))
            #expect(await sandbox.nextroll.exportState()["campaigns"]?.arrayValue?.count == 3)
        }
    }

    /// The reference sets no minimum on the WEEKLY budget; a manifest may ask for 0 (no spend), so the
    /// simulator takes 0 on create and edit and refuses only negative amounts.
    @Test func aZeroBudgetIsTakenOnCreateAndEdit() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let created = try await call(endpoints, "POST", "campaign/create", form: [("advertisable", Self.advertisable), ("budget", "0")])
            #expect(created.status == 200)
            #expect(created.json?["results"]?["budget"] == .integer(0))
            let edited = try await call(endpoints, "POST", "campaign/edit", form: [("campaign", Self.activeCampaign), ("budget", "0.00"),
                                                                                 ("ui_budget_daily", "true")])
            #expect(edited.status == 200)
            #expect(edited.json?["results"]?["budget"]?.decimalValue == 0)
            let negative = try await call(endpoints, "POST", "campaign/edit", form: [("campaign", Self.activeCampaign), ("budget", "-1"),
                                                                                   ("ui_budget_daily", "true")])
            #expect(negative.status == 400)
        }
    }

    @Test func editCampaignNeedsUIBudgetDailyAndCannotChangeMaxCPM() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let missing = try await call(endpoints, "POST", "campaign/edit", form: [("campaign", Self.activeCampaign), ("budget", "840")])
            #expect(missing.status == 400)
            #expect(missing.json?["errors"]?[0]?["message"]?.stringValue?.contains("ui_budget_daily") == true)
            let maxCPM = try await call(endpoints, "POST", "campaign/edit", form: [("campaign", Self.activeCampaign), ("ui_budget_daily", "true"), ("max_cpm", "9")])
            #expect(maxCPM.status == 400)
            let edited = try await call(endpoints, "POST", "campaign/edit", form: [
                ("campaign", Self.activeCampaign), ("ui_budget_daily", "true"), ("budget", "840.00"), ("cpc", "1.25"), ("name", "Always On 2"),
                ("end_date", "2026-12-31"),
            ])
            #expect(edited.status == 200)
            #expect(edited.json?["results"]?["budget"] == .integer(840))
            #expect(edited.json?["results"]?["cpc"] == .number(Decimal(string: "1.25")!))
            #expect(edited.json?["results"]?["name"] == .string("Always On 2"))
            #expect(edited.json?["results"]?["max_cpm"] == .integer(8))
            #expect(edited.json?["results"]?["updated_date"] == .string("2026-06-01T00:00:00+00:00"))
        }
    }

    @Test func pauseAndUnpauseReturnTheNewStatus() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let paused = try await call(endpoints, "PUT", "campaign/pause", form: [("campaign", Self.activeCampaign)])
            #expect(paused.json == json(#"{"results": "paused"}"#))
            let active = try await call(endpoints, "GET", "advertisable/get_campaigns", [("advertisable", Self.advertisable)])
            #expect(eids(active) == [])
            let resumed = try await call(endpoints, "PUT", "campaign/unpause", [("campaign", Self.activeCampaign)])
            #expect(resumed.json == json(#"{"results": "approved"}"#))
            let draft = try await call(endpoints, "PUT", "campaign/unpause", [("campaign", Self.draftCampaign)])
            #expect(draft.json == json(#"{"results": "approved"}"#))
            #expect(try await call(endpoints, "POST", "campaign/pause", [("campaign", Self.activeCampaign)]).status == 405)

            let group = try await call(endpoints, "PUT", "adgroup/pause", [("adgroup", Self.adGroup)])
            #expect(group.json?["results"]?["status"] == .string("paused"))
            let unpaused = try await call(endpoints, "PUT", "adgroup/unpause", [("adgroup", Self.adGroup)])
            #expect(unpaused.json?["results"]?["status"] == .string("approved"))
        }
    }

    @Test func getAdGroupsFiltersByCampaignAndStatusDefaults() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let byDefault = try await call(endpoints, "GET", "advertisable/get_adgroups", [("advertisable", Self.advertisable)])
            #expect(eids(byDefault) == [Self.adGroup])  // the draft adgroup and the paused campaign's adgroup are left out
            let paused = try await call(endpoints, "GET", "advertisable/get_adgroups_fast", [("advertisable", Self.advertisable), ("camp_active", "false")])
            #expect(eids(paused) == ["AGGENERICPAUSED0000001"])
            let drafts = try await call(endpoints, "GET", "advertisable/get_adgroups", [("advertisable", Self.advertisable), ("statuses", "draft,approved")])
            #expect(eids(drafts) == [Self.adGroup, "AGGENERICDRAFT00000001"])
            let byEID = try await call(endpoints, "GET", "advertisable/get_adgroups_fast", [("advertisable", Self.advertisable), ("camp_active", "false"),
                                                                                           ("camp_eids", Self.draftCampaign)])
            #expect(eids(byEID) == [])
            #expect(try await call(endpoints, "GET", "advertisable/get_adgroups", [("advertisable", Self.advertisable), ("camp_eids", "x")]).status == 400)
            let campaignGroups = try await call(endpoints, "GET", "campaign/get_adgroups", [("campaign", Self.activeCampaign)])
            #expect(eids(campaignGroups) == [Self.adGroup, "AGGENERICDRAFT00000001"])
        }
    }

    @Test func adGroupRepresentationCarriesSegmentsGeoAndAds() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let response = try await call(endpoints, "GET", "adgroup/get", [("adgroup", Self.adGroup)])
            let group = try #require(response.json)
            #expect(group["segments"] == json(#"[{"id": "SEGGENERICVISITORS0001", "is_negative": false}, {"id": "SEGGENERICBUYERS000001", "is_negative": true}]"#))
            #expect(group["ads"] == json(#"[{"id": "ADGENERICBANNER0000001", "status": "approved"}, {"id": "ADGENERICBANNER0000002", "status": "approved"}]"#))
            #expect(group["geo_targets"] == json(#"[{"country_id": 19, "eid": "YD2QNVI2GVH4DP4TIO8GEO", "is_negative": false}]"#))
            #expect(group["campaign"] == .string(Self.activeCampaign))
            #expect(group["platform_targets"] == .array([]))
        }
    }

    @Test func createAdGroupWithCommaSeparatedEIDsAndJSONGeoTargets() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let geo = #"[{"country_id":19,"eid":"YD2QNVI2GVH4DP4TIO8GEO","is_negative":false}, {"region_id":"USCA","eid":"FPDT2YVTEZG3LNMQ5Q8GEO","is_negative":true}]"#
            let response = try await call(endpoints, "POST", "adgroup/create", form: [
                ("campaign", Self.pausedCampaign), ("name", "Cart abandoners US"), ("status", "draft"),
                ("ads", "ADGENERICBANNER0000001,ADGENERICBANNER0000002"), ("positive_segments", "SEGGENERICCART00000001"),
                ("negative_segments", "SEGGENERICBUYERS000001, SEGGENERICVISITORS0001"), ("geo_targets", geo),
            ])
            #expect(response.status == 200)
            let group = try #require(response.json?["results"])
            #expect(group["status"] == .string("draft"))
            #expect(group["segments"]?.arrayValue?.map { [$0["id"]?.stringValue ?? "", $0["is_negative"] == .bool(true) ? "-" : "+"] } ==
                    [["SEGGENERICCART00000001", "+"], ["SEGGENERICBUYERS000001", "-"], ["SEGGENERICVISITORS0001", "-"]])
            #expect(group["geo_targets"] == json(geo))
            #expect(group["ads"]?.arrayValue?.count == 2)
        }
    }

    @Test func aNewAdGroupWithoutGeoTargetsCopiesItsSiblings() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let copied = try await call(endpoints, "POST", "adgroup/create", form: [("campaign", Self.activeCampaign), ("name", "Copy")])
            #expect(copied.json?["results"]?["geo_targets"] == json(#"[{"country_id": 19, "eid": "YD2QNVI2GVH4DP4TIO8GEO", "is_negative": false}]"#))
            #expect(copied.json?["results"]?["status"] == .string("approved"))
            let alone = try await call(endpoints, "POST", "adgroup/create", form: [("campaign", Self.draftCampaign), ("name", "Alone")])
            #expect(alone.json?["results"]?["geo_targets"] == .array([]))
        }
    }

    @Test(arguments: [
        [("campaign", Self.activeCampaign), ("geo_targets", "{not json")],
        [("campaign", Self.activeCampaign), ("geo_targets", #"[{"eid": "X"}]"#)],
        [("campaign", Self.activeCampaign), ("geo_targets", #"[{"country_id": 19, "region_id": "US", "eid": "X"}]"#)],
        [("campaign", Self.activeCampaign), ("geo_targets", #"{"country_id": 19}"#)],
        [("campaign", Self.activeCampaign), ("status", "paused")],
        [("campaign", Self.activeCampaign), ("positive_segments", "SEGGENERICCART00000001"), ("negative_segments", "SEGGENERICCART00000001")],
    ])
    func createAdGroupRejectsInvalidParameters(_ form: [(String, String)]) async throws {
        try await withSandbox(configuration) { _, endpoints in
            let response = try await call(endpoints, "POST", "adgroup/create", form: form)
            #expect(response.status == 400)
        }
    }

    @Test func unknownSegmentsAndAdsAre404() async throws {
        try await withSandbox(configuration) { sandbox, endpoints in
            await sandbox.nextroll.provisionAdvertisable(eid: "ADVOTHER")
            await sandbox.nextroll.provisionSegment(eid: "SEGOTHER", advertisable: "ADVOTHER")
            for form in [[("campaign", Self.activeCampaign), ("positive_segments", "SEGNOPE")], [("campaign", Self.activeCampaign), ("ads", "ADNOPE")],
                         [("campaign", Self.activeCampaign), ("positive_segments", "SEGOTHER")], [("campaign", "CAMNOPE")]] {
                let response = try await call(endpoints, "POST", "adgroup/create", form: form)
                #expect(response.status == 404)
            }
        }
    }

    @Test func editAdGroupReplacesSegmentsOfAKindAndGeoTargets() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let edited = try await call(endpoints, "PUT", "adgroup/edit", form: [
                ("adgroup", Self.adGroup), ("positive_segments", "SEGGENERICCART00000001"), ("ads", "ADGENERICFACEBOOK00001"), ("name", "Renamed"),
                ("geo_targets", #"[{"postal_code":"94107","eid":"ZIPEID"}]"#),
            ])
            let group = try #require(edited.json?["results"])
            #expect(group["segments"] == json(#"[{"id": "SEGGENERICCART00000001", "is_negative": false}, {"id": "SEGGENERICBUYERS000001", "is_negative": true}]"#))
            #expect(group["ads"]?.arrayValue?.count == 3)
            #expect(group["geo_targets"] == json(#"[{"postal_code": "94107", "eid": "ZIPEID", "is_negative": false}]"#))
            let worldwide = try await call(endpoints, "PUT", "adgroup/edit", form: [("adgroup", Self.adGroup), ("geo_target_worldwide", "true"), ("status", "paused")])
            #expect(worldwide.json?["results"]?["geo_targets"] == .array([]))
            #expect(worldwide.json?["results"]?["status"] == .string("paused"))
            #expect(try await call(endpoints, "PUT", "adgroup/edit", form: [("adgroup", Self.adGroup), ("status", "draft")]).status == 400)
        }
    }

    @Test func addRemoveSegmentsAndSelectDeselectAds() async throws {
        try await withSandbox(configuration) { sandbox, endpoints in
            let added = try await call(endpoints, "PUT", "adgroup/add_segments", form: [("adgroup", Self.adGroup), ("segments", "SEGGENERICCART00000001"), ("is_negative", "true")])
            #expect(added.json == json(#"{"results": true}"#))
            let removed = try await call(endpoints, "POST", "adgroup/remove_segments", form: [("adgroup", Self.adGroup), ("segments", "SEGGENERICVISITORS0001,SEGGENERICBUYERS000001")])
            #expect(removed.json == json(#"{"results": true}"#))
            let group = try await call(endpoints, "GET", "adgroup/get", [("adgroup", Self.adGroup)])
            #expect(group.json?["segments"] == json(#"[{"id": "SEGGENERICCART00000001", "is_negative": true}]"#))

            let selected = try await call(endpoints, "PUT", "adgroup/select_ads", form: [("adgroup", Self.adGroup), ("ads", "ADGENERICFACEBOOK00001"), ("ads", "ADGENERICPAUSED0000001")])
            #expect(selected.json == json(#"{"comps": [{"ad": "ADGENERICFACEBOOK00001", "sites": [], "errors": []}, {"ad": "ADGENERICPAUSED0000001", "sites": [], "errors": []}]}"#))
            let deselected = try await call(endpoints, "PUT", "adgroup/deselect_ads", form: [("adgroup", Self.adGroup), ("ads", "ADGENERICBANNER0000001")])
            #expect(deselected.json?["results"]?[0]?["ad"] == .string("ADGENERICBANNER0000001"))
            let ads = try await call(endpoints, "GET", "adgroup/get_ads", [("adgroup", Self.adGroup)])
            #expect(eids(ads) == ["ADGENERICBANNER0000002", "ADGENERICFACEBOOK00001"])  // is_active defaults to true
            let inactive = try await call(endpoints, "GET", "adgroup/get_ads", [("adgroup", Self.adGroup), ("is_active", "false")])
            #expect(eids(inactive) == ["ADGENERICPAUSED0000001"])
            #expect(sandbox.requestLog.count(.nextroll, method: "PUT") == 3)
            #expect(try await call(endpoints, "PUT", "adgroup/add_segments", form: [("adgroup", Self.adGroup)]).status == 400)
            #expect(try await call(endpoints, "PUT", "adgroup/remove_segments", form: [("adgroup", Self.adGroup), ("segments", "X")]).status == 405)
        }
    }

    @Test func advertisableAdsFilters() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let all = try await call(endpoints, "GET", "advertisable/get_ads", [("advertisable", Self.advertisable)])
            #expect(eids(all) == ["ADGENERICBANNER0000001", "ADGENERICBANNER0000002", "ADGENERICFACEBOOK00001"])
            let noFacebook = try await call(endpoints, "GET", "advertisable/get_ads_fast", [("advertisable", Self.advertisable), ("include_fb", "false")])
            #expect(eids(noFacebook) == ["ADGENERICBANNER0000001", "ADGENERICBANNER0000002"])
            let sized = try await call(endpoints, "GET", "advertisable/get_ads", [("advertisable", Self.advertisable), ("width", "728"), ("height", "90")])
            #expect(eids(sized) == ["ADGENERICBANNER0000002"])
            let ad = try await call(endpoints, "GET", "ad/get", [("ad", "ADGENERICBANNER0000001")])
            #expect(ad.json?["ad_format"] == .string("300 wide x 250 high"))
            #expect(ad.json?["adgroups"] == .strings([Self.adGroup, "AGGENERICPAUSED0000001"]))
            #expect(try await call(endpoints, "GET", "ad/get", [("ad", "NOPE")]).status == 404)
        }
    }

    @Test func segmentsListGetAndEdit() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let all = try await call(endpoints, "GET", "advertisable/get_segments", [("advertisable", Self.advertisable)])
            #expect(eids(all) == ["SEGGENERICVISITORS0001", "SEGGENERICBUYERS000001", "SEGGENERICCART00000001"])
            #expect(all.json?["pagination"] == json(#"{"count": 3, "pages": 1}"#))
            let page = try await call(endpoints, "GET", "advertisable/get_segments", [("advertisable", Self.advertisable), ("per_page", "2"), ("page", "1")])
            #expect(eids(page) == ["SEGGENERICCART00000001"])
            #expect(page.json?["pagination"] == json(#"{"count": 3, "pages": 2}"#))
            let sorted = try await call(endpoints, "GET", "advertisable/get_segments", [("advertisable", Self.advertisable), ("sort", "rules.duration_sec"), ("type", "c")])
            #expect(eids(sorted) == ["SEGGENERICBUYERS000001"])

            let segment = try await call(endpoints, "GET", "segment/get", [("segment", "SEGGENERICCART00000001"), ("include_int_id", "true")])
            #expect(segment.json?["conversion_value"] == .number(Decimal(string: "12.5")!))
            #expect(segment.json?["duration"] == .integer(14))
            #expect(segment.json?["int_id"]?.intValue != nil)

            let edited = try await call(endpoints, "POST", "segment/edit", form: [("segment", "SEGGENERICCART00000001"), ("conversion_value", "19.99"), ("duration", "30")])
            #expect(edited.json?["results"]?["conversion_value"] == .number(Decimal(string: "19.99")!))
            #expect(edited.json?["results"]?["duration"] == .integer(30))
            let partial = try await call(endpoints, "POST", "segment/edit", form: [("segment", "SEGGENERICCART00000001"), ("duration", "7")])
            #expect(partial.status == 400)
            #expect(try await call(endpoints, "POST", "segment/edit", form: [("segment", "NOPE"), ("conversion_value", "1"), ("duration", "7")]).status == 404)
            let advertisable = try await call(endpoints, "GET", "advertisable/get", [("advertisable", Self.advertisable)])
            #expect(advertisable.json?["name"] == .string("Generic Shop"))
            #expect(advertisable.json?["eid"] == .string(Self.advertisable))
        }
    }

    @Test func requestsWithoutBothCredentialsGet401() async throws {
        let credentials = SandboxCredentials(nextrollAPIKey: "client-id", nextrollToken: "token")
        try await withSandbox(SandboxConfiguration(fixture: .generic, credentials: credentials)) { _, endpoints in
            let client = TestClient()
            let path = "/api/v1/campaign/get"
            let query = [("campaign", Self.activeCampaign)]
            for (url, headers) in [
                (URL.at(endpoints.nextroll, path, query), ["Authorization": "Bearer token"]),
                (URL.at(endpoints.nextroll, path, query + [("apikey", "client-id")]), [:]),
                (URL.at(endpoints.nextroll, path, query + [("apikey", "wrong")]), ["Authorization": "Bearer token"]),
                (URL.at(endpoints.nextroll, path, query + [("apikey", "client-id")]), ["Authorization": "Bearer wrong"]),
            ] {
                let response = try await client.send("GET", url, headers: headers)
                #expect(response.status == 401)
                #expect(response.json?["errors"]?[0]?["code"] == .string("unauthorized"))
            }
            #expect(try await call(endpoints, "GET", "campaign/get", query).status == 200)
        }
    }

    @Test func wrongContentTypesAndBodiesAreRefused() async throws {
        try await withSandbox(configuration) { _, endpoints in
            let client = TestClient()
            let url = URL.at(endpoints.nextroll, "/api/v1/campaign/create", [("apikey", "k")])
            let text = try await client.send("POST", url, headers: ["Authorization": "Bearer t", "Content-Type": "text/plain"], body: Data("budget=1".utf8))
            #expect(text.status == 415)
            let broken = try await client.send("POST", url, headers: ["Authorization": "Bearer t", "Content-Type": "application/json"], body: Data("{".utf8))
            #expect(broken.status == 400)
            let array = try await client.json("POST", url, .array([]), headers: ["Authorization": "Bearer t"])
            #expect(array.status == 400)
            let escape = try await client.send("POST", url, headers: ["Authorization": "Bearer t", "Content-Type": "application/x-www-form-urlencoded"], body: Data("budget=%zz".utf8))
            #expect(escape.status == 400)
            #expect(try await call(endpoints, "GET", "campaign/nope").status == 404)
        }
    }
}
