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
        let bytes = Array(data)
        let depth = maximumDepth
        // Reading through a buffer pointer keeps the hot loop free of array retains and bounds checks.
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, maximumDepth: depth)
            reader.skipByteOrderMark()
            reader.skipWhitespace()
            do throws(JSONParseError) {
                let value = try reader.value(depth: 0)
                reader.skipWhitespace()
                guard reader.atEnd else { return .failure(reader.error("unexpected text after the JSON document")) }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Data(text.utf8))
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let maximumDepth: Int
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
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
            let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<min(offset, bytes.count)]), as: UTF8.self).count + 1
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
            var keys = KeySet()
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
                guard keys.insert(key, members: members) else { throw error("duplicate key \"\(key)\"", at: keyStart) }
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

        /// The keys of one object, for finding duplicates. Objects are small as a rule, and scanning a few
        /// keys costs less than hashing them (and a set per object); a large object switches to a set.
        struct KeySet {
            static let scanLimit = 16
            private var hashed: Set<String>?

            /// Whether `key` is new among the keys of `members` (the members read so far); records it.
            mutating func insert(_ key: String, members: [(String, JSONValue)]) -> Bool {
                if hashed == nil, members.count < Self.scanLimit { return !members.contains { $0.0 == key } }
                var keys = hashed ?? Set(members.map(\.0))
                hashed = nil  // so that `keys` is the set's only owner and grows in place
                defer { hashed = keys }
                return keys.insert(key).inserted
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
            // Fast path: no escapes, the common case, becomes one String.
            var scan = index
            while scan < bytes.count {
                let byte = bytes[scan]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<scan]), as: UTF8.self)
                    index = scan + 1
                    return text
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                scan += 1
            }
            var scalars = String.UnicodeScalarView()
            var runStart = index
            while true {
                guard let byte = current else { throw error("unterminated string", at: start) }
                if byte == UInt8(ascii: "\"") {
                    appendRun(from: runStart, to: index, into: &scalars)
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 { throw error("control character in a string; escape it") }
                if byte == UInt8(ascii: "\\") {
                    appendRun(from: runStart, to: index, into: &scalars)
                    index += 1
                    scalars.append(try escape())
                    runStart = index
                    continue
                }
                index += 1
            }
        }

        func appendRun(from start: Int, to end: Int, into scalars: inout String.UnicodeScalarView) {
            guard end > start else { return }
            scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars)
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
            let digits = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if isInteger, let integer = JSONParser.integer(digits) { return .integer(integer) }
            guard let decimal = JSONParser.exactDecimal(digits) else {
                let text = String(decoding: digits, as: UTF8.self)
                throw error("number \(text) is outside the range reconcile can hold exactly", at: start)
            }
            return .decimal(decimal)
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    }

    /// The exact `Decimal` for decimal text (`19.99`, `-1.5e3`, `+2`), or nil when the text is not a
    /// number or cannot be held exactly (more than 38 significant digits, an exponent out of range).
    public static func exactDecimal(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { exactDecimal($0) }
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The number in `bytes`, read digit by digit: up to 19 significant digits are built exactly
    /// from an integer significand; longer numbers go through `Decimal(string:)`, checked for rounding.
    static func exactDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var significand: UInt64 = 0
        var significantDigits = 0
        var fractionDigits = 0
        var integerDigits = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
                if significantDigits > 0 || byte != UInt8(ascii: "0") {
                    significantDigits += 1
                    if significantDigits <= 19 { significand = significand * 10 + UInt64(byte - UInt8(ascii: "0")) }
                }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard integerDigits > 0, !seenPoint || fractionDigits > 0 else { return nil }
        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponentDigits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                exponentDigits += 1
                guard exponentDigits <= 4 else { return nil }
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard index == bytes.count else { return nil }
        if significantDigits <= 19 {
            let scale = exponent - fractionDigits
            // Decimal's exponent is a signed byte; a zero has no significant digits and any exponent.
            if significand == 0 { return 0 }
            guard scale >= -128, scale <= 127 else { return nil }
            return Decimal(sign: negative ? .minus : .plus, exponent: scale, significand: Decimal(significand))
        }
        // Long numbers: trailing zeros do not count against Decimal's 38 digits.
        let text = String(decoding: bytes, as: UTF8.self)
        guard let value = Decimal(string: text, locale: posix), !value.isNaN else { return nil }
        let mantissa = text.lowercased().split(separator: "e", maxSplits: 1).first.map { $0.filter(\.isNumber).drop { $0 == "0" } } ?? ""
        return mantissa.reversed().drop { $0 == "0" }.count <= 38 ? value : nil
    }

    /// A JSON integer that fits `Int64`, or nil.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 20 else { return nil }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = Int64(bytes[index] &- UInt8(ascii: "0"))
            guard digit >= 0, digit <= 9 else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            value = next
            index += 1
        }
        return value
    }
}
