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
/// Members and elements live in their own arrays so appending stays amortized O(1).
private final class EncodingNode {
    enum Kind { case empty, value, object, array }

    /// A member or element: a finished value is held as it is, without a node of its own (most are
    /// strings and numbers, and a node each would be an allocation each).
    enum Child {
        case value(JSONValue)
        case node(EncodingNode)

        var json: JSONValue {
            switch self {
            case .value(let value): return value
            case .node(let node): return node.json
            }
        }
    }

    var kind: Kind = .empty
    var value: JSONValue = .null
    var members: [(String, Child)] = []
    var elements: [Child] = []

    init() {}

    func becomeObject() {
        if kind != .object { kind = .object; members = [] }
    }

    func becomeArray() {
        if kind != .array { kind = .array; elements = [] }
    }

    func setValue(_ newValue: JSONValue) {
        kind = .value
        value = newValue
    }

    var json: JSONValue {
        switch kind {
        case .empty: return .object([])
        case .value: return value
        case .object: return .object(members.map { ($0.0, $0.1.json) })
        case .array: return .array(elements.map(\.json))
        }
    }

    func member(_ key: String) -> EncodingNode {
        if kind == .object, let index = members.firstIndex(where: { $0.0 == key }) {
            if case .node(let node) = members[index].1 { return node }
            // A value encoded under the key before gives way to the container, in its place.
            let node = EncodingNode()
            members[index].1 = .node(node)
            return node
        }
        let node = EncodingNode()
        append(key, .node(node))
        return node
    }

    /// Adds a member; encoding a key again replaces the earlier value, as JSON objects hold one value per key.
    func append(_ key: String, _ child: Child) {
        becomeObject()
        if let index = members.firstIndex(where: { $0.0 == key }) { members.remove(at: index) }
        members.append((key, child))
    }

    func append(_ child: Child) {
        becomeArray()
        elements.append(child)
    }

    var arrayCount: Int { kind == .array ? elements.count : 0 }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) { stringValue = String(index); intValue = index }
    init?(stringValue: String) { self.stringValue = stringValue; intValue = Int(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

private final class ValueEncoder: Encoder {
    let path: CodingPathNode
    let storedUserInfo: [CodingUserInfoKey: any Sendable]
    let node: EncodingNode

    var codingPath: [any CodingKey] { path.path }
    var userInfo: [CodingUserInfoKey: Any] { storedUserInfo }

    convenience init(codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.init(path: CodingPathNode(base: codingPath), userInfo: userInfo)
    }

    init(path: CodingPathNode, userInfo: [CodingUserInfoKey: any Sendable], node: EncodingNode = EncodingNode()) {
        self.path = path
        self.storedUserInfo = userInfo
        self.node = node
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, node: node, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedContainer(encoder: self, node: node, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    /// The JSON for one value; Decimal is intercepted so it never goes through its own keyed encoding.
    func box<T: Encodable>(_ value: T, at path: CodingPathNode? = nil) throws -> JSONValue {
        // Types are compared first: a dynamic cast of every value costs more than the comparison.
        if T.self == Decimal.self, let decimal = value as? Decimal { return .decimal(decimal) }
        if T.self == JSONValue.self, let json = value as? JSONValue { return json }
        let child = ValueEncoder(path: path ?? self.path, userInfo: storedUserInfo)
        try value.encode(to: child)
        return child.node.json
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: ValueEncoder
        let node: EncodingNode
        let path: CodingPathNode

        var codingPath: [any CodingKey] { path.path }

        mutating func encodeNil(forKey key: Key) throws { node.append(key.stringValue, .value(.null)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { node.append(key.stringValue, .value(.bool(value))) }
        mutating func encode(_ value: String, forKey key: Key) throws { node.append(key.stringValue, .value(.string(value))) }
        mutating func encode(_ value: Double, forKey key: Key) throws { throw ValueEncoder.floatingPoint(codingPath + [key]) }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw ValueEncoder.floatingPoint(codingPath + [key]) }
        mutating func encode(_ value: Int, forKey key: Key) throws { node.append(key.stringValue, .value(.integer(Int64(value)))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { node.append(key.stringValue, .value(.integer(value))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            node.append(key.stringValue, .value(try encoder.box(value, at: CodingPathNode(parent: path, key: key))))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = node.member(key.stringValue)
            child.becomeObject()
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, node: child, path: CodingPathNode(parent: path, key: key)))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = node.member(key.stringValue)
            child.becomeArray()
            return UnkeyedContainer(encoder: encoder, node: child, path: CodingPathNode(parent: path, key: key))
        }

        mutating func superEncoder() -> any Encoder {
            ValueEncoder(path: path, userInfo: encoder.storedUserInfo, node: node.member("super"))
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            ValueEncoder(path: CodingPathNode(parent: path, key: key), userInfo: encoder.storedUserInfo, node: node.member(key.stringValue))
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: ValueEncoder
        let node: EncodingNode
        let path: CodingPathNode
        var count: Int { node.arrayCount }
        var codingPath: [any CodingKey] { path.path }

        /// The path of the element about to be added.
        private var nextPath: CodingPathNode { CodingPathNode(parent: path, key: IndexKey(count)) }

        mutating func encodeNil() throws { node.append(.value(.null)) }
        mutating func encode(_ value: Bool) throws { node.append(.value(.bool(value))) }
        mutating func encode(_ value: String) throws { node.append(.value(.string(value))) }
        mutating func encode(_ value: Double) throws { throw ValueEncoder.floatingPoint(codingPath + [IndexKey(count)]) }
        mutating func encode(_ value: Float) throws { throw ValueEncoder.floatingPoint(codingPath + [IndexKey(count)]) }
        mutating func encode(_ value: Int) throws { node.append(.value(.integer(Int64(value)))) }
        mutating func encode(_ value: Int64) throws { node.append(.value(.integer(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            node.append(.value(try encoder.box(value, at: nextPath)))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = EncodingNode()
            child.becomeObject()
            let path = nextPath
            node.append(.node(child))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, node: child, path: path))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = EncodingNode()
            child.becomeArray()
            let path = nextPath
            node.append(.node(child))
            return UnkeyedContainer(encoder: encoder, node: child, path: path)
        }

        mutating func superEncoder() -> any Encoder {
            let child = EncodingNode()
            node.append(.node(child))
            return ValueEncoder(path: path, userInfo: encoder.storedUserInfo, node: child)
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.node.setValue(.null) }
        mutating func encode(_ value: Bool) throws { encoder.node.setValue(.bool(value)) }
        mutating func encode(_ value: String) throws { encoder.node.setValue(.string(value)) }
        mutating func encode(_ value: Double) throws { throw ValueEncoder.floatingPoint(codingPath) }
        mutating func encode(_ value: Float) throws { throw ValueEncoder.floatingPoint(codingPath) }
        mutating func encode(_ value: Int) throws { encoder.node.setValue(.integer(Int64(value))) }
        mutating func encode(_ value: Int64) throws { encoder.node.setValue(.integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.node.setValue(try encoder.box(value)) }
    }

    /// Binary floating point has no place in these documents: money and rates are `Decimal`.
    static func floatingPoint(_ path: [any CodingKey]) -> EncodingError {
        EncodingError.invalidValue(0.0, EncodingError.Context(codingPath: path, debugDescription: "floating-point values are not written; use Decimal"))
    }
}
