/// A field of a resource, named by its manifest key path, so plans read like the manifests.
public enum ResourceField: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case name
    case status
    case budget
    case scheduleStart = "schedule.start"
    case scheduleEnd = "schedule.end"
    case cpc = "bidding.cpc"
    case cpm = "bidding.cpm"
    case maxCPM = "bidding.max_cpm"
    case biddingType = "bidding.type"
    case objective = "bidding.objective"
    case targetROAS = "bidding.target_roas"
    case charge = "bidding.charge"
    case retargeting
    case goal
    case externalID = "external_id"
    case targetingInclude = "targeting.include"
    case targetingExclude = "targeting.exclude"
    case segmentsInclude = "segments.include"
    case segmentsExclude = "segments.exclude"
    case geoInclude = "geo.include"
    case geoExclude = "geo.exclude"
    case ads
    case conversionValue = "conversion_value"
    case duration
    /// Jivox: activated for tag generation.
    case activation
    case trackers
    /// Jivox: an asset export's status.
    case export
    /// Jivox: the tags CSV in the local folder.
    case tags

    public var description: String { rawValue }

    /// Declaration order, which is the order fields are shown in.
    public static func < (lhs: ResourceField, rhs: ResourceField) -> Bool {
        let order = ResourceField.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
