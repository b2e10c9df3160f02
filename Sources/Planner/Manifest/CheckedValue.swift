import Foundation

/// A manifest value that passed its schema check, typed, with the place it was written.
public struct CheckedValue: Sendable {
    public indirect enum Content: Sendable {
        case string(String)
        case integer(Int)
        case decimal(Decimal)
        case boolean(Bool)
        case date(CalendarDate)
        case sequence([CheckedValue])
        case object(CheckedObject)
        case map([CheckedMapEntry])
    }

    public var content: Content
    public var location: SourceLocation

    public var string: String? { if case .string(let value) = content { return value }; return nil }
    public var integer: Int? { if case .integer(let value) = content { return value }; return nil }
    public var decimal: Decimal? { if case .decimal(let value) = content { return value }; return nil }
    public var boolean: Bool? { if case .boolean(let value) = content { return value }; return nil }
    public var date: CalendarDate? { if case .date(let value) = content { return value }; return nil }
    public var sequence: [CheckedValue]? { if case .sequence(let value) = content { return value }; return nil }
    public var object: CheckedObject? { if case .object(let value) = content { return value }; return nil }
    public var map: [CheckedMapEntry]? { if case .map(let value) = content { return value }; return nil }
}

/// A mapping whose keys were all known and whose values all had the right type.
public struct CheckedObject: Sendable {
    public var location: SourceLocation
    /// The provider kind the object was checked for, when known.
    public var providerKind: ProviderKind?
    public var fields: [String: CheckedValue]
    /// Where each key was written, for messages about the key rather than its value.
    public var keyLocations: [String: SourceLocation]

    public subscript(_ key: String) -> CheckedValue? { fields[key] }
}

/// One entry of a checked user-keyed mapping (`providers:`).
public struct CheckedMapEntry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: CheckedValue
}
