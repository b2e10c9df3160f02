import Planner

/// The answer of `POST …/exportAssets`: `{"queueId": "…" | null, "status": "INITIATED", "message": "…"}`.
struct JivoxExportJob: Decodable, Sendable {
    var queueId: String?
    var status: String
    var message: String?

    /// Whether the export is already done (an export that was not queued), so no status request is
    /// needed; false while it is queued or running.
    /// - Throws: the failure when the export could not start, or its status is not a documented one.
    func isFinished(_ asset: AssetExport, of campaign: JivoxCampaignReference) throws(ActionFailure) -> Bool {
        guard let status = ExportStatus(platformValue: status) else {
            throw ActionFailure(message: "unexpected answer: unknown export status \"\(self.status)\"")
        }
        switch status {
        case .failed, .failedToInitiate:
            throw ActionFailure(code: status.rawValue, message: "the \(asset) export of \(campaign) could not start" + (message.map { ": \($0)" } ?? ""))
        case .completed, .available:
            return true
        case .initiated, .processing, .notInitiated, .archived:
            return false
        }
    }
}
