import Planner

/// The answer of `GET …/exportAssetStatus`: one entry per export format found, each with its status per
/// resolution.
struct JivoxExportStatusList: Decodable, Sendable {
    struct Format: Decodable, Sendable {
        var assetExportType: String
        var resolutionsResponse: [Resolution]
    }

    struct Resolution: Decodable, Sendable {
        var status: String
        var url: String?
        var resolution: Int
        var statusMessage: String?

        private enum CodingKeys: String, CodingKey { case status, url, resolution, statusMessage }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            status = try container.decode(String.self, forKey: .status)
            url = try container.decodeIfPresent(String.self, forKey: .url)
            statusMessage = try container.decodeIfPresent(String.self, forKey: .statusMessage)
            // Documented as an integer; the request side sends it as a string, so either is read.
            if let number = try? container.decode(Int.self, forKey: .resolution) {
                resolution = number
            } else if let text = try? container.decode(String.self, forKey: .resolution), let number = Int(text) {
                resolution = number
            } else {
                throw DecodingError.dataCorruptedError(forKey: .resolution, in: container, debugDescription: "expected the resolution 1 or 2")
            }
        }
    }

    /// One reported export with its status, before mapping.
    struct Entry: Sendable {
        var asset: AssetExport
        var status: ExportStatus
        var statusMessage: String?
    }

    var formats: [Format]

    init(from decoder: any Decoder) throws {
        formats = try [Format](from: decoder)
    }

    /// Every export reported, in the answer's order (a repeated format and resolution counts once).
    /// Formats the model does not know are passed over: no manifest can ask for them.
    /// - Throws: a description of the first status that is not one of the documented values.
    func entries() throws(JivoxStatusProblem) -> [Entry] {
        var entries: [Entry] = []
        for format in formats {
            guard let kind = AssetExport.Format(rawValue: format.assetExportType.lowercased()) else { continue }
            for item in format.resolutionsResponse {
                guard let status = ExportStatus(platformValue: item.status) else {
                    throw JivoxStatusProblem(message: "unknown export status \"\(item.status)\" for \(kind.rawValue)@\(item.resolution)x")
                }
                let asset = AssetExport(format: kind, resolution: item.resolution)
                guard !entries.contains(where: { $0.asset == asset }) else { continue }
                entries.append(Entry(asset: asset, status: status, statusMessage: item.statusMessage))
            }
        }
        return entries
    }

    /// The exports as the live model holds them.
    func liveExports() throws(JivoxStatusProblem) -> [LiveExport] {
        try entries().map { LiveExport(format: $0.asset.format, resolution: $0.asset.resolution, status: $0.status) }
    }
}

/// An export status answer that does not match the reference.
struct JivoxStatusProblem: Error, Sendable {
    var message: String
}
