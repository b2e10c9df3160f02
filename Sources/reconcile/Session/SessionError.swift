/// Something stopped a command before it changed anything: what went wrong and what to do.
struct SessionError: Error, Sendable, CustomStringConvertible {
    var message: String
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    var description: String { hint.map { "\(message)\n  \($0)" } ?? message }
}
