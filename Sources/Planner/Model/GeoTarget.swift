/// A NextRoll geo target: one location key (`country_id: 19`, `region_id: USCA`, …) and its geo EID.
public struct GeoTarget: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kinds of location NextRoll accepts, in the doc's order.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case countryID = "country_id"
        case regionID = "region_id"
        case metroID = "metro_id"
        case cityID = "city_id"
        case postalCodeID = "postal_code_id"
        case postalCode = "postal_code"

        /// Kinds whose value NextRoll sends as a JSON number (`"country_id": 19`).
        public var isNumeric: Bool { self == .countryID || self == .metroID || self == .cityID || self == .postalCodeID }
    }

    public var kind: Kind
    /// The location value as written (`19`, `USCA`); kept as text so `NO` stays "NO".
    public var value: String
    /// The geo EID from NextRoll's location service.
    public var eid: String

    public init(kind: Kind, value: String, eid: String) {
        self.kind = kind
        self.value = value
        self.eid = eid
    }

    public var description: String { "\(kind.rawValue)=\(value) (\(eid))" }
}
