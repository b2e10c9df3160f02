import Foundation

/// Reading dates in NextRoll fixtures and parameters, and writing them the way the API does.
enum NextRollDates {
    static func text(_ date: Date) -> SandboxJSON { .string(Timestamp.iso8601WithOffset(date)) }

    static func text(_ date: Date?) -> SandboxJSON { date.map(text) ?? .null }

    static func read(_ fields: JSONFields, _ key: String) throws(FieldProblem) -> Date? {
        guard let value = try fields.optionalString(key) else { return nil }
        guard let date = Timestamp.parse(value) else {
            throw FieldProblem(path: fields.path(key), message: "must be a date (2026-03-01) or date-time (2026-03-01T00:00:00+00:00)")
        }
        return date
    }
}
