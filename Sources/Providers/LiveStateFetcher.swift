import Planner

/// Reads the live state of several providers at once: one task per provider, so a slow platform
/// does not hold up the others; every provider that fails is reported, not just the first.
public enum LiveStateFetcher {
    public static func fetch(_ manifest: Manifest, clients: [any ProviderClient]) async throws(ProviderFailures) -> LiveState {
        let results = await withTaskGroup(of: Result<LiveAccount, ProviderError>.self) { group in
            for client in clients {
                group.addTask {
                    do throws(ProviderError) {
                        return .success(try await client.fetch(for: manifest))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var results: [Result<LiveAccount, ProviderError>] = []
            for await result in group { results.append(result) }
            return results
        }
        var accounts: [LiveAccount] = []
        var errors: [ProviderError] = []
        for result in results {
            switch result {
            case .success(let account): accounts.append(account)
            case .failure(let error): errors.append(error)
            }
        }
        guard errors.isEmpty else { throw ProviderFailures(errors: errors.sorted { $0.provider < $1.provider }) }
        return LiveState(accounts: accounts)
    }
}
