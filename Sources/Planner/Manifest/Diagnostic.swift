/// One problem found in the manifests: where, what was expected, what was found, and a hint.
///
/// Validation collects every diagnostic instead of stopping at the first, so a pull-request
/// check shows all problems at once.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var severity: Severity
    /// Where the problem is; nil only for problems with no place in a file (an empty manifest path).
    public var location: SourceLocation?
    public var message: String
    /// "did you mean …" or what to do about it.
    public var hint: String?
    /// False when the source line may hold a credential (it lies in a provider block's `credentials`
    /// or in a key of a provider block that is not a known setting): printers must not quote it.
    public var mayQuoteSource: Bool = true

    public init(_ severity: Severity = .error, at location: SourceLocation?, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message (hint)`.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}
