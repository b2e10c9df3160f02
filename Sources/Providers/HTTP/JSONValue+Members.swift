import Foundation
import Planner

/// Reading members of a parsed response: platform answers are read through these, so numbers stay
/// exact (`decimalValue` never goes through `Double`).
extension JSONValue {
    /// The member `key` of an object (nil for other values or a missing key).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// An integer, also when written with a zero fraction (`5000.0`).
    var int64Value: Int64? {
        switch self {
        case .integer(let number): return number
        case .decimal(let number):
            let whole = NSDecimalNumber(decimal: number).int64Value
            return Decimal(whole) == number ? whole : nil
        default: return nil
        }
    }

    /// Any JSON number, exactly.
    var decimalValue: Decimal? {
        switch self {
        case .integer(let number): return Decimal(number)
        case .decimal(let number): return number
        default: return nil
        }
    }

    var arrayValue: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    var isNull: Bool { self == .null }

    /// A string, or a number written as its digits (ids some platforms send either way).
    var identifierText: String? {
        switch self {
        case .string(let text): return text
        case .integer(let number): return String(number)
        default: return nil
        }
    }

    /// The value's JSON type, for messages about unexpected answers.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .decimal: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
