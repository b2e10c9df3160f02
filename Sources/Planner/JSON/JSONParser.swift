import Foundation

/// Parses JSON text (RFC 8259) into a `JSONValue`, keeping every number exact: integers that fit
/// `Int64` become `.integer`, all others become `.decimal` parsed from their digits (never `Double`).
///
/// Duplicate object keys are an error (which one wins is undefined elsewhere, so a plan or live-state
/// file with one is ambiguous). Nesting is limited so hostile input cannot exhaust the stack.
public struct JSONParser: Sendable {
    /// The deepest nesting of arrays and objects accepted.
    public var maximumDepth: Int

    public init(maximumDepth: Int = 256) {
        self.maximumDepth = maximumDepth
    }

    /// Parses one JSON document; whitespace around it is allowed, anything else after it is not.
    public func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        var reader = Reader(bytes: Array(data), maximumDepth: maximumDepth)
        reader.skipByteOrderMark()
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.atEnd else { throw reader.error("unexpected text after the JSON document") }
        return value
    }

    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Data(text.utf8))
    }

    private struct Reader {
        let bytes: [UInt8]
        let maximumDepth: Int
        var index = 0

        init(bytes: [UInt8], maximumDepth: Int) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
        }

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipByteOrderMark() {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        /// Line and column (1-based, in characters) of `offset`, computed only when an error is reported.
        func position(of offset: Int) -> (line: Int, column: Int) {
            var line = 1
            var lineStart = 0
            for position in 0..<min(offset, bytes.count) where bytes[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
            return (line, column)
        }

        func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
            let place = position(of: offset ?? index)
            return JSONParseError(message: message, line: place.line, column: place.column)
        }

        func describeCurrent() -> String {
            guard let byte = current else { return "the end of the input" }
            if byte >= 0x20, byte < 0x7F { return "`\(Character(UnicodeScalar(byte)))`" }
            return "byte 0x" + String(byte, radix: 16)
        }

        mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
            guard let byte = current else { throw error("expected a JSON value, found the end of the input") }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("expected a JSON value, found \(describeCurrent())")
            }
        }

        mutating func literal(_ word: String) throws(JSONParseError) {
            let start = index
            for expected in word.utf8 {
                guard current == expected else { throw error("expected `\(word)`", at: start) }
                index += 1
            }
        }

        mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
            guard depth <= maximumDepth else { throw error("JSON nested deeper than \(maximumDepth) levels") }
            index += 1
            var members: [(String, JSONValue)] = []
            var seen: Set<String> = []
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a string key, found \(describeCurrent())") }
                let keyStart = index
                let key = try string()
                guard seen.insert(key).inserted else { throw error("duplicate key \"\(key)\"", at: keyStart) }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw error("expected `:` after key \"\(key)\", found \(describeCurrent())") }
                index += 1
                skipWhitespace()
                members.append((key, try value(depth: depth)))
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard current == UInt8(ascii: "}") else { throw error("expected `,` or `}` in an object, found \(describeCurrent())") }
                index += 1
                return .object(members)
            }
        }

        mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
            guard depth <= maximumDepth else { throw error("JSON nested deeper than \(maximumDepth) levels") }
            index += 1
            var values: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                index += 1
                return .array(values)
            }
            while true {
                skipWhitespace()
                values.append(try value(depth: depth))
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard current == UInt8(ascii: "]") else { throw error("expected `,` or `]` in an array, found \(describeCurrent())") }
                index += 1
                return .array(values)
            }
        }

        mutating func string() throws(JSONParseError) -> String {
            let start = index
            index += 1
            var scalars = String.UnicodeScalarView()
            var runStart = index
            func flushRun(_ reader: Reader, upTo end: Int, into scalars: inout String.UnicodeScalarView) {
                if end > runStart { scalars.append(contentsOf: String(decoding: reader.bytes[runStart..<end], as: UTF8.self).unicodeScalars) }
            }
            while true {
                guard let byte = current else { throw error("unterminated string", at: start) }
                if byte == UInt8(ascii: "\"") {
                    flushRun(self, upTo: index, into: &scalars)
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 { throw error("control character in a string; escape it") }
                if byte == UInt8(ascii: "\\") {
                    flushRun(self, upTo: index, into: &scalars)
                    index += 1
                    scalars.append(try escape())
                    runStart = index
                    continue
                }
                index += 1
            }
        }

        mutating func escape() throws(JSONParseError) -> Unicode.Scalar {
            guard let byte = current else { throw error("unterminated escape") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let high = try hexQuad()
                if (0xD800...0xDBFF).contains(high) {
                    guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    index += 2
                    let low = try hexQuad()
                    guard (0xDC00...0xDFFF).contains(low),
                          let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                        throw error("invalid surrogate pair in \\u escape")
                    }
                    return scalar
                }
                guard let scalar = Unicode.Scalar(high) else { throw error("invalid \\u escape") }
                return scalar
            default:
                index -= 1
                throw error("invalid escape \\\(describeCurrent())")
            }
        }

        mutating func hexQuad() throws(JSONParseError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = Reader.hexDigit(byte) else { throw error("expected four hex digits in \\u escape") }
                value = value * 16 + digit
                index += 1
            }
            return value
        }

        static func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }

        mutating func number() throws(JSONParseError) -> JSONValue {
            let start = index
            var isInteger = true
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, Reader.isDigit(first) else { throw error("expected a digit in a number") }
            if first == UInt8(ascii: "0") {
                index += 1
                if let next = current, Reader.isDigit(next) { throw error("numbers may not have leading zeros", at: start) }
            } else {
                while let byte = current, Reader.isDigit(byte) { index += 1 }
            }
            if current == UInt8(ascii: ".") {
                isInteger = false
                index += 1
                guard let byte = current, Reader.isDigit(byte) else { throw error("expected a digit after the decimal point") }
                while let byte = current, Reader.isDigit(byte) { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                isInteger = false
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let byte = current, Reader.isDigit(byte) else { throw error("expected a digit in the exponent") }
                while let byte = current, Reader.isDigit(byte) { index += 1 }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if isInteger, let integer = Int64(text) { return .integer(integer) }
            guard let decimal = JSONParser.exactDecimal(text) else {
                throw error("number \(text) is outside the range reconcile can hold exactly", at: start)
            }
            return .decimal(decimal)
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    }

    /// The exact `Decimal` for decimal text (`19.99`, `-1.5e3`), or nil when it cannot be held exactly
    /// (more than 38 significant digits or an exponent out of range).
    public static func exactDecimal(_ text: String) -> Decimal? {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else { return nil }
        // Decimal(string:) silently rounds long mantissas; accept only text it holds exactly.
        let significant = text.lowercased().split(separator: "e", maxSplits: 1).first.map { part in
            part.filter(\.isNumber).drop { $0 == "0" }
        } ?? ""
        let trimmed = significant.reversed().drop { $0 == "0" }
        return trimmed.count <= 38 ? value : nil
    }
}

/// JSON text that could not be parsed, with the place of the problem.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
