/// A Jivox retail campaign as the platform reports it: activation, trackers, exports.
public struct LiveRetailCampaign: Sendable, Hashable, Codable {
    /// `retailCampaignIdx`.
    public var idx: Int
    public var name: String?
    /// Activated for tag generation (status ACTIVE); exports are only available once it is.
    public var active: Bool
    /// Trackers the campaign was activated with (`trackersSelected`).
    public var trackers: Set<String>
    /// Trackers the campaign offers (`trackerTypes`), when fetched; a tracker outside them cannot be selected.
    public var availableTrackers: Set<String>?
    public var exports: [LiveExport]
    /// The tags CSV found in the manifest's `tags` folder (filled in by whoever fetches, from the local
    /// disk), or nil when none is there yet: apply downloads it.
    public var tagsFile: String?

    public init(idx: Int, name: String? = nil, active: Bool = false, trackers: Set<String> = [], availableTrackers: Set<String>? = nil,
                exports: [LiveExport] = [], tagsFile: String? = nil) {
        self.idx = idx
        self.name = name
        self.active = active
        self.trackers = trackers
        self.availableTrackers = availableTrackers
        self.exports = exports
        self.tagsFile = tagsFile
    }

    /// The export of this format and resolution, if the platform reported one.
    public func export(_ asset: AssetExport) -> LiveExport? {
        exports.first { $0.format == asset.format && $0.resolution == asset.resolution }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LiveCoding.Key.self)
        idx = try container.decode(Int.self, forKey: LiveCoding.Key("idx"))
        name = try container.decodeIfPresent(String.self, forKey: LiveCoding.Key("name"))
        active = try container.decodeIfPresent(Bool.self, forKey: LiveCoding.Key("active")) ?? false
        trackers = try LiveCoding.strings(container, "trackers") ?? []
        availableTrackers = try LiveCoding.strings(container, "available_trackers")
        exports = try container.decodeIfPresent([LiveExport].self, forKey: LiveCoding.Key("exports")) ?? []
        tagsFile = try container.decodeIfPresent(String.self, forKey: LiveCoding.Key("tags_file"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LiveCoding.Key.self)
        try container.encode(idx, forKey: LiveCoding.Key("idx"))
        try container.encodeIfPresent(name, forKey: LiveCoding.Key("name"))
        try container.encode(active, forKey: LiveCoding.Key("active"))
        try container.encode(trackers.sorted(), forKey: LiveCoding.Key("trackers"))
        try container.encodeIfPresent(availableTrackers?.sorted(), forKey: LiveCoding.Key("available_trackers"))
        try container.encode(exports, forKey: LiveCoding.Key("exports"))
        try container.encodeIfPresent(tagsFile, forKey: LiveCoding.Key("tags_file"))
    }
}
