/// One Jivox asset export and its status (`exportAssetStatus`).
public struct LiveExport: Sendable, Hashable, Codable {
    public var format: AssetExport.Format
    public var resolution: Int
    public var status: ExportStatus

    public init(format: AssetExport.Format, resolution: Int, status: ExportStatus) {
        self.format = format
        self.resolution = resolution
        self.status = status
    }

    public var asset: AssetExport { AssetExport(format: format, resolution: resolution) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LiveCoding.Key.self)
        guard let format = try LiveCoding.choice(AssetExport.Format.self, container, "format") else {
            throw DecodingError.keyNotFound(LiveCoding.Key("format"), .init(codingPath: decoder.codingPath, debugDescription: "an export needs `format`"))
        }
        self.format = format
        resolution = try container.decodeIfPresent(Int.self, forKey: LiveCoding.Key("resolution")) ?? 1
        let text = try container.decode(String.self, forKey: LiveCoding.Key("status"))
        guard let status = ExportStatus(platformValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [LiveCoding.Key("status")],
                                                   debugDescription: "unknown export status \"\(text)\""))
        }
        self.status = status
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LiveCoding.Key.self)
        try container.encode(format.rawValue, forKey: LiveCoding.Key("format"))
        try container.encode(resolution, forKey: LiveCoding.Key("resolution"))
        try container.encode(status.rawValue, forKey: LiveCoding.Key("status"))
    }
}
