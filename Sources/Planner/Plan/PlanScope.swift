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

    /// The provider blocks in scope: those a `--provider` or a `--target` names, or every block when
    /// neither names any. The fetch and the plan both use this, so a plan never needs an account
    /// that was not read.
    public func providers(in manifest: Manifest) -> [ProviderConfig] {
        let named = Set(providers).union(targets.map(\.provider))
        return named.isEmpty ? manifest.providers : manifest.providers.filter { named.contains($0.alias) }
    }
}
