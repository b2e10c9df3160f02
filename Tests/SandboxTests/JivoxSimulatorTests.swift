import Foundation
import Testing
@testable import Sandbox

/// Jivox, following the Export - Tag Generation reference.
@Suite struct JivoxSimulatorTests {
    let auth = ["Authorization": "Bearer key"]

    func url(_ endpoints: SandboxEndpoints, _ idx: Int, _ action: String, account: String = "acc-1", _ query: [(String, String)] = []) -> URL {
        .at(endpoints.jivox, "/v2/accounts/\(account)/retail-campaigns/\(idx)/\(action)", query)
    }

    func post(_ endpoints: SandboxEndpoints, _ idx: Int, _ action: String, _ body: String) async throws -> TestResponse {
        try await TestClient().json("POST", url(endpoints, idx, action), json(body), headers: auth)
    }

    func get(_ endpoints: SandboxEndpoints, _ idx: Int, _ action: String, _ query: [(String, String)] = []) async throws -> TestResponse {
        try await TestClient().send("GET", url(endpoints, idx, action, query), headers: auth)
    }

    /// The statuses of one format's resolutions in an exportAssetStatus answer.
    func statuses(_ response: TestResponse, _ format: String) -> [Int: String] {
        let entry = response.json?.arrayValue?.first { $0["assetExportType"] == .string(format) }
        var result: [Int: String] = [:]
        for item in entry?["resolutionsResponse"]?.arrayValue ?? [] {
            if let resolution = item["resolution"]?.intValue { result[resolution] = item["status"]?.stringValue }
        }
        return result
    }

    @Test func activationSelectsTrackersAndReturnsAnExecutionId() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { sandbox, endpoints in
            let before = try await get(endpoints, 101, "trackers")
            #expect(before.json == json(#"{"trackerTypes": ["MOAT"], "trackersSelected": []}"#))
            let activation = try await post(endpoints, 101, "activate", #"{"trackerTypes": ["MOAT"]}"#)
            #expect(activation.status == 200)
            #expect(activation.json?["message"] == .string("Tags are getting generated and email will be sent shortly."))
            #expect(activation.json?["executionId"] == .integer(70_001))
            #expect(try await get(endpoints, 101, "trackers").json == json(#"{"trackerTypes": ["MOAT"], "trackersSelected": ["MOAT"]}"#))
            #expect(await sandbox.jivox.campaignStatus(account: "acc-1", idx: 101) == "ACTIVE")
            let again = try await post(endpoints, 101, "activate", #"{"trackerTypes": []}"#)
            #expect(again.json?["executionId"] == .integer(70_002))
            #expect(try await get(endpoints, 101, "trackers").json?["trackersSelected"] == .array([]))
        }
    }

    @Test(arguments: [#"{"trackerTypes": ["IAS"]}"#, #"{}"#, #"{"trackerTypes": "MOAT"}"#, #"{"trackers": ["MOAT"]}"#])
    func activationRejectsBadTrackers(_ body: String) async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { sandbox, endpoints in
            let response = try await post(endpoints, 101, "activate", body)
            #expect(response.status == 400)
            #expect(response.json?["status"] == .integer(400))
            #expect(response.json?["error"] == .string("Bad Request"))
            #expect(response.json?["path"] == .string("/v2/accounts/acc-1/retail-campaigns/101/activate"))
            #expect(await sandbox.jivox.campaignStatus(account: "acc-1", idx: 101) == "DRAFT")
        }
    }

    @Test func exportsNeedAnActiveCampaign() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let export = try await post(endpoints, 101, "exportAssets", #"{"assetExportType": "png", "resolution": "1"}"#)
            #expect(export.status == 400)
            #expect(export.json?["message"]?.stringValue?.contains("not active") == true)
            #expect(try await get(endpoints, 101, "exportAssetStatus").status == 400)
            #expect(try await get(endpoints, 101, "download-tags").status == 400)
        }
    }

    @Test func exportLifecycleAdvancesOnEachPoll() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { sandbox, endpoints in
            let started = try await post(endpoints, 102, "exportAssets", #"{"assetExportType": "png", "resolution": "2"}"#)
            #expect(started.status == 200)
            #expect(started.json?["status"] == .string("INITIATED"))
            #expect(started.json?["queueId"]?.stringValue?.isEmpty == false)
            #expect(started.json?["message"] != nil)
            let again = try await post(endpoints, 102, "exportAssets", #"{"assetExportType": "png", "resolution": "2"}"#)
            #expect(again.json?["queueId"] == started.json?["queueId"])

            let first = try await get(endpoints, 102, "exportAssetStatus")
            #expect(statuses(first, "png") == [1: "COMPLETED", 2: "PROCESSING"])
            let second = try await get(endpoints, 102, "exportAssetStatus", [("assetExportType", "png"), ("resolution", "2")])
            #expect(second.json?.arrayValue?.count == 1)
            let entry = try #require(second.json?[0]?["resolutionsResponse"]?[0])
            #expect(entry == json(#"{"status": "COMPLETED", "url": "https://exports.jivox.sandbox.invalid/acc-1/campaign_102_png_2x.zip", "resolution": 2, "statusMessage": "Export completed successfully"}"#))
            #expect(sandbox.requestLog.count(.jivox, method: "GET", path: "*/exportAssetStatus") == 2)
        }
    }

    @Test func exportsCanBeMadeSlowerOrToFail() async throws {
        let configuration = SandboxConfiguration(fixture: .generic, jivoxExports: JivoxExportLifecycle(pollsPerStep: 2, failingExports: ["mp4"]))
        try await withSandbox(configuration) { sandbox, endpoints in
            _ = try await post(endpoints, 102, "exportAssets", #"{"assetExportType": "mp4", "resolution": "1"}"#)
            var seen: [String] = []
            for _ in 0..<4 { seen.append(statuses(try await get(endpoints, 102, "exportAssetStatus"), "mp4")[1] ?? "") }
            #expect(seen == ["INITIATED", "PROCESSING", "PROCESSING", "FAILED"])
            let failed = try await get(endpoints, 102, "exportAssetStatus", [("assetExportType", "mp4")])
            #expect(failed.json?[0]?["resolutionsResponse"]?[0]?["url"] == .string(""))
            await sandbox.jivox.setExportLifecycle(JivoxExportLifecycle())
            _ = try await post(endpoints, 102, "exportAssets", #"{"assetExportType": "mp4", "resolution": "1"}"#)
            _ = try await get(endpoints, 102, "exportAssetStatus")
            #expect(statuses(try await get(endpoints, 102, "exportAssetStatus"), "mp4") == [1: "COMPLETED"])
        }
    }

    @Test func theExportFailureFaultIsDeterministic() async throws {
        let plan = try FaultPlan.parse("jivox-export-fail,path=*/exportAssets")
        try await withSandbox(SandboxConfiguration(fixture: .generic, faults: plan)) { _, endpoints in
            _ = try await post(endpoints, 102, "exportAssets", #"{"assetExportType": "gif", "resolution": "1"}"#)
            _ = try await get(endpoints, 102, "exportAssetStatus")
            #expect(statuses(try await get(endpoints, 102, "exportAssetStatus"), "gif")[1] == "FAILED")
        }
    }

    @Test(arguments: [
        #"{"assetExportType": "mp4", "resolution": "2"}"#, #"{"assetExportType": "tiff", "resolution": "2"}"#,
        #"{"assetExportType": "bmp", "resolution": "1"}"#, #"{"assetExportType": "png", "resolution": 1}"#,
        #"{"assetExportType": "png", "resolution": "3"}"#, #"{"assetExportType": "png"}"#, #"{"resolution": "1"}"#,
    ])
    func exportRejectsInvalidFormatsAndResolutions(_ body: String) async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let response = try await post(endpoints, 102, "exportAssets", body)
            #expect(response.status == 400)
        }
    }

    @Test func statusOfPreviewsAndUnstartedFormats() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let all = try await get(endpoints, 102, "exportAssetStatus")
            #expect(all.json?.arrayValue?.count == 1)
            #expect(statuses(all, "png") == [1: "COMPLETED", 2: "NOT_INITIATED"])
            #expect(statuses(try await get(endpoints, 102, "exportAssetStatus", [("assetExportType", "tiff")]), "tiff") == [1: "NOT_INITIATED"])
            let preview = try await get(endpoints, 102, "exportAssetStatus", [("isPreviewExport", "true")])
            #expect(preview.json == .array([]))
            #expect(try await get(endpoints, 102, "exportAssetStatus", [("resolution", "3")]).status == 400)
            #expect(try await get(endpoints, 102, "exportAssetStatus", [("format", "png")]).status == 400)
        }
    }

    @Test func tagsDownloadAsACSVAttachment() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let response = try await get(endpoints, 102, "download-tags")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/x-download")
            #expect(response.header("Content-Disposition") == "attachment; filename=Summer Retail_tags.csv")
            let lines = response.text.split(separator: "\r\n")
            #expect(lines.first == "Ad Unit ID,Ad Unit Name,Size,Trackers,Tag")
            #expect(lines.count == 3)
            #expect(lines[1].hasPrefix(#"102-1,Medium Rectangle,300x250,MOAT,"<script src=""https://"#))
        }
    }

    @Test func unknownAccountsCampaignsAndCredentials() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic, credentials: SandboxCredentials(jivoxAPIKey: "key"))) { _, endpoints in
            let client = TestClient()
            let account = try await client.send("GET", url(endpoints, 102, "trackers", account: "acc-9"), headers: auth)
            #expect(account.status == 404)
            #expect(account.json?["error"] == .string("Not Found"))
            #expect(try await get(endpoints, 999, "trackers").status == 404)
            let bad = try await client.send("GET", .at(endpoints.jivox, "/v2/accounts/acc-1/retail-campaigns/abc/trackers"), headers: auth)
            #expect(bad.status == 400)
            let anonymous = try await client.send("GET", url(endpoints, 102, "trackers"))
            #expect(anonymous.status == 401)
            #expect(anonymous.json?["status"] == .integer(401))
            let wrong = try await client.send("GET", url(endpoints, 102, "trackers"), headers: ["Authorization": "Bearer other"])
            #expect(wrong.status == 401)
            let method = try await client.send("GET", url(endpoints, 102, "activate"), headers: auth)
            #expect(method.status == 405)
        }
    }
}
