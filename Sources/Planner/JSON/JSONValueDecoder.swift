import Foundation

/// Decodes `Decodable` values from a `JSONValue` (from `JSONParser`), keeping `Decimal`s exact:
/// a `Decimal` is read from the number's digits or from a string holding a decimal ("19.99"),
/// never through `Double`. Errors are `DecodingError`s with the coding path, which
/// `JSONValueDecoder.describe` turns into `campaigns[2].budget.amount: …`.
public struct JSONValueDecoder {
    public var userInfo: [CodingUserInfoKey: any Sendable]
    /// Prepended to every coding path, when decoding a part of a larger document.
    public var basePath: [any CodingKey]

    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:], basePath: [any CodingKey] = []) {
        self.userInfo = userInfo
        self.basePath = basePath
    }

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try ValueDecoder(value: value, codingPath: basePath, userInfo: userInfo).unbox(type)
    }

    /// Parses JSON text and decodes it.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decode(type, from: try JSONParser().parse(data))
    }

    /// `path: message` for a decoding error, such as `providers.nextroll-us.campaigns[2].budget: expected an object, found a string`.
    public static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        let context: DecodingError.Context
        var message: String
        switch decodingError {
        case .typeMismatch(_, let found):
            context = found
            message = found.debugDescription
        case .valueNotFound(_, let found):
            context = found
            message = found.debugDescription
        case .keyNotFound(let key, let found):
            context = DecodingError.Context(codingPath: found.codingPath + [key], debugDescription: found.debugDescription)
            message = "missing required key `\(key.stringValue)`"
        case .dataCorrupted(let found):
            context = found
            message = found.debugDescription
        @unknown default:
            return "\(error)"
        }
        if message.isEmpty { message = "invalid value" }
        let path = pathDescription(context.codingPath)
        return path.isEmpty ? message : "\(path): \(message)"
    }

    /// `a.b[2].c` for a coding path.
    public static func pathDescription(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}

/// An array index as a coding key; its text is made only when a path is printed.
private struct DecodingIndexKey: CodingKey {
    var index: Int
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) {
        guard let index = Int(stringValue) else { return nil }
        self.index = index
    }
    init?(intValue: Int) { self.init(intValue) }
    var stringValue: String { String(index) }
    var intValue: Int? { index }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let node: CodingPathNode
    let storedUserInfo: [CodingUserInfoKey: any Sendable]

    init(value: JSONValue, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.init(value: value, node: CodingPathNode(base: codingPath), userInfo: userInfo)
    }

    init(value: JSONValue, node: CodingPathNode, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.value = value
        self.node = node
        self.storedUserInfo = userInfo
    }

    var codingPath: [any CodingKey] { node.path }
    var userInfo: [CodingUserInfoKey: Any] { storedUserInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw ValueDecoder.mismatch("an object", value, codingPath) }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let values) = value else { throw ValueDecoder.mismatch("an array", value, codingPath) }
        return UnkeyedContainer(decoder: self, values: values)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(decoder: self)
    }

    func child(_ value: JSONValue, key: any CodingKey) -> ValueDecoder {
        ValueDecoder(value: value, node: CodingPathNode(parent: node, key: key), userInfo: storedUserInfo)
    }

    func unbox<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Decimal.self, let decimal = try ValueDecoder.decimal(value, codingPath) as? T { return decimal }
        if type == JSONValue.self, let json = value as? T { return json }
        return try T(from: self)
    }

    // MARK: Scalars, read in place (the path is only built for an error)

    /// `value` as `T` when `T` is a scalar read without a child decoder (String, Decimal, Int, Bool), else nil.
    static func scalar<T>(_ type: T.Type, _ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> T? {
        if type == String.self { return try string(value, path()) as? T }
        if type == Decimal.self { return try decimal(value, path()) as? T }
        if type == Int.self { return try int(value, path()) as? T }
        if type == Bool.self { return try bool(value, path()) as? T }
        return nil
    }

    static func decimal(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Decimal {
        switch value {
        case .integer(let integer): return Decimal(integer)
        case .decimal(let decimal): return decimal
        case .string(let text):
            guard let decimal = JSONParser.exactDecimal(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "expected a decimal number, found \"\(text)\""))
            }
            return decimal
        default: throw ValueDecoder.mismatch("a number", value, path())
        }
    }

    static func bool(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw ValueDecoder.mismatch("true or false", value, path()) }
        return flag
    }

    static func string(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw ValueDecoder.mismatch("a string", value, path()) }
        return text
    }

    static func integer(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Int64 {
        switch value {
        case .integer(let integer): return integer
        case .decimal(let decimal) where decimal.isWholeNumber:
            // `5.0` or `1e2`: a whole number written with a fraction or exponent.
            guard let integer = Int64(decimal.formatted(decimals: 0)) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "whole number \(decimal) is too large"))
            }
            return integer
        default: throw ValueDecoder.mismatch("a whole number", value, path())
        }
    }

    static func int(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Int {
        let wide = try integer(value, path())
        guard let narrow = Int(exactly: wide) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "whole number \(wide) is too large"))
        }
        return narrow
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .decimal: return "a number"
        case .string(let text): return "the string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    static func mismatch(_ expected: String, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
        if case .null = value {
            return DecodingError.valueNotFound(Any.self, .init(codingPath: path, debugDescription: "expected \(expected), found null"))
        }
        return DecodingError.typeMismatch(Any.self, .init(codingPath: path, debugDescription: "expected \(expected), found \(kind(of: value))"))
    }

    /// Objects are small (a dozen keys), so members are looked up in place rather than hashed.
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ValueDecoder
        let members: [(String, JSONValue)]

        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { members.compactMap { Key(stringValue: $0.0) } }

        func field(_ name: String) -> JSONValue? {
            for (key, value) in members where key == name { return value }
            return nil
        }

        func contains(_ key: Key) -> Bool { field(key.stringValue) != nil }

        func raw(_ key: Key) throws -> JSONValue {
            guard let value = field(key.stringValue) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing required key `\(key.stringValue)`"))
            }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard let value = field(key.stringValue) else { return true }
            if case .null = value { return true }
            return false
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try ValueDecoder.bool(try raw(key), codingPath + [key]) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try ValueDecoder.string(try raw(key), codingPath + [key]) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw ValueDecoder.floatingPoint(codingPath + [key]) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw ValueDecoder.floatingPoint(codingPath + [key]) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try ValueDecoder.int(try raw(key), codingPath + [key]) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try ValueDecoder.integer(try raw(key), codingPath + [key]) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try decode(type, from: try raw(key), key: key)
        }

        private func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, key: Key) throws -> T {
            if let scalar = try ValueDecoder.scalar(type, value, codingPath + [key]) { return scalar }
            return try decoder.child(value, key: key).unbox(type)
        }

        /// One look-up instead of the default's three (contains, decodeNil, decode).
        private func present(_ key: Key) -> JSONValue? {
            guard let value = field(key.stringValue) else { return nil }
            if case .null = value { return nil }
            return value
        }

        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            try present(key).map { try ValueDecoder.string($0, codingPath + [key]) }
        }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            try present(key).map { try ValueDecoder.bool($0, codingPath + [key]) }
        }

        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            try present(key).map { try ValueDecoder.int($0, codingPath + [key]) }
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try present(key).map { try decode(type, from: $0, key: key) }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try decoder.child(try raw(key), key: key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try decoder.child(try raw(key), key: key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            decoder.child(field("super") ?? .null, key: JSONMemberKey("super"))
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            decoder.child(field(key.stringValue) ?? .null, key: key)
        }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let decoder: ValueDecoder
        let values: [JSONValue]
        var currentIndex = 0

        init(decoder: ValueDecoder, values: [JSONValue]) {
            self.decoder = decoder
            self.values = values
        }

        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { values.count }
        var isAtEnd: Bool { currentIndex >= values.count }

        /// The next element and its coding key.
        mutating func take() throws -> (JSONValue, DecodingIndexKey) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [DecodingIndexKey(currentIndex)], debugDescription: "the array has no more elements"))
            }
            let element = (values[currentIndex], DecodingIndexKey(currentIndex))
            currentIndex += 1
            return element
        }

        mutating func next() throws -> ValueDecoder {
            let (value, key) = try take()
            return decoder.child(value, key: key)
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { return false }
            if case .null = values[currentIndex] {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool {
            let (value, key) = try take()
            return try ValueDecoder.bool(value, codingPath + [key])
        }

        mutating func decode(_ type: String.Type) throws -> String {
            let (value, key) = try take()
            return try ValueDecoder.string(value, codingPath + [key])
        }

        mutating func decode(_ type: Double.Type) throws -> Double { throw ValueDecoder.floatingPoint(codingPath + [DecodingIndexKey(currentIndex)]) }
        mutating func decode(_ type: Float.Type) throws -> Float { throw ValueDecoder.floatingPoint(codingPath + [DecodingIndexKey(currentIndex)]) }

        mutating func decode(_ type: Int.Type) throws -> Int {
            let (value, key) = try take()
            return try ValueDecoder.int(value, codingPath + [key])
        }

        mutating func decode(_ type: Int64.Type) throws -> Int64 {
            let (value, key) = try take()
            return try ValueDecoder.integer(value, codingPath + [key])
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            // Arrays of strings and numbers decode their elements through this generic entry.
            if !isAtEnd, let scalar = try ValueDecoder.scalar(type, values[currentIndex], codingPath + [DecodingIndexKey(currentIndex)]) {
                currentIndex += 1
                return scalar
            }
            return try next().unbox(type)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try next().unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { try next() }
    }

    struct SingleContainer: SingleValueDecodingContainer {
        let decoder: ValueDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool {
            if case .null = decoder.value { return true }
            return false
        }

        func decode(_ type: Bool.Type) throws -> Bool { try ValueDecoder.bool(decoder.value, codingPath) }
        func decode(_ type: String.Type) throws -> String { try ValueDecoder.string(decoder.value, codingPath) }
        func decode(_ type: Double.Type) throws -> Double { throw ValueDecoder.floatingPoint(codingPath) }
        func decode(_ type: Float.Type) throws -> Float { throw ValueDecoder.floatingPoint(codingPath) }
        func decode(_ type: Int.Type) throws -> Int { try ValueDecoder.int(decoder.value, codingPath) }
        func decode(_ type: Int64.Type) throws -> Int64 { try ValueDecoder.integer(decoder.value, codingPath) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.unbox(type) }
    }

    static func floatingPoint(_ path: [any CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(Double.self, .init(codingPath: path, debugDescription: "floating-point values are not read; use Decimal"))
    }
}
