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
        var output = ""
        write(to: &output, indent: indent, level: 0)
        return output
    }

    /// The UTF-8 bytes of the compact serialization.
    public var data: Data { Data(serialized().utf8) }

    private func write(to output: inout String, indent: Int, level: Int) {
        let newline = indent > 0 ? "\n" : ""
        let pad = String(repeating: " ", count: indent * (level + 1))
        let closingPad = String(repeating: " ", count: indent * level)
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += value.isNaN ? "null" : "\(value)"
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            if values.isEmpty { output += "[]"; return }
            output += "[" + newline
            for (index, value) in values.enumerated() {
                output += pad
                value.write(to: &output, indent: indent, level: level + 1)
                output += (index < values.count - 1 ? "," : "") + newline
            }
            output += closingPad + "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{" + newline
            for (index, member) in members.enumerated() {
                output += pad
                Self.writeString(member.key, to: &output)
                output += indent > 0 ? ": " : ":"
                member.value.write(to: &output, indent: indent, level: level + 1)
                output += (index < members.count - 1 ? "," : "") + newline
            }
            output += closingPad + "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
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
