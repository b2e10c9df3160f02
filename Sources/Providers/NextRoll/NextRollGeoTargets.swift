import Planner

/// NextRoll geo targets in both directions. The API takes them as one JSON string of an array of
/// objects, each with one location key, the location's `eid` and `is_negative` (true = excluded):
/// `[{"country_id":19,"eid":"YD2QNVI2GVH4DP4TIO8GEO","is_negative":false}]`. Answers hold the same
/// objects, as an array or as such a string.
enum NextRollGeoTargets {
    /// The `geo_targets` parameter for this selection (excluded targets carry `is_negative: true`).
    static func parameter(include: [GeoTarget], exclude: [GeoTarget]) -> String {
        let objects = include.map { object($0, negative: false) } + exclude.map { object($0, negative: true) }
        return JSONValue.array(objects).serialized(indent: 0)
    }

    private static func object(_ target: GeoTarget, negative: Bool) -> JSONValue {
        // Numeric location ids go as JSON numbers, as in the reference's example; region ids and postal codes as text.
        let location: JSONValue = target.kind.isNumeric ? Int64(target.value).map(JSONValue.integer) ?? .string(target.value) : .string(target.value)
        return .object([(target.kind.rawValue, location), ("eid", .string(target.eid)), ("is_negative", .bool(negative))])
    }

    /// The geo targets of an ad group's `geo_targets` field.
    static func selection(of adGroup: NextRollObject) throws(APIError) -> Selection<GeoTarget> {
        var selection = Selection<GeoTarget>()
        for object in try adGroup.objects("geo_targets") {
            guard let kind = GeoTarget.Kind.allCases.first(where: { object.value($0.rawValue) != nil }),
                  let location = object.value(kind.rawValue) else {
                throw .malformedResponse(message: "\(object.what) has none of \(GeoTarget.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                                         call: object.call)
            }
            let value: String
            switch location {
            case .integer(let number): value = String(number)
            case .string(let text): value = text
            default:
                throw .malformedResponse(message: "\(object.what) `\(kind.rawValue)` should be a number or a string, found \(NextRollObject.typeName(location))",
                                         call: object.call)
            }
            let target = GeoTarget(kind: kind, value: value, eid: try object.requiredString("eid"))
            if try object.bool("is_negative") == true { selection.exclude.insert(target) } else { selection.include.insert(target) }
        }
        return selection
    }
}
