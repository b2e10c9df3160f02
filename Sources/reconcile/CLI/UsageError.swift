/// The command line could not be understood: an unknown option, a missing value, a bad choice.
struct UsageError: Error, Sendable, CustomStringConvertible {
    var message: String
    /// What to do about it, such as "did you mean `--format`?".
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    var description: String { hint.map { "\(message) (\($0))" } ?? message }
}
