import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Dates as the platforms write them, formatted and parsed by hand in UTC (no shared formatter state).
enum Timestamp {
    /// `2026-03-01T00:00:00Z` (Topsort, Jivox).
    static func iso8601(_ date: Date) -> String {
        dateTime(date) + "Z"
    }

    /// `2026-03-01T00:00:00+00:00` (NextRoll).
    static func iso8601WithOffset(_ date: Date) -> String {
        dateTime(date) + "+00:00"
    }

    /// `2026-03-01`.
    static func day(_ date: Date) -> String {
        let (y, mo, d, _, _, _) = components(date)
        return padded(y, 4) + "-" + padded(mo, 2) + "-" + padded(d, 2)
    }

    /// `2026-03-01T00:00:00`. Every answer carries timestamps, so they are put together by hand
    /// rather than through `String(format:)`.
    private static func dateTime(_ date: Date) -> String {
        let (y, mo, d, h, mi, s) = components(date)
        return padded(y, 4) + "-" + padded(mo, 2) + "-" + padded(d, 2) + "T" + padded(h, 2) + ":" + padded(mi, 2) + ":" + padded(s, 2)
    }

    /// A non-negative number with leading zeros to at least `width` digits.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Midnight UTC of the date's day.
    static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }

    /// Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM`, `±HHMM`
    /// or no offset (UTC); a space may replace the `T`. Nil for anything else, including impossible dates.
    static func parse(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= chars.count else { return nil }
            var value = 0
            for byte in chars[start..<start + count] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard chars.count >= 10, let year = number(0, 4), chars[4] == UInt8(ascii: "-"), let month = number(5, 2),
              chars[7] == UInt8(ascii: "-"), let day = number(8, 2) else { return nil }
        var hour = 0, minute = 0, second = 0
        var offsetSeconds = 0
        var index = 10
        if chars.count > 10 {
            guard chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "), let h = number(11, 2),
                  chars.count > 13, chars[13] == UInt8(ascii: ":"), let m = number(14, 2) else { return nil }
            hour = h
            minute = m
            index = 16
            if index < chars.count, chars[index] == UInt8(ascii: ":") {
                guard let s = number(index + 1, 2) else { return nil }
                second = s
                index += 3
                if index < chars.count, chars[index] == UInt8(ascii: ".") {
                    index += 1
                    let digitsStart = index
                    while index < chars.count, chars[index] >= 48, chars[index] <= 57 { index += 1 }
                    guard index > digitsStart else { return nil }
                }
            }
            if index < chars.count {
                switch chars[index] {
                case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                    index += 1
                case UInt8(ascii: "+"), UInt8(ascii: "-"):
                    let sign = chars[index] == UInt8(ascii: "+") ? 1 : -1
                    guard let oh = number(index + 1, 2) else { return nil }
                    var om = 0
                    if index + 3 < chars.count, chars[index + 3] == UInt8(ascii: ":") {
                        guard let value = number(index + 4, 2) else { return nil }
                        om = value
                        index += 6
                    } else if let value = number(index + 3, 2) {
                        om = value
                        index += 5
                    } else {
                        index += 3
                    }
                    guard oh < 24, om < 60 else { return nil }
                    offsetSeconds = sign * (oh * 3600 + om * 60)
                default:
                    return nil
                }
            }
            guard index == chars.count else { return nil }
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        let date = Date(timeIntervalSince1970: TimeInterval(seconds - offsetSeconds))
        // timegm normalizes impossible dates (February 30th); reject them instead.
        let check = components(Date(timeIntervalSince1970: TimeInterval(seconds)))
        guard check.0 == year, check.1 == month, check.2 == day else { return nil }
        return date
    }

    private static func components(_ date: Date) -> (Int, Int, Int, Int, Int, Int) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
