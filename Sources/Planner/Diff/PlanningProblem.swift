/// One reason a plan could not be made.
public struct PlanningProblem: Sendable, Hashable, CustomStringConvertible {
    /// The resource concerned, when there is one.
    public var address: ResourceAddress?
    /// The manifest place, when the problem is about something a manifest declares.
    public var location: SourceLocation?
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(address: ResourceAddress? = nil, location: SourceLocation? = nil, _ message: String, hint: String? = nil) {
        self.address = address
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// The problem as a manifest diagnostic (the address leads the message), so it prints like `validate`'s.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, at: location, (address.map { "\($0): " } ?? "") + message, hint: hint)
    }

    /// `file:line:column: error: address: message (hint)`.
    public var description: String { diagnostic.description }
}
