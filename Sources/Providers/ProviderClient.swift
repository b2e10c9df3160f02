import Planner

/// One provider block's platform client: reads the account's live state and runs plan actions.
///
/// The core owns diff, plan, order and safety; a client only translates between the platform's API
/// and the model (octoDNS's split). Each platform's client lives in its own folder.
public protocol ProviderClient: ActionExecutor {
    var provider: ProviderConfig { get }

    /// The account's live state with everything the planner compares, complete (paused and draft
    /// resources included: missing one makes the next apply create a duplicate) and in the fewest
    /// calls the API allows. `manifest` says which segments and retail campaigns matter.
    func fetch(for manifest: Manifest) async throws(ProviderError) -> LiveAccount

    /// Requests sent so far, attempts included.
    var requestCounter: RequestCounter { get }
}

extension ProviderClient {
    public var providerAlias: String { provider.alias }
}
