import Planner

extension ProviderClientFactory {
    /// The platform's client on `connection`.
    func platformClient(for provider: ProviderConfig, connection: ProviderConnection) -> any ProviderClient {
        switch provider.kind {
        case .nextroll:
            return NextRollClient(provider: provider, connection: connection)
        case .jivox:
            if let jivoxExportPolling {
                return JivoxClient(provider: provider, connection: connection, exportPolling: jivoxExportPolling)
            }
            return JivoxClient(provider: provider, connection: connection)
        case .criteo:
            return CriteoClient(provider: provider, connection: connection)
        case .topsort:
            return TopsortClient(provider: provider, connection: connection)
        }
    }
}
