import Foundation
@testable import Planner
@testable import Providers
import Sandbox
import Testing

@Suite("Jivox apply")
struct JivoxApplyTests {
    static let fullManifest = """
        providers:
          \(JivoxTestbed.alias): { type: jivox, account: acc-1 }
        retail_campaigns:
          - provider: \(JivoxTestbed.alias)
            idx: 101
            trackers: [MOAT]
            exports: [{ format: png, resolution: 2 }, { format: mp4 }]
            tags: out/tags
          - provider: \(JivoxTestbed.alias)
            idx: 102
            exports: [{ format: png }]
            tags: tags-102
        """

    /// A plan action that runs `calls` on retail campaign `idx`, as the planner makes them.
    static func action(_ kind: ActionKind, idx: Int, calls: [ProviderCall]) -> PlanAction {
        PlanAction(kind: kind, address: .retailCampaign(JivoxTestbed.alias, idx), provider: JivoxTestbed.alias, providerKind: .jivox,
                   resource: .retailCampaign, target: .live(String(idx)), phase: .serve, calls: calls)
    }

    static func failure(_ execution: ActionExecution?) -> ActionFailure? {
        if case .failed(let failure)? = execution?.result { return failure }
        return nil
    }

    @Test func applyConvergesAndSavesTheTagsCSV() async throws {
        let configuration = SandboxConfiguration(fixture: .generic, credentials: SandboxCredentials(jivoxAPIKey: SandboxHarness.environment["JIVOX_API_KEY"]))
        try await JivoxTestbed.with(configuration) { bed in
            let manifest = try bed.manifest(Self.fullManifest)
            let plan = try await bed.plan(manifest)
            #expect(plan.actions.map { "\($0.kind) \($0.address)" }.sorted() == [
                "activate jivox-main/retail_campaign/101",
                "download jivox-main/retail_campaign/101/tags",
                "download jivox-main/retail_campaign/102/tags",
                "export jivox-main/retail_campaign/101/export/mp4@1x",
                "export jivox-main/retail_campaign/101/export/png@2x",
            ])
            #expect(plan.blocked.isEmpty)
            bed.sandbox.requestLog.clear()

            let apply = await SequentialApply.run(plan, on: bed.client)

            #expect(apply.failures.isEmpty)
            #expect(apply.executions.count == 5)
            // Exports advance one step per status request: INITIATED -> PROCESSING -> COMPLETED.
            #expect(bed.logged("POST", "activate") == 1)
            #expect(bed.logged("POST", "exportAssets") == 2)
            #expect(bed.logged("GET", "exportAssetStatus") == 4)
            #expect(bed.logged("GET", "download-tags") == 2)
            #expect(bed.sandbox.requestLog.count(.jivox) == 9)
            #expect(apply.executions.flatMap(\.calls).count == 9)
            #expect(await bed.sandbox.jivox.campaignStatus(account: "acc-1", idx: 101) == "ACTIVE")
            let activation = try #require(bed.sandbox.requestLog.entries(.jivox, path: "*/activate").first)
            #expect(activation.bodyJSON == .object([("trackerTypes", .strings(["MOAT"]))]))
            let exports = bed.sandbox.requestLog.entries(.jivox, path: "*/exportAssets").compactMap(\.bodyJSON)
            #expect(exports.count == 2)
            #expect(exports.contains(.object([("assetExportType", .string("png")), ("resolution", .string("2"))])))
            #expect(exports.contains(.object([("assetExportType", .string("mp4")), ("resolution", .string("1"))])))

            let tags101 = bed.folder.appendingPathComponent("out/tags")
            #expect(try FileManager.default.contentsOfDirectory(atPath: tags101.path) == ["Spring Retail_tags.csv"])
            let csv = try String(contentsOf: tags101.appendingPathComponent("Spring Retail_tags.csv"), encoding: .utf8)
            let lines = csv.split(separator: "\r\n")
            #expect(lines.first == "Ad Unit ID,Ad Unit Name,Size,Trackers,Tag")
            #expect(lines.count == 3)
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("101-") && $0.contains(",MOAT,") })
            let tags102 = bed.folder.appendingPathComponent("tags-102")
            #expect(try FileManager.default.contentsOfDirectory(atPath: tags102.path) == ["Summer Retail_tags.csv"])

            bed.sandbox.requestLog.clear()
            let again = try await bed.plan(manifest)
            #expect(again.actions.isEmpty)
            #expect(again.blocked.isEmpty)
            // A no-op plan costs the two reads per retail campaign and nothing else.
            #expect(bed.sandbox.requestLog.count(.jivox) == 4)
            #expect(await SequentialApply.run(again, on: bed.client).executions.isEmpty)

            let records = apply.executions.flatMap(\.calls).map { "\($0.method) \($0.path) \($0.status.map(String.init) ?? "-") \($0.error ?? "")" }
            #expect(!records.contains(where: JivoxTestbed.containsCredential))
            #expect(!JivoxTestbed.containsCredential(csv))
        }
    }

    @Test func anExportThatEndsFailedFailsItsActionAndIsPlannedAgain() async throws {
        try await JivoxTestbed.with { bed in
            await bed.sandbox.jivox.setExportLifecycle(JivoxExportLifecycle(failingExports: ["mp4"]))
            let manifest = try bed.manifest("""
                providers:
                  \(JivoxTestbed.alias): { type: jivox, account: acc-1 }
                retail_campaigns:
                  - { provider: \(JivoxTestbed.alias), idx: 102, exports: [{ format: mp4 }, { format: gif }] }
                """)
            let plan = try await bed.plan(manifest)
            #expect(plan.actions.map(\.kind) == [.export, .export])

            let executions = await bed.client.execute(plan.actions)

            let byAsset = Dictionary(uniqueKeysWithValues: zip(plan.actions.map(\.address.description), executions))
            #expect(byAsset["jivox-main/retail_campaign/102/export/gif@1x"]?.result == .succeeded(createdID: nil))
            let failed = try #require(Self.failure(byAsset["jivox-main/retail_campaign/102/export/mp4@1x"]))
            #expect(failed.code == "FAILED")
            #expect(failed.message.hasPrefix("the mp4@1x export of retail campaign 102 ended FAILED: Export failed"))
            #expect(failed.call == "GET /v2/accounts/acc-1/retail-campaigns/102/exportAssetStatus")
            #expect(!failed.outcomeUnknown)
            #expect(byAsset["jivox-main/retail_campaign/102/export/mp4@1x"]?.calls.map(\.method) == ["POST", "GET", "GET"])

            let again = try await bed.plan(manifest)
            #expect(again.actions.map(\.address.description) == ["jivox-main/retail_campaign/102/export/mp4@1x"])
        }
    }

    @Test func theSandboxExportFailureFaultFailsTheExport() async throws {
        let faults = try FaultPlan.parse("jivox-export-fail,path=*/exportAssets")
        try await JivoxTestbed.with(SandboxConfiguration(fixture: .generic, faults: faults)) { bed in
            let export = Self.action(.export, idx: 102, calls: JivoxCalls().export(account: "acc-1", idx: 102, asset: AssetExport(format: .png, resolution: 2)))
            let execution = await bed.client.execute([export]).first
            #expect(Self.failure(execution)?.code == "FAILED")
            #expect(bed.logged("POST", "exportAssets") == 1)
        }
    }

    @Test func anExportStillRunningAtTheTimeoutFailsAfterOneRequest() async throws {
        try await JivoxTestbed.with(polling: JivoxExportPolling(interval: 0, timeout: 0)) { bed in
            await bed.sandbox.jivox.setExportLifecycle(JivoxExportLifecycle(pollsPerStep: 1_000))
            let export = Self.action(.export, idx: 102, calls: JivoxCalls().export(account: "acc-1", idx: 102, asset: AssetExport(format: .jpg, resolution: 1)))
            let failure = try #require(Self.failure(await bed.client.execute([export]).first))
            #expect(failure.code == "TIMEOUT")
            #expect(failure.message == "the jpg@1x export of retail campaign 102 was still INITIATED after 1 status request in 0 s; "
                + "it may still finish: the next plan shows its status")
            #expect(bed.logged("GET", "exportAssetStatus") == 1)
        }
    }

    @Test func pollingWaitsTheIntervalAndStopsAtTheTimeout() async throws {
        // Each wait lasts at least the interval, so at most timeout / interval + 1 requests fit.
        try await JivoxTestbed.with(polling: JivoxExportPolling(interval: 0.02, timeout: 0.1)) { bed in
            await bed.sandbox.jivox.setExportLifecycle(JivoxExportLifecycle(pollsPerStep: 1_000))
            let export = Self.action(.export, idx: 102, calls: JivoxCalls().export(account: "acc-1", idx: 102, asset: AssetExport(format: .gif, resolution: 2)))
            let failure = try #require(Self.failure(await bed.client.execute([export]).first))
            #expect(failure.code == "TIMEOUT")
            #expect((1...6).contains(bed.logged("GET", "exportAssetStatus")))
        }
    }

    @Test func aServerErrorOnStartingAnExportIsRetriedWithoutASecondExport() async throws {
        let faults = try FaultPlan.parse("503,path=*/exportAssets,times=1")
        try await JivoxTestbed.with(SandboxConfiguration(fixture: .generic, faults: faults)) { bed in
            let export = Self.action(.export, idx: 102, calls: JivoxCalls().export(account: "acc-1", idx: 102, asset: AssetExport(format: .tiff, resolution: 1)))
            let execution = try #require(await bed.client.execute([export]).first)
            #expect(execution.result == .succeeded(createdID: nil))
            #expect(execution.calls.map(\.status) == [503, 200, 200, 200])
            let account = try await bed.client.fetch(for: try bed.manifest(indexes: [102]))
            #expect(account.retailCampaign(idx: 102)?.exports.filter { $0.format == .tiff } == [LiveExport(format: .tiff, resolution: 1, status: .completed)])
        }
    }

    @Test func aRefusedActivationFailsWithThePlatformsAnswer() async throws {
        try await JivoxTestbed.with { bed in
            let activation = Self.action(.activate, idx: 101, calls: JivoxCalls().activate(account: "acc-1", idx: 101, trackers: ["IAS"]))
            let execution = await bed.client.execute([activation]).first
            let failure = try #require(Self.failure(execution))
            #expect(failure.httpStatus == 400)
            #expect(failure.call == "POST /v2/accounts/acc-1/retail-campaigns/101/activate")
            #expect(failure.message == "Tracker type IAS is not available for this campaign (available: MOAT)")
            #expect(!failure.outcomeUnknown)
            #expect(execution?.calls == [CallRecord(method: "POST", path: "/v2/accounts/acc-1/retail-campaigns/101/activate", status: 400,
                                                    error: "POST /v2/accounts/acc-1/retail-campaigns/101/activate failed with HTTP 400: "
                                                        + "Tracker type IAS is not available for this campaign (available: MOAT)")])
            #expect(await bed.sandbox.jivox.campaignStatus(account: "acc-1", idx: 101) == "DRAFT")
        }
    }

    @Test func aCallJivoxDoesNotHaveIsRefusedBeforeAnythingIsSent() async throws {
        try await JivoxTestbed.with { bed in
            let call = ProviderCall("DELETE", JivoxCalls.base, purpose: "delete",
                                    parameters: [CallParameter("accountId", .text("acc-1")), CallParameter("retailCampaignIdx", .integer(101))])
            let missing = ProviderCall("POST", JivoxCalls.base + "/activate", purpose: "activate", parameters: [CallParameter("accountId", .text("acc-1"))])
            let executions = await bed.client.execute([Self.action(.update, idx: 101, calls: [call]), Self.action(.activate, idx: 101, calls: [missing])])
            #expect(Self.failure(executions.first)?.message == "cannot send this call: Jivox has no such call")
            #expect(Self.failure(executions.last)?.message == "cannot send this call: it has no `retailCampaignIdx`")
            #expect(await bed.client.requestCounter.total == 0)
        }
    }

    @Test func activationAndExportsAreFoundWhenTheyTookEffect() async throws {
        try await JivoxTestbed.with { bed in
            let calls = JivoxCalls()
            let active = await bed.client.findCreated(Self.action(.activate, idx: 102, calls: calls.activate(account: "acc-1", idx: 102, trackers: ["MOAT"])))
            #expect(active == .success("102"))
            let otherTrackers = await bed.client.findCreated(Self.action(.activate, idx: 102, calls: calls.activate(account: "acc-1", idx: 102, trackers: [])))
            #expect(otherTrackers == .success(nil))
            let draft = await bed.client.findCreated(Self.action(.activate, idx: 101, calls: calls.activate(account: "acc-1", idx: 101, trackers: ["MOAT"])))
            #expect(draft == .success(nil))
            let made = await bed.client.findCreated(Self.action(.export, idx: 102, calls: calls.export(account: "acc-1", idx: 102, asset: AssetExport(format: .png, resolution: 1))))
            #expect(made == .success("102"))
            let notMade = await bed.client.findCreated(Self.action(.export, idx: 102, calls: calls.export(account: "acc-1", idx: 102, asset: AssetExport(format: .png, resolution: 2))))
            #expect(notMade == .success(nil))
        }
    }

    @Test func theTagsFileNameComesFromThePlatformButStaysInTheFolder() async throws {
        try await JivoxTestbed.with { bed in
            #expect(await bed.sandbox.jivox.provisionRetailCampaign(account: "acc-1", idx: 300, name: "../../escape/Spring: Sale"))
            let manifest = try bed.manifest("""
                providers:
                  \(JivoxTestbed.alias): { type: jivox, account: acc-1 }
                retail_campaigns:
                  - { provider: \(JivoxTestbed.alias), idx: 300, tags: deep/tags }
                """)
            let plan = try await bed.plan(manifest)
            #expect(plan.actions.map(\.kind) == [.activate, .download])
            #expect(await SequentialApply.run(plan, on: bed.client).failures.isEmpty)

            let folder = bed.folder.appendingPathComponent("deep/tags")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["_.._escape_Spring: Sale_tags.csv"])
            #expect(!FileManager.default.fileExists(atPath: bed.folder.appendingPathComponent("escape").path))
            #expect(!FileManager.default.fileExists(atPath: bed.folder.deletingLastPathComponent().appendingPathComponent("escape").path))
            #expect(try await bed.plan(manifest).actions.isEmpty)
        }
    }

    @Test func aNewDownloadReplacesTheFileWhole() async throws {
        try await JivoxTestbed.with { bed in
            let folder = bed.folder.appendingPathComponent("tags").path
            let calls = JivoxCalls()
            func activateAndDownload(_ trackers: Set<String>) async throws -> String {
                let executions = await bed.client.execute([
                    Self.action(.activate, idx: 101, calls: calls.activate(account: "acc-1", idx: 101, trackers: trackers)),
                    Self.action(.download, idx: 101, calls: calls.downloadTags(account: "acc-1", idx: 101, folder: folder)),
                ])
                #expect(executions.map(\.result) == [.succeeded(createdID: nil), .succeeded(createdID: nil)])
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["Spring Retail_tags.csv"])
                return try String(contentsOfFile: folder + "/Spring Retail_tags.csv", encoding: .utf8)
            }
            let without = try await activateAndDownload([])
            #expect(!without.contains("MOAT"))
            let with = try await activateAndDownload(["MOAT"])
            #expect(with.split(separator: "\r\n").dropFirst().allSatisfy { $0.contains(",MOAT,") })
        }
    }

    @Test func aTagsFolderThatCannotBeMadeFailsTheDownload() async throws {
        try await JivoxTestbed.with { bed in
            let blocker = bed.folder.appendingPathComponent("file")
            try Data("x".utf8).write(to: blocker)
            let download = Self.action(.download, idx: 102, calls: JivoxCalls().downloadTags(account: "acc-1", idx: 102, folder: blocker.path + "/tags"))
            let failure = try #require(Self.failure(await bed.client.execute([download]).first))
            #expect(failure.message.hasPrefix("downloaded the tags of retail campaign 102 but cannot save Summer Retail_tags.csv in \(blocker.path)/tags: "))
            #expect(failure.httpStatus == 200)
        }
    }
}
