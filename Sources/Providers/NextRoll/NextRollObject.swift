import Foundation
import Planner

/// One JSON object of a NextRoll answer (a campaign's, ad group's or segment's "get" representation),
/// read field by field. A field of an unexpected type is a `malformedResponse` naming the call, the
/// object and the field; an absent field and `null` both read as nil.
struct NextRollObject {
    private let members: [(String, JSONValue)]
    /// `METHOD /path` of the call that answered, for errors.
    let call: String
    /// What the object is, for errors: `campaign CAMPEID`, `results[3]`.
    let what: String

    init(_ value: JSONValue, call: String, what: String) throws(APIError) {
        guard case .object(let pairs) = value else {
            throw .malformedResponse(message: "\(what) is \(Self.typeName(value)), not an object", call: call)
        }
        // Kept as the parser made them (it refuses duplicate keys): an object has a couple of dozen
        // members and a few are read, so scanning beats hashing every key of 50,000 ad groups.
        members = pairs
        self.call = call
        self.what = what
    }

    /// The value of `key`; nil when absent or `null`.
    func value(_ key: String) -> JSONValue? {
        guard let value = members.first(where: { $0.0 == key })?.1 else { return nil }
        if case .null = value { return nil }
        return value
    }

    func string(_ key: String) throws(APIError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw problem(key, "a string", value) }
        return text
    }

    func requiredString(_ key: String) throws(APIError) -> String {
        guard let text = try string(key), !text.isEmpty else {
            throw .malformedResponse(message: "\(what) has no `\(key)`", call: call)
        }
        return text
    }

    /// A boolean; `"true"`/`"false"` and 1/0 are read too.
    func bool(_ key: String) throws(APIError) -> Bool? {
        switch value(key) {
        case nil: return nil
        case .bool(let flag): return flag
        case .integer(let number) where number == 0 || number == 1: return number == 1
        case .string(let text) where ["true", "false"].contains(text.lowercased()): return text.lowercased() == "true"
        case let other?: throw problem(key, "true or false", other)
        }
    }

    /// An exact decimal from a JSON number (never through `Double`) or from a string holding one.
    func decimal(_ key: String) throws(APIError) -> Decimal? {
        switch value(key) {
        case nil: return nil
        case .integer(let number): return Decimal(number)
        case .decimal(let number): return number
        case .string(let text):
            guard let number = JSONParser.exactDecimal(text.trimmingCharacters(in: .whitespaces)) else { throw problem(key, "a number", .string(text)) }
            return number
        case let other?: throw problem(key, "a number", other)
        }
    }

    func integer(_ key: String) throws(APIError) -> Int? {
        guard let number = try decimal(key) else { return nil }
        guard number.isWholeNumber, let whole = Int(exactly: NSDecimalNumber(decimal: number).int64Value),
              Decimal(whole) == number else {
            throw problem(key, "a whole number", .decimal(number))
        }
        return whole
    }

    /// A `YYYY-MM-DD` date, or the date part of a date-time (`2026-03-01T00:00:00+00:00`, `2026-03-01 00:00:00`).
    func date(_ key: String) throws(APIError) -> CalendarDate? {
        guard let text = try string(key), !text.isEmpty else { return nil }
        let datePart = text.prefix { $0 != "T" && $0 != " " }
        guard let date = CalendarDate(iso8601: String(datePart)) else { throw problem(key, "a date", .string(text)) }
        return date
    }

    /// EIDs as NextRoll writes lists of them: a JSON array of EID strings or of `{"id": EID, …}` objects,
    /// or one comma-separated string.
    func eids(_ key: String) throws(APIError) -> [String] {
        switch value(key) {
        case nil: return []
        case .string(let text): return Self.commaSeparated(text)
        case .array(let elements):
            var eids: [String] = []
            for (index, element) in elements.enumerated() {
                switch element {
                case .string(let eid): eids.append(eid)
                case .object:
                    eids.append(try NextRollObject(element, call: call, what: "\(what) \(key)[\(index)]").requiredString("id"))
                default: throw problem("\(key)[\(index)]", "an EID", element)
                }
            }
            return eids
        case let other?: throw problem(key, "a list of EIDs", other)
        }
    }

    /// The objects of an array field (or of a JSON string holding one: NextRoll sends geo targets so).
    func objects(_ key: String) throws(APIError) -> [NextRollObject] {
        var value = value(key)
        if case .string(let text)? = value {
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
            do {
                value = try JSONParser().parse(text)
            } catch {
                throw .malformedResponse(message: "\(what) `\(key)` is a string but not JSON (\(error.message))", call: call)
            }
        }
        switch value {
        case nil, .null?: return []
        case .array(let elements)?:
            var objects: [NextRollObject] = []
            for (index, element) in elements.enumerated() {
                objects.append(try NextRollObject(element, call: call, what: "\(what) \(key)[\(index)]"))
            }
            return objects
        case let other?: throw problem(key, "a list", other)
        }
    }

    static func commaSeparated(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func problem(_ key: String, _ expected: String, _ found: JSONValue) -> APIError {
        .malformedResponse(message: "\(what) `\(key)` should be \(expected), found \(Self.typeName(found))", call: call)
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .decimal: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
