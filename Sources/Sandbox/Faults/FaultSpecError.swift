/// A `--faults` spec that cannot be read: the entry and what is wrong with it.
public struct FaultSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var entry: String
    public var message: String

    public init(entry: String, message: String) {
        self.entry = entry
        self.message = message
    }

    public var description: String {
        "invalid fault spec entry \"\(entry)\": \(message) (see `reconcile help sandbox` for the syntax)"
    }
}
