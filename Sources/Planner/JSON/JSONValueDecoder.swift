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

private struct DecodingIndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) { stringValue = String(index); intValue = index }
    init?(stringValue: String) { self.stringValue = stringValue; intValue = Int(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let storedUserInfo: [CodingUserInfoKey: any Sendable]

    init(value: JSONValue, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.value = value
        self.codingPath = codingPath
        self.storedUserInfo = userInfo
    }

    var userInfo: [CodingUserInfoKey: Any] { storedUserInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw ValueDecoder.mismatch("an object", value, codingPath) }
        var fields: [String: JSONValue] = [:]
        for (key, member) in members { fields[key] = member }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, fields: fields, orderedKeys: members.map(\.0), codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let values) = value else { throw ValueDecoder.mismatch("an array", value, codingPath) }
        return UnkeyedContainer(decoder: self, values: values, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(decoder: self)
    }

    func child(_ value: JSONValue, key: any CodingKey) -> ValueDecoder {
        ValueDecoder(value: value, codingPath: codingPath + [key], userInfo: storedUserInfo)
    }

    func unbox<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Decimal.self, let decimal = try decimal() as? T { return decimal }
        if type == JSONValue.self, let json = value as? T { return json }
        return try T(from: self)
    }

    func decimal() throws -> Decimal {
        switch value {
        case .integer(let integer): return Decimal(integer)
        case .decimal(let decimal): return decimal
        case .string(let text):
            guard let decimal = JSONParser.exactDecimal(text), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "expected a decimal number, found \"\(text)\""))
            }
            return decimal
        default: throw ValueDecoder.mismatch("a number", value, codingPath)
        }
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw ValueDecoder.mismatch("true or false", value, codingPath) }
        return flag
    }

    func string() throws -> String {
        guard case .string(let text) = value else { throw ValueDecoder.mismatch("a string", value, codingPath) }
        return text
    }

    func integer() throws -> Int64 {
        switch value {
        case .integer(let integer): return integer
        case .decimal(let decimal) where decimal.isWholeNumber:
            // `5.0` or `1e2`: a whole number written with a fraction or exponent.
            guard let integer = Int64(decimal.formatted(decimals: 0)) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "whole number \(decimal) is too large"))
            }
            return integer
        default: throw ValueDecoder.mismatch("a whole number", value, codingPath)
        }
    }

    func int() throws -> Int {
        let wide = try integer()
        guard let narrow = Int(exactly: wide) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "whole number \(wide) is too large"))
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

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ValueDecoder
        let fields: [String: JSONValue]
        let orderedKeys: [String]
        let codingPath: [any CodingKey]

        var allKeys: [Key] { orderedKeys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

        func member(_ key: Key) throws -> ValueDecoder {
            guard let value = fields[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing required key `\(key.stringValue)`"))
            }
            return decoder.child(value, key: key)
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard let value = fields[key.stringValue] else { return true }
            if case .null = value { return true }
            return false
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(key).bool() }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(key).string() }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw ValueDecoder.floatingPoint(codingPath + [key]) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw ValueDecoder.floatingPoint(codingPath + [key]) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(key).int() }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).integer() }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try member(key).unbox(type) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try member(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try member(key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            decoder.child(fields["super"] ?? .null, key: DecodingIndexKey(stringValue: "super") ?? DecodingIndexKey(0))
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            decoder.child(fields[key.stringValue] ?? .null, key: key)
        }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let decoder: ValueDecoder
        let values: [JSONValue]
        let codingPath: [any CodingKey]
        var currentIndex = 0

        init(decoder: ValueDecoder, values: [JSONValue], codingPath: [any CodingKey]) {
            self.decoder = decoder
            self.values = values
            self.codingPath = codingPath
        }

        var count: Int? { values.count }
        var isAtEnd: Bool { currentIndex >= values.count }

        mutating func next() throws -> ValueDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [DecodingIndexKey(currentIndex)], debugDescription: "the array has no more elements"))
            }
            let child = decoder.child(values[currentIndex], key: DecodingIndexKey(currentIndex))
            currentIndex += 1
            return child
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { return false }
            if case .null = values[currentIndex] {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
        mutating func decode(_ type: String.Type) throws -> String { try next().string() }
        mutating func decode(_ type: Double.Type) throws -> Double { throw ValueDecoder.floatingPoint(codingPath + [DecodingIndexKey(currentIndex)]) }
        mutating func decode(_ type: Float.Type) throws -> Float { throw ValueDecoder.floatingPoint(codingPath + [DecodingIndexKey(currentIndex)]) }
        mutating func decode(_ type: Int.Type) throws -> Int { try next().int() }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer() }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().unbox(type) }

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

        func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
        func decode(_ type: String.Type) throws -> String { try decoder.string() }
        func decode(_ type: Double.Type) throws -> Double { throw ValueDecoder.floatingPoint(codingPath) }
        func decode(_ type: Float.Type) throws -> Float { throw ValueDecoder.floatingPoint(codingPath) }
        func decode(_ type: Int.Type) throws -> Int { try decoder.int() }
        func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer() }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.unbox(type) }
    }

    static func floatingPoint(_ path: [any CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(Double.self, .init(codingPath: path, debugDescription: "floating-point values are not read; use Decimal"))
    }
}
