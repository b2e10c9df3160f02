import Foundation
import Planner

/// Where one retail campaign's endpoints live: `/v2/accounts/{accountId}/retail-campaigns/{retailCampaignIdx}`.
struct JivoxCampaignReference: Sendable, Hashable, CustomStringConvertible {
    var account: String
    var idx: Int

    var description: String { "retail campaign \(idx)" }

    /// The path of `endpoint` (`activate`, `trackers`, `exportAssets`, `exportAssetStatus`, `download-tags`).
    func path(_ endpoint: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        let escaped = account.addingPercentEncoding(withAllowedCharacters: allowed) ?? account
        return "/v2/accounts/\(escaped)/retail-campaigns/\(idx)/\(endpoint)"
    }

    /// `GET …/trackers`: the trackers offered and the trackers selected.
    var trackersRequest: APIRequest { APIRequest(.get, path("trackers")) }

    /// `GET …/exportAssetStatus` for one format and resolution, or, without `asset`, for every export made.
    func exportStatusRequest(for asset: AssetExport? = nil) -> APIRequest {
        APIRequest(.get, path("exportAssetStatus"), query: asset.map(Self.selection) ?? [])
    }

    /// The documented string form of the selection: `assetExportType=png`, `resolution=2`.
    private static func selection(_ asset: AssetExport) -> [URLQueryItem] {
        [URLQueryItem(name: "assetExportType", value: asset.format.rawValue), URLQueryItem(name: "resolution", value: String(asset.resolution))]
    }
}
