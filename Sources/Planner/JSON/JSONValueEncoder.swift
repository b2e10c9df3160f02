import Foundation

/// Encodes `Encodable` values into a `JSONValue`, keeping object keys in the order they are encoded
/// (so documents read in declaration order and are byte-stable) and `Decimal`s exact.
///
/// `nil` optionals encoded with `encodeIfPresent` (what synthesized conformances do) are left out.
public struct JSONValueEncoder {
    public var userInfo: [CodingUserInfoKey: any Sendable]

    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = ValueEncoder(codingPath: [], userInfo: userInfo)
        return try encoder.box(value)
    }
}

/// A container under construction; containers are references so nested containers can fill them later.
private final class EncodingNode {
    enum Content {
        case empty
        case value(JSONValue)
        case object([(String, EncodingNode)])
        case array([EncodingNode])
    }

    var content: Content = .empty

    init() {}
    init(_ value: JSONValue) { content = .value(value) }

    var json: JSONValue {
        switch content {
        case .empty: return .object([])
        case .value(let value): return value
        case .object(let members): return .object(members.map { ($0.0, $0.1.json) })
        case .array(let values): return .array(values.map(\.json))
        }
    }

    func member(_ key: String) -> EncodingNode {
        if case .object(let members) = content, let existing = members.first(where: { $0.0 == key }) { return existing.1 }
        let node = EncodingNode()
        append(key, node)
        return node
    }

    func append(_ key: String, _ node: EncodingNode) {
        if case .object(var members) = content {
            members.removeAll { $0.0 == key }
            members.append((key, node))
            content = .object(members)
        } else {
            content = .object([(key, node)])
        }
    }

    func append(_ node: EncodingNode) {
        if case .array(var values) = content {
            values.append(node)
            content = .array(values)
        } else {
            content = .array([node])
        }
    }

    var arrayCount: Int {
        if case .array(let values) = content { return values.count }
        return 0
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) { stringValue = String(index); intValue = index }
    init?(stringValue: String) { self.stringValue = stringValue; intValue = Int(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

private final class ValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    let storedUserInfo: [CodingUserInfoKey: any Sendable]
    let node: EncodingNode

    var userInfo: [CodingUserInfoKey: Any] { storedUserInfo }

    init(codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable], node: EncodingNode = EncodingNode()) {
        self.codingPath = codingPath
        self.storedUserInfo = userInfo
        self.node = node
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedContainer(encoder: self, node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self, codingPath: codingPath)
    }

    /// The JSON for one value; Decimal is intercepted so it never goes through its own keyed encoding.
    func box<T: Encodable>(_ value: T, at path: [any CodingKey]? = nil) throws -> JSONValue {
        if let decimal = value as? Decimal { return .decimal(decimal) }
        if let json = value as? JSONValue { return json }
        let child = ValueEncoder(codingPath: path ?? codingPath, userInfo: storedUserInfo)
        try value.encode(to: child)
        return child.node.json
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: ValueEncoder
        let node: EncodingNode
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.append(key.stringValue, EncodingNode(.null)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { node.append(key.stringValue, EncodingNode(.bool(value))) }
        mutating func encode(_ value: String, forKey key: Key) throws { node.append(key.stringValue, EncodingNode(.string(value))) }
        mutating func encode(_ value: Double, forKey key: Key) throws { throw ValueEncoder.floatingPoint(codingPath + [key]) }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw ValueEncoder.floatingPoint(codingPath + [key]) }
        mutating func encode(_ value: Int, forKey key: Key) throws { node.append(key.stringValue, EncodingNode(.integer(Int64(value)))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { node.append(key.stringValue, EncodingNode(.integer(value))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            node.append(key.stringValue, EncodingNode(try encoder.box(value, at: codingPath + [key])))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = node.member(key.stringValue)
            child.content = .object([])
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, node: child, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = node.member(key.stringValue)
            child.content = .array([])
            return UnkeyedContainer(encoder: encoder, node: child, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder {
            ValueEncoder(codingPath: codingPath, userInfo: encoder.storedUserInfo, node: node.member("super"))
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            ValueEncoder(codingPath: codingPath + [key], userInfo: encoder.storedUserInfo, node: node.member(key.stringValue))
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: ValueEncoder
        let node: EncodingNode
        let codingPath: [any CodingKey]
        var count: Int { node.arrayCount }

        mutating func encodeNil() throws { node.append(EncodingNode(.null)) }
        mutating func encode(_ value: Bool) throws { node.append(EncodingNode(.bool(value))) }
        mutating func encode(_ value: String) throws { node.append(EncodingNode(.string(value))) }
        mutating func encode(_ value: Double) throws { throw ValueEncoder.floatingPoint(codingPath + [IndexKey(count)]) }
        mutating func encode(_ value: Float) throws { throw ValueEncoder.floatingPoint(codingPath + [IndexKey(count)]) }
        mutating func encode(_ value: Int) throws { node.append(EncodingNode(.integer(Int64(value)))) }
        mutating func encode(_ value: Int64) throws { node.append(EncodingNode(.integer(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            node.append(EncodingNode(try encoder.box(value, at: codingPath + [IndexKey(count)])))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = EncodingNode()
            child.content = .object([])
            let path = codingPath + [IndexKey(count)]
            node.append(child)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, node: child, codingPath: path))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = EncodingNode()
            child.content = .array([])
            let path = codingPath + [IndexKey(count)]
            node.append(child)
            return UnkeyedContainer(encoder: encoder, node: child, codingPath: path)
        }

        mutating func superEncoder() -> any Encoder {
            let child = EncodingNode()
            node.append(child)
            return ValueEncoder(codingPath: codingPath, userInfo: encoder.storedUserInfo, node: child)
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: ValueEncoder
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { encoder.node.content = .value(.null) }
        mutating func encode(_ value: Bool) throws { encoder.node.content = .value(.bool(value)) }
        mutating func encode(_ value: String) throws { encoder.node.content = .value(.string(value)) }
        mutating func encode(_ value: Double) throws { throw ValueEncoder.floatingPoint(codingPath) }
        mutating func encode(_ value: Float) throws { throw ValueEncoder.floatingPoint(codingPath) }
        mutating func encode(_ value: Int) throws { encoder.node.content = .value(.integer(Int64(value))) }
        mutating func encode(_ value: Int64) throws { encoder.node.content = .value(.integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.node.content = .value(try encoder.box(value)) }
    }

    /// Binary floating point has no place in these documents: money and rates are `Decimal`.
    static func floatingPoint(_ path: [any CodingKey]) -> EncodingError {
        EncodingError.invalidValue(0.0, EncodingError.Context(codingPath: path, debugDescription: "floating-point values are not written; use Decimal"))
    }
}
