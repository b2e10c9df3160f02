import Foundation

/// Removes credential values from any text before it becomes an error, a log line or a report.
public struct SecretRedactor: Sendable, Hashable {
    public static let mask = "[REDACTED]"
    private var secrets: [String]

    /// Secrets shorter than 4 characters are still masked but would mangle ordinary words; such
    /// credentials are rejected when they are resolved.
    public init(secrets: [String] = []) {
        // Longest first, so a secret that contains another is masked whole.
        self.secrets = Array(Set(secrets.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    public mutating func add(_ secret: String) {
        guard !secret.isEmpty, !secrets.contains(secret) else { return }
        secrets.append(secret)
        secrets.sort { $0.count > $1.count }
    }

    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.mask)
        }
        return result
    }

    /// The error with every text in it redacted.
    public func redact(_ error: APIError) -> APIError {
        switch error {
        case .status(let status, let code, let message, let call):
            return .status(status, code: code.map(redact), message: redact(message), call: redact(call))
        case .transport(let message, let call, let reached):
            return .transport(message: redact(message), call: redact(call), mayHaveReachedPlatform: reached)
        case .malformedResponse(let message, let call):
            return .malformedResponse(message: redact(message), call: redact(call))
        case .credentials(let message):
            return .credentials(message: redact(message))
        case .gaveUp(let attempts, let last):
            return .gaveUp(attempts: attempts, last: redact(last))
        case .cancelled(let call):
            return .cancelled(call: redact(call))
        }
    }
}
