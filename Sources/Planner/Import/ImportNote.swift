/// Something `reconcile import` could not write as it is on the platform, and what was done instead:
/// a value left unmanaged, a resource left out, an identity pinned.
public struct ImportNote: Sendable, Hashable, CustomStringConvertible {
    /// The resource concerned.
    public var address: ResourceAddress
    public var message: String

    public init(_ address: ResourceAddress, _ message: String) {
        self.address = address
        self.message = message
    }

    public var description: String { "\(address): \(message)" }
}
