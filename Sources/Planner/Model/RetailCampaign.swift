/// A Jivox retail campaign to activate with trackers, export assets from and download tags for.
/// Retail campaigns are made in Jivox itself; the manifest names one by its index.
public struct RetailCampaign: Sendable, Hashable {
    /// The tracker types Jivox activates a retail campaign with (`trackerTypes`); its docs name only MOAT.
    public static let trackerTypes = ["MOAT"]

    public var provider: String
    /// The retail campaign index (`retailCampaignIdx`).
    public var idx: Int
    /// Tracker types to activate with; nil leaves activation alone.
    public var trackers: Set<String>?
    public var exports: [AssetExport]
    /// The folder apply downloads the tags CSV into, relative to the manifest file's folder unless absolute.
    public var tagsFolder: String?
    public var location: SourceLocation

    public init(provider: String, idx: Int, trackers: Set<String>? = nil, exports: [AssetExport] = [],
                tagsFolder: String? = nil, location: SourceLocation) {
        self.provider = provider
        self.idx = idx
        self.trackers = trackers
        self.exports = exports
        self.tagsFolder = tagsFolder
        self.location = location
    }
}
