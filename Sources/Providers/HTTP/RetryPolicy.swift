import Foundation

/// When and how long to wait before trying a failed call again: exponential backoff with full
/// jitter, and the platform's `Retry-After` honoured when it sends one.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry; it doubles for each further one.
    public var baseDelay: Double
    /// No backoff waits longer than this.
    public var maxDelay: Double
    /// The longest `Retry-After` honoured; a platform asking for more makes the call fail now, with its answer.
    public var maxRetryAfter: Double
    /// How long one attempt may take before it counts as timed out.
    public var requestTimeout: Double

    public init(maxAttempts: Int = 5, baseDelay: Double = 0.5, maxDelay: Double = 30, maxRetryAfter: Double = 120,
                requestTimeout: Double = 30) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.requestTimeout = requestTimeout
    }

    /// Statuses that mean "not now" rather than "no": rate limited or a passing server fault.
    public static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    /// Seconds to wait before attempt `attempt + 1` (attempt counts from 1), given the platform's
    /// `Retry-After` header if any; `unit` is a random number in 0..<1 (full jitter).
    public func delay(afterAttempt attempt: Int, retryAfter: String?, unit: Double) -> Double {
        let exponential = min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
        let jittered = exponential * unit
        guard let retryAfter, let requested = Self.seconds(fromRetryAfter: retryAfter) else { return jittered }
        return max(requested, jittered)
    }

    /// `Retry-After` as seconds: either delta-seconds (`120`) or an HTTP date (RFC 9110 §10.2.3).
    public static func seconds(fromRetryAfter value: String, now: Date = Date()) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds >= 0, seconds.isFinite { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
