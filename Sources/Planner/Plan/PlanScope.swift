/// What a plan was limited to.
public struct PlanScope: Sendable, Hashable, Codable {
    /// Provider aliases (`--provider`); empty means all.
    public var providers: [String]
    /// Addresses (`--target`); empty means all.
    public var targets: [ResourceAddress]

    public init(providers: [String] = [], targets: [ResourceAddress] = []) {
        self.providers = providers
        self.targets = targets
    }
}
