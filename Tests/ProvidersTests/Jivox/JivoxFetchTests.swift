import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("Jivox fetch")
struct JivoxFetchTests {
    @Test func fullFetchEqualsTheModelWithTwoRequestsPerRetailCampaign() async throws {
        try await JivoxTestbed.with { bed in
            let account = try await bed.client.fetch(for: try bed.manifest(indexes: [101, 102, 999]))

            let expected = LiveAccount(alias: JivoxTestbed.alias, kind: .jivox, account: "acc-1", currency: nil, retailCampaigns: [
                // Not activated: the export status is refused, so inactive without exports.
                LiveRetailCampaign(idx: 101, active: false, trackers: [], availableTrackers: ["MOAT"]),
                LiveRetailCampaign(idx: 102, active: true, trackers: ["MOAT"], availableTrackers: ["MOAT"], exports: [
                    LiveExport(format: .png, resolution: 1, status: .completed),
                    LiveExport(format: .png, resolution: 2, status: .notInitiated),
                ]),
                // 999 does not exist: left out, so the plan shows it as blocked.
            ])
            #expect(account == expected)
            #expect(await bed.client.requestCounter.total == 6)
            #expect(bed.logged("GET", "trackers") == 3)
            #expect(bed.logged("GET", "exportAssetStatus") == 3)
            // One unfiltered status request per campaign gives every format.
            #expect(bed.sandbox.requestLog.entries(.jivox, path: "*/exportAssetStatus").allSatisfy { $0.query.isEmpty })
            #expect(bed.sandbox.requestLog.count(.jivox) == 6)
        }
    }

    @Test func onlyTheRetailCampaignsOfThisProviderAreFetched() async throws {
        try await JivoxTestbed.with { bed in
            let manifest = try bed.manifest("""
                providers:
                  \(JivoxTestbed.alias): { type: jivox, account: acc-1 }
                  jivox-other: { type: jivox, account: acc-2 }
                retail_campaigns:
                  - { provider: \(JivoxTestbed.alias), idx: 102 }
                  - { provider: jivox-other, idx: 101 }
                """)
            let account = try await bed.client.fetch(for: manifest)
            #expect(account.retailCampaigns.map(\.idx) == [102])
            #expect(await bed.client.requestCounter.total == 2)
        }
    }

    @Test func aManifestWithoutRetailCampaignsNeedsNoRequest() async throws {
        try await JivoxTestbed.with { bed in
            let account = try await bed.client.fetch(for: try bed.manifest(indexes: []))
            #expect(account == LiveAccount(alias: JivoxTestbed.alias, kind: .jivox, account: "acc-1", currency: nil))
            #expect(await bed.client.requestCounter.total == 0)
        }
    }

    @Test func refusedCredentialsFailTheFetchWithoutShowingTheKey() async throws {
        let configuration = SandboxConfiguration(fixture: .generic, credentials: SandboxCredentials(jivoxAPIKey: "another-jivox-key"))
        try await JivoxTestbed.with(configuration) { bed in
            let manifest = try bed.manifest(indexes: [102])
            let error = await #expect(throws: ProviderError.self) { try await bed.client.fetch(for: manifest) }
            let description = try #require(error).description
            #expect(description.contains(JivoxTestbed.alias))
            #expect(description.contains("HTTP 401"))
            #expect(description.contains("retail campaign 102"))
            #expect(!JivoxTestbed.containsCredential(description))
        }
    }

    @Test func aPassingServerErrorOnAReadIsRetried() async throws {
        let faults = try FaultPlan.parse("503,path=*/trackers,times=1")
        try await JivoxTestbed.with(SandboxConfiguration(fixture: .generic, faults: faults)) { bed in
            let account = try await bed.client.fetch(for: try bed.manifest(indexes: [102]))
            #expect(account.retailCampaign(idx: 102)?.trackers == ["MOAT"])
            #expect(bed.logged("GET", "trackers") == 2)
        }
    }

    @Test func anUnknownExportStatusIsAClearError() throws {
        let body = #"[{"assetExportType": "png", "resolutionsResponse": [{"status": "PAUSED", "url": "", "resolution": 1}]}]"#
        let list = try JSONValueDecoder().decode(JivoxExportStatusList.self, from: Data(body.utf8))
        let problem = #expect(throws: JivoxStatusProblem.self) { try list.liveExports() }
        #expect(problem?.message == "unknown export status \"PAUSED\" for png@1x")
    }

    @Test func exportStatusesAreReadInTheDocumentedShapesAndSpellings() throws {
        let body = #"""
            [{"assetExportType": "png", "resolutionsResponse": [
                {"status": "COMPLETED", "url": "https://x/a.zip", "resolution": 1, "statusMessage": "done"},
                {"status": "FAILED TO_INITIATE", "url": "", "resolution": "2"}]},
             {"assetExportType": "webp", "resolutionsResponse": [{"status": "COMPLETED", "resolution": 1}]},
             {"assetExportType": "MP4", "resolutionsResponse": [{"status": "NOT_INITIATED_", "resolution": 1}]}]
            """#
        let list = try JSONValueDecoder().decode(JivoxExportStatusList.self, from: Data(body.utf8))
        #expect(try list.liveExports() == [
            LiveExport(format: .png, resolution: 1, status: .completed),
            LiveExport(format: .png, resolution: 2, status: .failedToInitiate),
            LiveExport(format: .mp4, resolution: 1, status: .notInitiated),
        ])
    }
}
