import Foundation

/// A NextRoll audience segment. Segments come from the pixel, so the API edits them but never creates them.
struct NextRollSegment: Sendable, Equatable {
    var eid: String
    var advertisable: String
    var name: String
    var displayName: String?
    /// One of s, u, c, p, b, e, g, x, l, q.
    var type: String
    var duration: Int
    /// In USD.
    var conversionValue: Decimal
    var createdDate: Date

    static let types: Set<String> = ["s", "u", "c", "p", "b", "e", "g", "x", "l", "q"]

    func representation(includeIntegerID: Bool) -> SandboxJSON {
        var members: [(key: String, value: SandboxJSON)] = [
            ("conversion_value", .number(conversionValue)), ("display_name", .optional(displayName)), ("duration", .integer(duration)),
            ("eid", .string(eid)), ("group", .null), ("match_method", .string("url")), ("mobile", .object([])), ("name", .string(name)),
            ("pattern", .string("*")), ("product", .null), ("threshold", .null), ("type", .string(type)),
        ]
        if includeIntegerID { members.append(("int_id", .integer(integerID))) }
        return .object(members)
    }

    /// A stable integer id derived from the EID (the platform's internal id is not modelled).
    var integerID: Int {
        var value = 0
        for byte in eid.utf8 { value = (value &* 31 &+ Int(byte)) & 0x7FFF_FFFF }
        return value
    }

    var stateJSON: SandboxJSON {
        .object([("eid", .string(eid)), ("advertisable", .string(advertisable)), ("name", .string(name)), ("display_name", .optional(displayName)),
                 ("type", .string(type)), ("duration", .integer(duration)), ("conversion_value", .number(conversionValue)),
                 ("created_date", NextRollDates.text(createdDate))])
    }

    init(eid: String, advertisable: String, name: String?, conversionValue: Decimal?, duration: Int?, now: Date) {
        self.eid = eid
        self.advertisable = advertisable
        self.name = name ?? "Segment \(eid)"
        type = "s"
        self.duration = duration ?? 30
        self.conversionValue = conversionValue ?? 0
        createdDate = now
    }

    init(state fields: JSONFields, now: Date) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["eid", "advertisable", "name", "display_name", "type", "duration", "conversion_value", "created_date"])
        self.init(eid: try fields.string("eid"), advertisable: try fields.string("advertisable"), name: try fields.optionalString("name"),
                  conversionValue: try fields.optionalDecimal("conversion_value"), duration: try fields.optionalInt("duration"),
                  now: try NextRollDates.read(fields, "created_date") ?? now)
        displayName = try fields.optionalString("display_name")
        type = try fields.optionalString("type") ?? "s"
        guard Self.types.contains(type) else { throw FieldProblem(path: fields.path("type"), message: "must be one of \(Self.types.sorted().joined(separator: ", "))") }
        guard duration > 0 else { throw FieldProblem(path: fields.path("duration"), message: "must be a positive number of days") }
    }
}
