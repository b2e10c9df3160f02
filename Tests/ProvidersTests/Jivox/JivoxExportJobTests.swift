import Foundation
import Planner
@testable import Providers
import Testing

@Suite("Jivox export start")
struct JivoxExportJobTests {
    let campaign = JivoxCampaignReference(account: "acc-1", idx: 5)
    let asset = AssetExport(format: .png, resolution: 2)

    func job(_ body: String) throws -> JivoxExportJob {
        try JSONValueDecoder().decode(JivoxExportJob.self, from: Data(body.utf8))
    }

    @Test func aQueuedExportIsPolledAndAFinishedOneIsNot() throws {
        #expect(try job(#"{"queueId": "q-1", "status": "INITIATED", "message": "Export initiated"}"#).isFinished(asset, of: campaign) == false)
        #expect(try job(#"{"queueId": null, "status": "COMPLETED", "message": "done"}"#).isFinished(asset, of: campaign) == true)
        #expect(try job(#"{"status": "AVAILABLE"}"#).isFinished(asset, of: campaign) == true)
    }

    @Test func anExportThatCannotStartFailsWithThePlatformsWords() throws {
        let failure = #expect(throws: ActionFailure.self) {
            try job(#"{"queueId": null, "status": "FAILED TO_INITIATE", "message": "No creatives to export"}"#).isFinished(asset, of: campaign)
        }
        #expect(failure?.code == "FAILED_TO_INITIATE")
        #expect(failure?.message == "the png@2x export of retail campaign 5 could not start: No creatives to export")
        let unknown = #expect(throws: ActionFailure.self) { try job(#"{"status": "QUEUED"}"#).isFinished(asset, of: campaign) }
        #expect(unknown?.message == "unexpected answer: unknown export status \"QUEUED\"")
    }
}
