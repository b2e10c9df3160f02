import Foundation
import Testing
@testable import Providers

@Suite("retry policy")
struct RetryPolicyTests {
    @Test func backoffDoublesUpToTheCeilingWithFullJitter() {
        let policy = RetryPolicy(maxAttempts: 6, baseDelay: 0.5, maxDelay: 4)
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, unit: 0.999_999) < 0.5)
        #expect(policy.delay(afterAttempt: 2, retryAfter: nil, unit: 0.5) == 0.5)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, unit: 0.5) == 1)
        #expect(policy.delay(afterAttempt: 10, retryAfter: nil, unit: 0.5) == 2, "capped at maxDelay before jitter")
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, unit: 0) == 0)
    }

    @Test func retryAfterIsHonouredInSecondsAndAsADate() throws {
        let policy = RetryPolicy(baseDelay: 0.5, maxDelay: 30)
        #expect(policy.delay(afterAttempt: 1, retryAfter: "7", unit: 0.2) == 7)
        #expect(policy.delay(afterAttempt: 1, retryAfter: "garbage", unit: 0.5) == 0.25)
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z"))
        let seconds = try #require(RetryPolicy.seconds(fromRetryAfter: "Wed, 25 Nov 2026 10:00:12 GMT", now: now))
        #expect(abs(seconds - 12) < 0.001)
        #expect(RetryPolicy.seconds(fromRetryAfter: "-3") == nil)
    }
}

@Suite("credentials")
struct CredentialTests {
    @Test func redactorMasksEverySecretLongestFirst() {
        let redactor = SecretRedactor(secrets: ["abcd1234", "abcd1234XYZ", ""])
        #expect(redactor.redact("key=abcd1234XYZ and abcd1234.") == "key=[REDACTED] and [REDACTED].")
        let error = redactor.redact(APIError.gaveUp(attempts: 3, last: .status(401, code: "x", message: "bad token abcd1234", call: "GET /a?k=abcd1234")))
        #expect(!error.description.contains("abcd1234"))
    }
}
