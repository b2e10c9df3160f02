/// What running one action did: its result and every request it made, in order.
public struct ActionExecution: Sendable, Hashable {
    public enum Result: Sendable, Hashable {
        /// Done; a create names the ID the platform gave the new resource.
        case succeeded(createdID: String?)
        case failed(ActionFailure)
    }

    public var action: ActionID
    public var result: Result
    public var calls: [CallRecord]

    public init(action: ActionID, result: Result, calls: [CallRecord]) {
        self.action = action
        self.result = result
        self.calls = calls
    }
}
