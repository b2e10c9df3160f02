/// A provider could not be read or reached: which provider, what was being done, and the platform's answer.
public struct ProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The provider alias.
    public var provider: String
    /// What was being done, such as "fetching campaigns".
    public var operation: String
    public var underlying: APIError

    public init(provider: String, operation: String, underlying: APIError) {
        self.provider = provider
        self.operation = operation
        self.underlying = underlying
    }

    public var description: String {
        "\(provider): \(operation) failed: \(underlying)"
    }
}
