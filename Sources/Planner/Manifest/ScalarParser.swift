import Foundation

/// Reads typed values from scalar text as the schema asks, never by YAML 1.1 guessing:
/// money goes from its digits straight into `Decimal`, never through `Double`.
public enum ScalarParser {
    /// `-12`, `+7`, `0`; nil for anything else (including `1_000`, `0x10`, `1e3`).
    public static func integer(_ text: String) -> Int? {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// `100`, `19.99`, `-0.5`, `.5`; nil for exponents, `.inf`, `nan`, thousands separators and anything
    /// with more digits than `Decimal` holds exactly.
    public static func decimal(_ text: String) -> Decimal? {
        var body = Substring(text)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
              whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              whole.count + fraction.count <= 34 else { return nil }
        var significand = Decimal()
        for digit in (whole + fraction).utf8 {
            significand = significand * 10 + Decimal(Int(digit - 48))
        }
        // A negative zero significand would be NaN in Decimal's representation.
        if significand == 0 { return Decimal(0) }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fraction.count, significand: significand)
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

    /// Strictly `YYYY-MM-DD`.
    public static func date(_ text: String) -> CalendarDate? {
        guard text.count == 10 else { return nil }
        return CalendarDate(iso8601: text)
    }
}
