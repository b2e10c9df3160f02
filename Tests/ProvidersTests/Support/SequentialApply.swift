import Planner

/// Runs a plan's actions one after another through an executor, passing created IDs on, as a
/// minimal stand-in for the applier in provider tests. Stops at the first failure.
struct SequentialApply {
    var executions: [ActionExecution] = []
    private(set) var createdIDs: [ActionID: String] = [:]

    /// Executes `plan.actions` of `executor`'s provider in plan order; batchable actions that are
    /// ready together are handed over together, as the applier does.
    @discardableResult
    static func run(_ plan: Plan, on executor: any ActionExecutor) async -> SequentialApply {
        var state = SequentialApply()
        let actions = plan.actions.filter { $0.provider == executor.providerAlias }
        var index = 0
        while index < actions.count {
            var batch = [actions[index].resolvingCreatedIDs(state.createdIDs)]
            index += 1
            if executor.canBatch(batch[0]) {
                // Later batchable actions join when nothing they depend on is still waiting.
                let pending = Set(actions[index...].map(\.id))
                while index < actions.count, executor.canBatch(actions[index]),
                      !actions[index].dependsOn.contains(where: { pending.contains($0) || batch.map(\.id).contains($0) }) {
                    batch.append(actions[index].resolvingCreatedIDs(state.createdIDs))
                    index += 1
                }
            }
            let results = await executor.execute(batch)
            state.executions += results
            for execution in results {
                switch execution.result {
                case .succeeded(let id):
                    if let id { state.createdIDs[execution.action] = id }
                case .failed:
                    return state
                }
            }
        }
        return state
    }

    /// The failures, for `#expect(apply.failures.isEmpty)`.
    var failures: [ActionFailure] {
        executions.compactMap { if case .failed(let failure) = $0.result { return failure } else { return nil } }
    }
}
