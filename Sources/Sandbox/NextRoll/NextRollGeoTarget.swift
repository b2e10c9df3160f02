/// Geo targets as NextRoll takes them: a JSON string holding an array of objects, each with exactly one
/// location key (`country_id`, `region_id`, `metro_id`, `city_id`, `postal_code_id`, `postal_code`), the
/// location's `eid` and `is_negative` (default false: excluded when true).
enum NextRollGeoTarget {
    static let locationKeys = ["country_id", "region_id", "metro_id", "city_id", "postal_code_id", "postal_code"]

    /// Parses the JSON string of the `geo_targets` parameter into normalized target objects.
    static func parse(parameter text: String) throws(FieldProblem) -> [SandboxJSON] {
        let json: SandboxJSON
        do { json = try SandboxJSON.parse(text) } catch {
            throw FieldProblem(path: "geo_targets", message: "must be a JSON string of an array of geo targets (\(error))")
        }
        return try normalize(json, path: "geo_targets")
    }

    /// Checks and normalizes an array of target objects: location key first, then `eid`, then `is_negative`.
    static func normalize(_ json: SandboxJSON, path: String) throws(FieldProblem) -> [SandboxJSON] {
        guard let array = json.arrayValue else { throw FieldProblem(path: path, message: "must be an array of geo target objects") }
        var targets: [SandboxJSON] = []
        for (index, element) in array.enumerated() {
            let fields = try JSONFields(element, path: "\(path)[\(index)]")
            try fields.rejectUnknownKeys(Set(locationKeys + ["eid", "is_negative"]))
            let present = locationKeys.filter { fields.value($0) != nil }
            guard present.count == 1, let key = present.first, let location = fields.value(key) else {
                throw FieldProblem(path: fields.path, message: "needs exactly one of \(locationKeys.joined(separator: ", "))")
            }
            guard location.stringValue != nil || location.intValue != nil else {
                throw FieldProblem(path: fields.path(key), message: "must be a string or an integer")
            }
            let eid = try fields.string("eid")
            let negative = try fields.optionalBool("is_negative") ?? false
            targets.append(.object([(key, location), ("eid", .string(eid)), ("is_negative", .bool(negative))]))
        }
        return targets
    }
}
