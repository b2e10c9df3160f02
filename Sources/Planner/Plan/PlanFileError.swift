/// A saved plan that could not be read or does not hold together.
public struct PlanFileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var hint: String?

    public var description: String { "\(file): \(message)" + (hint.map { " (\($0))" } ?? "") }
}
