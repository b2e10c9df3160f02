import Planner

extension ProviderClientFactory {
    /// The platform's client on `connection`.
    static func platformClient(for provider: ProviderConfig, connection: ProviderConnection) throws(ProviderError) -> any ProviderClient {
        switch provider.kind {
        case .nextroll:
            return NextRollClient(provider: provider, connection: connection)
        case .jivox:
            return JivoxClient(provider: provider, connection: connection)
        case .criteo, .topsort:
            // Replaced as each platform's client lands on main (this session).
            throw ProviderError(provider: provider.alias, operation: "connecting",
                                underlying: .credentials(message: "this build has no \(provider.kind.displayName) client yet"))
        }
    }
}
