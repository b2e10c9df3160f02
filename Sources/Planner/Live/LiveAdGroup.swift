/// A NextRoll ad group as the platform reports it.
public struct LiveAdGroup: Sendable, Hashable, Codable {
    /// The ad group EID.
    public var id: String
    public var name: String
    /// `approved` and `admin_review` → active; `paused`, `admin_paused`, `draft` → paused.
    public var status: ServingStatus
    public var platformStatus: String?
    /// Segment EIDs; `exclude` are the negative (`is_negative`) segments.
    public var segments: Selection<String>
    /// Geo targets; `exclude` are the negative ones.
    public var geo: Selection<GeoTarget>
    /// Ad EIDs attached to the ad group.
    public var ads: Set<String>

    public init(id: String, name: String, status: ServingStatus = .active, platformStatus: String? = nil,
                segments: Selection<String> = Selection(), geo: Selection<GeoTarget> = Selection(), ads: Set<String> = []) {
        self.id = id
        self.name = name
        self.status = status
        self.platformStatus = platformStatus
        self.segments = segments
        self.geo = geo
        self.ads = ads
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LiveCoding.Key.self)
        (id, name, status, platformStatus) = try LiveCoding.identity(container)
        segments = try LiveCoding.selection(container, "segments", String.self) ?? Selection()
        geo = try LiveCoding.geoSelection(container, "geo") ?? Selection()
        ads = try LiveCoding.strings(container, "ads") ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LiveCoding.Key.self)
        try LiveCoding.encodeIdentity(id: id, name: name, status: status, platformStatus: platformStatus, &container)
        try LiveCoding.encode(segments, &container, "segments")
        try LiveCoding.encode(geo, &container, "geo")
        try container.encode(ads.sorted(), forKey: LiveCoding.Key("ads"))
    }
}
