/// A geo target in NextRoll's own shape: `{"country_id": 19, "eid": "YD2QNVI2GVH4DP4TIO8GEO"}`.
struct NextRollGeoTarget: Codable, Hashable {
    var target: GeoTarget

    init(_ target: GeoTarget) { self.target = target }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LiveCoding.Key.self)
        let eid = try container.decode(String.self, forKey: LiveCoding.Key("eid"))
        for kind in GeoTarget.Kind.allCases where container.contains(LiveCoding.Key(kind.rawValue)) {
            let key = LiveCoding.Key(kind.rawValue)
            let value: String
            if let number = try? container.decode(Int64.self, forKey: key) {
                value = String(number)
            } else {
                value = try container.decode(String.self, forKey: key)
            }
            target = GeoTarget(kind: kind, value: value, eid: eid)
            return
        }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                               debugDescription: "a geo target needs one of \(GeoTarget.Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LiveCoding.Key.self)
        if target.kind.isNumeric, let number = Int64(target.value) {
            try container.encode(number, forKey: LiveCoding.Key(target.kind.rawValue))
        } else {
            try container.encode(target.value, forKey: LiveCoding.Key(target.kind.rawValue))
        }
        try container.encode(target.eid, forKey: LiveCoding.Key("eid"))
    }
}
