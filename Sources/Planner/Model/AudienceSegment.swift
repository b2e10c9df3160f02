/// Settings of an existing NextRoll audience segment. Segments are edited, never created.
public struct AudienceSegment: Sendable, Hashable {
    /// The segment EID.
    public var id: String
    public var provider: String
    /// The value of a conversion from this segment; NextRoll keeps it in USD whatever the account's currency.
    public var conversionValue: Money?
    /// Days of inactivity before a user leaves the segment.
    public var duration: Int?
    public var location: SourceLocation

    public init(id: String, provider: String, conversionValue: Money? = nil, duration: Int? = nil, location: SourceLocation) {
        self.id = id
        self.provider = provider
        self.conversionValue = conversionValue
        self.duration = duration
        self.location = location
    }
}
