import Foundation

/// A manifest value that passed its schema check, typed, with the place it was written.
///
/// Places are kept as line and column only: every value of a resource comes from one document, whose
/// file the reader knows. Holding the file in each of the millions of values of a large manifest would
/// cost a reference count update at every copy and make each value twice as large.
public struct CheckedValue: Sendable {
    // Not `indirect`: nested values already live in arrays, and boxing every scalar would cost a
    // heap allocation per value (a 10,000-campaign manifest has millions).
    public enum Content: Sendable {
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
    /// Where the value was written in its document (see `YAMLTree.location(_:)` for the file).
    var mark: YAMLTree.Mark

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
    /// One key of the mapping: where the key was written and its checked value (nil when the value failed its check).
    public struct Field: Sendable {
        public var key: String
        var keyMark: YAMLTree.Mark
        public var value: CheckedValue?
    }

    /// Where the mapping was written in its document.
    var mark: YAMLTree.Mark
    /// The provider kind the object was checked for, when known.
    public var providerKind: ProviderKind?
    /// The keys in the order written. An array, not a dictionary: objects have a handful of keys,
    /// and a dictionary per object would dominate the memory of large manifests.
    public private(set) var entries: [Field] = []

    init(mark: YAMLTree.Mark, providerKind: ProviderKind?) {
        self.mark = mark
        self.providerKind = providerKind
    }

    /// The checked value under `key`; nil when absent or when its value failed its check.
    public subscript(_ key: String) -> CheckedValue? {
        // By index: only the value is copied out, not the whole field (the decoder reads millions).
        for index in entries.indices where entries[index].key == key { return entries[index].value }
        return nil
    }

    /// Where `key` was written, whether or not its value passed its check; nil when absent.
    func keyMark(_ key: String) -> YAMLTree.Mark? {
        for index in entries.indices where entries[index].key == key { return entries[index].keyMark }
        return nil
    }

    /// The keys that were written, whether or not their values passed.
    public func has(_ key: String) -> Bool {
        entries.contains { $0.key == key }
    }

    /// Makes room for `count` keys, so that an object's fields are stored without regrowing.
    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// Records a key and its checked value (nil when the value failed its check).
    mutating func add(_ key: String, at keyMark: YAMLTree.Mark, value: CheckedValue?) {
        entries.append(Field(key: key, keyMark: keyMark, value: value))
    }
}

/// One entry of a checked user-keyed mapping (`providers:`).
public struct CheckedMapEntry: Sendable {
    public var key: String
    var keyMark: YAMLTree.Mark
    public var value: CheckedValue
}
