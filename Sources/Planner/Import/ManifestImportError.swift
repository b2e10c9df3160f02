/// A live account that cannot be written as a manifest at all.
public struct ManifestImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public var provider: String
    public var message: String
    public var hint: String

    public init(provider: String, message: String, hint: String) {
        self.provider = provider
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(provider): \(message) (\(hint))" }
}
