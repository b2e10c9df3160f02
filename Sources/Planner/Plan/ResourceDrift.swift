/// One resource whose live state moved since a saved plan was made.
public struct ResourceDrift: Sendable, Hashable, CustomStringConvertible {
    public var address: ResourceAddress
    public var reason: String

    public var description: String { "\(address): \(reason)" }
}
