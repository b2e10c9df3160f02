/// Runs plan actions against one provider account. Provider clients implement it; the applier owns
/// the order, the concurrency between actions, skipping after failures and interruption.
public protocol ActionExecutor: Sendable {
    /// The provider alias whose actions this executor runs.
    var providerAlias: String { get }

    /// Whether `action` can share a call with other ready actions of this provider (Criteo's bulk
    /// PATCH takes many campaigns in one request). The applier hands such actions over together.
    func canBatch(_ action: PlanAction) -> Bool

    /// Runs `actions`: each is ready (everything it depends on succeeded) and its references to
    /// resources created earlier are already resolved to live IDs. Returns one execution per action,
    /// never throwing: every failure is a `.failed` result with the platform's error.
    func execute(_ actions: [PlanAction]) async -> [ActionExecution]

    /// After a create failed with an unknown outcome (its answer was lost): looks for the resource by
    /// identity (pinned id, external id, name within its parent), so a lost answer never becomes a
    /// duplicate. Returns the live ID when the resource exists, nil when it does not.
    func findCreated(_ action: PlanAction) async -> Result<String?, ActionFailure>
}

extension ActionExecutor {
    public func canBatch(_ action: PlanAction) -> Bool { false }
}
