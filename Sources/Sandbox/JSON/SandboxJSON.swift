import Foundation

/// A JSON value as the sandbox reads and writes it: object members keep their order, and numbers are
/// exact decimals parsed from their text, so money never picks up floating-point noise on the way
/// in or out (`123.45` stays 123.45).
public indirect enum SandboxJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([SandboxJSON])
    case object([(key: String, value: SandboxJSON)])

    public static func == (lhs: SandboxJSON, rhs: SandboxJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Parses a JSON document (RFC 8259) with exact decimal numbers.
    public static func parse(_ data: Data, maximumDepth: Int = 64) throws(SandboxJSONError) -> SandboxJSON {
        var parser = SandboxJSONParser(bytes: [UInt8](data), maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }

    /// Parses JSON text.
    public static func parse(_ text: String) throws(SandboxJSONError) -> SandboxJSON {
        try parse(Data(text.utf8))
    }

    /// A number from an integer.
    public static func integer(_ value: Int) -> SandboxJSON { .number(Decimal(value)) }

    /// A string, or null when absent.
    public static func optional(_ value: String?) -> SandboxJSON { value.map(SandboxJSON.string) ?? .null }

    /// A number, or null when absent.
    public static func optional(_ value: Decimal?) -> SandboxJSON { value.map(SandboxJSON.number) ?? .null }

    /// An array of strings.
    public static func strings(_ values: [String]) -> SandboxJSON { .array(values.map(SandboxJSON.string)) }

    /// The member of an object by key (the last one if a key repeats); nil for a missing key or a non-object.
    public subscript(key: String) -> SandboxJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The element of an array by position; nil out of range or for a non-array.
    public subscript(index: Int) -> SandboxJSON? {
        guard case .array(let values) = self, values.indices.contains(index) else { return nil }
        return values[index]
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var decimalValue: Decimal? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as an integer when it is integral and fits.
    public var intValue: Int? {
        guard case .number(let value) = self, value.isIntegral else { return nil }
        return Int(exactly: NSDecimalNumber(decimal: value).int64Value).flatMap { Decimal($0) == value ? $0 : nil }
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [SandboxJSON]? {
        if case .array(let values) = self { return values }
        return nil
    }

    public var objectValue: [(key: String, value: SandboxJSON)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The JSON type's name, for error messages ("expected a string, found a number").
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Serialized compactly (for HTTP bodies) or, with `indent` > 0, pretty-printed (for state files).
    public func serialized(indent: Int = 0) -> String {
        String(decoding: bytes(indent: indent), as: UTF8.self)
    }

    /// The UTF-8 bytes of the compact serialization.
    public var data: Data { Data(bytes(indent: 0)) }

    /// Every response body goes through here, so it writes bytes straight into one buffer: strings
    /// are copied whole unless they hold a character JSON must escape.
    private func bytes(indent: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output, indent: indent, level: 0)
        return output
    }

    private func write(to output: inout [UInt8], indent: Int, level: Int) {
        func newline() { if indent > 0 { output.append(UInt8(ascii: "\n")) } }
        func pad(_ level: Int) { if indent > 0 { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level)) } }
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): output.append(contentsOf: (value.isNaN ? "null" : value.description).utf8)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            if values.isEmpty { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            newline()
            for (index, value) in values.enumerated() {
                pad(level + 1)
                value.write(to: &output, indent: indent, level: level + 1)
                if index < values.count - 1 { output.append(UInt8(ascii: ",")) }
                newline()
            }
            pad(level)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            newline()
            for (index, member) in members.enumerated() {
                pad(level + 1)
                Self.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if indent > 0 { output.append(UInt8(ascii: " ")) }
                member.value.write(to: &output, indent: indent, level: level + 1)
                if index < members.count - 1 { output.append(UInt8(ascii: ",")) }
                newline()
            }
            pad(level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        // Quotes, backslashes and control characters are the only bytes JSON escapes; UTF-8 never
        // uses bytes below 0x80 inside a multi-byte character, so a byte scan finds them all.
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: utf8)
        } else {
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): output.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): output.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): output.append(contentsOf: "\\t".utf8)
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                default: output.append(byte)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

extension Decimal {
    /// Whether the value has no fractional part.
    var isIntegral: Bool {
        var value = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded == self
    }
}
