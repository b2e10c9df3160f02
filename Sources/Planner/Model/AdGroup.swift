/// A NextRoll ad group inside a campaign: audience segments, geo targets and ads.
///
/// A nil set means "not managed by the manifest": the live value is left as it is.
public struct AdGroup: Sendable, Hashable {
    /// Identity within its campaign.
    public var name: String
    /// Nil: not managed, so a live ad group keeps its status; a new one is created serving (`creationStatus`).
    public var status: ServingStatus?
    /// Segment EIDs; `exclude` become negative segments.
    public var segments: Selection<String>?
    public var geo: Selection<GeoTarget>?
    /// Ad EIDs attached to the ad group.
    public var ads: Set<String>?
    public var location: SourceLocation

    public init(name: String, status: ServingStatus? = nil, segments: Selection<String>? = nil,
                geo: Selection<GeoTarget>? = nil, ads: Set<String>? = nil, location: SourceLocation) {
        self.name = name
        self.status = status
        self.segments = segments
        self.geo = geo
        self.ads = ads
        self.location = location
    }

    /// The status a new ad group gets: the manifest's, or serving when the manifest leaves it out.
    public var creationStatus: ServingStatus { status ?? .active }
}
