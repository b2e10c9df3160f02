/// One action's line in the apply report: how it ended, why, and every request it made.
public struct ActionOutcome: Sendable, Hashable {
    public var action: ActionID
    public var provider: String
    public var status: ActionStatus
    /// The ID the platform gave a created resource.
    public var createdID: String?
    /// True when a create's answer was lost and the resource it made was found by identity and adopted.
    public var adopted: Bool
    public var failure: ActionFailure?
    /// For a skipped action: the failed action that caused the skip.
    public var skippedBecause: ActionID?
    /// The requests made, attempts included, in order.
    public var calls: [CallRecord]

    public init(action: ActionID, provider: String, status: ActionStatus, createdID: String? = nil, adopted: Bool = false,
                failure: ActionFailure? = nil, skippedBecause: ActionID? = nil, calls: [CallRecord] = []) {
        self.action = action
        self.provider = provider
        self.status = status
        self.createdID = createdID
        self.adopted = adopted
        self.failure = failure
        self.skippedBecause = skippedBecause
        self.calls = calls
    }
}
