import Foundation

/// Reads typed values from scalar text as the schema asks, never by YAML 1.1 guessing:
/// money goes from its digits straight into `Decimal`, never through `Double`.
public enum ScalarParser {
    /// The most significant digits a decimal may have: `Decimal` holds 38, and a few are kept spare
    /// so that scaling to minor units stays exact.
    public static let maxDecimalDigits = 34

    /// `-12`, `+7`, `0`; nil for anything else (including `1_000`, `0x10`, `1e3`) and for numbers past `Int`.
    public static func integer(_ text: String) -> Int? {
        guard isWholeNumberSyntax(text) else { return nil }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// Whether `text` is an optional sign and ASCII digits, however many.
    public static func isWholeNumberSyntax(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy(isDigit)
    }

    /// `100`, `19.99`, `-0.5`, `.5`; nil for exponents, `.inf`, `nan`, thousands separators and anything
    /// with more digits than `Decimal` holds exactly.
    public static func decimal(_ text: String) -> Decimal? {
        guard let (negative, whole, fraction) = decimalParts(text), whole.count + fraction.count <= maxDecimalDigits else { return nil }
        let significand: Decimal
        if whole.count + fraction.count <= maxUInt64Digits {
            // The usual case: the digits fit a UInt64, so Decimal gets them in one step.
            var value: UInt64 = 0
            for digit in whole { value = value * 10 + UInt64(digit - 48) }
            for digit in fraction { value = value * 10 + UInt64(digit - 48) }
            significand = Decimal(value)
        } else {
            var digits = Decimal()
            for digit in whole { digits = digits * 10 + Decimal(Int(digit - 48)) }
            for digit in fraction { digits = digits * 10 + Decimal(Int(digit - 48)) }
            significand = digits
        }
        // A negative zero significand would be NaN in Decimal's representation.
        if significand == 0 { return Decimal(0) }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fraction.count, significand: significand)
    }

    /// Any number of this many decimal digits fits a `UInt64`.
    private static let maxUInt64Digits = 19

    /// The number of digits of a plain decimal (`19.99` has 4), however many; nil when `text` is not one.
    public static func decimalDigitCount(_ text: String) -> Int? {
        decimalParts(text).map { $0.whole.count + $0.fraction.count }
    }

    /// An optional sign, ASCII digits, and an optional `.` with more digits (at least one digit in all),
    /// read as bytes: the digits before and after the point.
    private static func decimalParts(_ text: String) -> (negative: Bool, whole: Substring.UTF8View, fraction: Substring.UTF8View)? {
        var body = Substring(text).utf8
        var negative = false
        if let sign = body.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        let point = body.firstIndex(of: UInt8(ascii: "."))
        let whole = body[..<(point ?? body.endIndex)]
        let fraction = point.map { body[body.index(after: $0)...] } ?? body[body.endIndex...]
        guard !(whole.isEmpty && fraction.isEmpty), whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit) else { return nil }
        return (negative, whole, fraction)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 48 && byte <= 57
    }

    /// `true`/`false` in the YAML 1.2 core spellings.
    public static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// YAML 1.1 booleans that YAML 1.2 and this format do not accept, for a precise hint.
    public static func isLegacyBoolean(_ text: String) -> Bool {
        ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
    }

    /// Strictly `YYYY-MM-DD`, a day that exists.
    public static func date(_ text: String) -> CalendarDate? {
        guard isDateSyntax(text) else { return nil }
        let bytes = text.utf8
        func number(_ offset: Int, _ length: Int) -> Int {
            var value = 0
            for byte in bytes.dropFirst(offset).prefix(length) { value = value * 10 + Int(byte - 48) }
            return value
        }
        return CalendarDate(year: number(0, 4), month: number(5, 2), day: number(8, 2))
    }

    /// Whether `text` has the shape `YYYY-MM-DD` (ASCII digits), whether or not the day exists.
    public static func isDateSyntax(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count == 10 else { return false }
        for (index, byte) in bytes.enumerated() {
            let isSeparator = index == 4 || index == 7
            guard isSeparator ? byte == UInt8(ascii: "-") : isDigit(byte) else { return false }
        }
        return true
    }
}
