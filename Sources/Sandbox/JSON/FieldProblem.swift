/// A problem with one field of a JSON document: where (`nextroll.campaigns[2].budget`) and what.
public struct FieldProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field's path inside the document; empty for the document itself.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
