import Foundation
import Planner

/// One planned Jivox call (`JivoxCalls` in the planner), read from its parameters into what the
/// client sends. Unknown endpoints and missing or mistyped parameters are refused before anything is sent.
enum JivoxCall: Sendable, Hashable {
    /// `POST …/activate {"trackerTypes": [...]}`.
    case activate(JivoxCampaignReference, trackers: [String])
    /// `POST …/exportAssets {"assetExportType": "png", "resolution": "1"}`.
    case exportAssets(JivoxCampaignReference, AssetExport)
    /// `GET …/exportAssetStatus?assetExportType=png&resolution=1`, repeated until the export ends.
    case pollExport(JivoxCampaignReference, AssetExport)
    /// `GET …/download-tags`, saved into `folder` (a local path, never sent).
    case downloadTags(JivoxCampaignReference, folder: String)

    init(_ call: ProviderCall) throws(ActionFailure) {
        let summary = "\(call.method) \(call.path)"
        func refuse(_ message: String) -> ActionFailure {
            ActionFailure(message: "cannot send this call: \(message)", call: summary)
        }
        guard case .text(let account)? = call.parameter("accountId"), !account.isEmpty else { throw refuse("it has no `accountId`") }
        let idx: Int
        switch call.parameter("retailCampaignIdx") {
        case .integer(let number)?: idx = number
        case .text(let text)?:
            guard let number = Int(text) else { throw refuse("`retailCampaignIdx` is not a number: \(text)") }
            idx = number
        default: throw refuse("it has no `retailCampaignIdx`")
        }
        let campaign = JivoxCampaignReference(account: account, idx: idx)
        func asset() throws(ActionFailure) -> AssetExport {
            let formatText: String
            switch call.parameter("assetExportType") {
            case .choice(let text)?, .text(let text)?: formatText = text
            default: throw refuse("it has no `assetExportType`")
            }
            guard let format = AssetExport.Format(rawValue: formatText.lowercased()) else { throw refuse("unknown export format \(formatText)") }
            let resolution: Int
            switch call.parameter("resolution") {
            case .integer(let number)?: resolution = number
            case .text(let text)?, .choice(let text)?:
                guard let number = Int(text) else { throw refuse("`resolution` is not 1 or 2: \(text)") }
                resolution = number
            default: throw refuse("it has no `resolution`")
            }
            guard resolution == 1 || (resolution == 2 && format.supportsDoubleResolution) else {
                throw refuse("Jivox exports \(format.rawValue) at resolution 1\(format.supportsDoubleResolution ? " or 2" : " only"), not \(resolution)")
            }
            return AssetExport(format: format, resolution: resolution)
        }
        switch (call.method.uppercased(), call.path.split(separator: "/").last.map(String.init) ?? "") {
        case ("POST", "activate"):
            switch call.parameter("trackerTypes") {
            case .strings(let trackers)?: self = .activate(campaign, trackers: trackers)
            case FieldValue.none?, nil: self = .activate(campaign, trackers: [])
            default: throw refuse("`trackerTypes` is not a list of tracker types")
            }
        case ("POST", "exportAssets"): self = .exportAssets(campaign, try asset())
        case ("GET", "exportAssetStatus"): self = .pollExport(campaign, try asset())
        case ("GET", "download-tags"):
            guard case .text(let folder)? = call.parameter("folder"), !folder.isEmpty else { throw refuse("it names no folder to save the tags in") }
            self = .downloadTags(campaign, folder: folder)
        default:
            throw refuse("Jivox has no such call")
        }
    }

    var campaign: JivoxCampaignReference {
        switch self {
        case .activate(let campaign, _), .exportAssets(let campaign, _), .pollExport(let campaign, _), .downloadTags(let campaign, _):
            return campaign
        }
    }

    /// The request as the reference documents it.
    var request: APIRequest {
        switch self {
        case .activate(let campaign, let trackers):
            // Activation sets the campaign's state (ACTIVE with these trackers): sending it twice does what
            // sending it once does, so a lost answer may be retried.
            return .json(.post, campaign.path("activate"),
                         body: Data(JSONValue.object([("trackerTypes", .array(trackers.map(JSONValue.string)))]).serialized(indent: 0).utf8),
                         isIdempotent: true)
        case .exportAssets(let campaign, let asset):
            // Jivox keeps one export per format and resolution, and answers a repeated start of an export in
            // flight with the same job: a retry makes no second export. The resolution is a string (`"1"`).
            let body = JSONValue.object([("assetExportType", .string(asset.format.rawValue)), ("resolution", .string(String(asset.resolution)))])
            return .json(.post, campaign.path("exportAssets"), body: Data(body.serialized(indent: 0).utf8), isIdempotent: true)
        case .pollExport(let campaign, let asset):
            return campaign.exportStatusRequest(for: asset)
        case .downloadTags(let campaign, _):
            return APIRequest(.get, campaign.path("download-tags"), headers: ["Accept": "application/x-download, text/csv, */*"])
        }
    }
}
