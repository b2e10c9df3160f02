/// Jivox retail-campaign export and tag-generation calls (`jivox-retail-export-tag-generation.txt`).
struct JivoxCalls {
    static let base = "/v2/accounts/{accountId}/retail-campaigns/{retailCampaignIdx}"

    private func place(_ account: String, _ idx: Int) -> [CallParameter] {
        [CallParameter("accountId", .text(account)), CallParameter("retailCampaignIdx", .integer(idx))]
    }

    func activate(account: String, idx: Int, trackers: Set<String>) -> [ProviderCall] {
        [ProviderCall("POST", JivoxCalls.base + "/activate", purpose: "activate the retail campaign for tag generation",
                      parameters: place(account, idx) + [CallParameter("trackerTypes", .strings(trackers))])]
    }

    /// The export is asynchronous: start it, then poll its status until COMPLETED or FAILED.
    func export(account: String, idx: Int, asset: AssetExport) -> [ProviderCall] {
        let selection = [CallParameter("assetExportType", .choice(asset.format.rawValue)), CallParameter("resolution", .text(String(asset.resolution)))]
        return [ProviderCall("POST", JivoxCalls.base + "/exportAssets", purpose: "start the \(asset) asset export", parameters: place(account, idx) + selection),
                ProviderCall("GET", JivoxCalls.base + "/exportAssetStatus", purpose: "poll the export until COMPLETED or FAILED",
                             parameters: place(account, idx) + selection)]
    }

    /// `folder` is local: where the `{campaignName}_tags.csv` the call returns is written.
    func downloadTags(account: String, idx: Int, folder: String) -> [ProviderCall] {
        [ProviderCall("GET", JivoxCalls.base + "/download-tags", purpose: "download the tags CSV into \(folder)",
                      parameters: place(account, idx) + [CallParameter("folder", .text(folder))])]
    }
}
