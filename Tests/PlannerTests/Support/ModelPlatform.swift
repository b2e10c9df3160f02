import Foundation
@testable import Planner

/// The platforms as one shared model state behind `ActionExecutor`s, with seeded failures, so the
/// applier can be tested for ordering, skips, lost answers and interruption without HTTP.
actor ModelPlatform {
    /// How an injected failure behaves.
    enum Fault: Sendable {
        /// The platform refuses the call: nothing changes.
        case refused
        /// The answer is lost after the platform acted (only for creates: the resource exists).
        case lostAfterActing
        /// The answer is lost before the platform acted (the resource does not exist).
        case lostBeforeActing
    }

    private var executor: ModelExecutor
    private var faults: [ActionID: Fault]
    /// Every action that reached the platform, in order (retries of a lost create included).
    private(set) var log: [ActionID] = []
    /// After each executed action, every provider's ceiling: for spend-safety checks.
    private(set) var ceilingsAfterEachAction: [[String: SpendCeiling]] = []
    private var inFlight: [String: Int] = [:]
    private(set) var maxInFlight: [String: Int] = [:]
    private(set) var batchSizes: [Int] = []
    /// Raised after this many executed actions, to test interruption.
    private var interruptAfter: (count: Int, interruption: ApplyInterruption)?

    init(state: LiveState, faults: [ActionID: Fault] = [:], idPrefix: String = "new-") {
        executor = ModelExecutor(state: state, idPrefix: idPrefix)
        self.faults = faults
    }

    var state: LiveState { executor.state }

    func interrupt(after count: Int, _ interruption: ApplyInterruption) {
        interruptAfter = (count, interruption)
    }

    func executors(for aliases: [String], batching: Set<String> = []) -> [String: any ActionExecutor] {
        Dictionary(uniqueKeysWithValues: aliases.map { ($0, ModelActionExecutor(providerAlias: $0, platform: self, batches: batching.contains($0))) })
    }

    func execute(_ actions: [PlanAction], provider: String) async -> [ActionExecution] {
        inFlight[provider, default: 0] += 1
        maxInFlight[provider] = max(maxInFlight[provider] ?? 0, inFlight[provider] ?? 0)
        batchSizes.append(actions.count)
        // Let other batches start while this one is "in flight".
        await Task.yield()
        var executions: [ActionExecution] = []
        for action in actions {
            log.append(action.id)
            let call = CallRecord(method: action.calls.first?.method ?? "POST", path: action.calls.first?.path ?? "/", status: 200)
            let fault = faults.removeValue(forKey: action.id)
            switch fault {
            case .refused?:
                executions.append(ActionExecution(action: action.id, result: .failed(ActionFailure(code: "invalid", message: "refused", httpStatus: 400)),
                                                  calls: [CallRecord(method: call.method, path: call.path, status: 400)]))
                continue
            case .lostBeforeActing?:
                executions.append(ActionExecution(action: action.id, result: .failed(ActionFailure(message: "connection dropped", outcomeUnknown: true)),
                                                  calls: [CallRecord(method: call.method, path: call.path, status: nil, error: "dropped")]))
                continue
            case .lostAfterActing?, nil:
                do {
                    try executor.run(action)
                } catch {
                    executions.append(ActionExecution(action: action.id, result: .failed(ActionFailure(message: "\(error)")), calls: [call]))
                    continue
                }
                ceilingsAfterEachAction.append(Dictionary(uniqueKeysWithValues: executor.state.accounts.map { ($0.alias, $0.spendCeiling) }))
                if let (count, interruption) = interruptAfter, log.count >= count { interruption.raise() }
                if case .lostAfterActing? = fault {
                    executions.append(ActionExecution(action: action.id, result: .failed(ActionFailure(message: "timed out", outcomeUnknown: true)),
                                                      calls: [CallRecord(method: call.method, path: call.path, status: nil, error: "timed out")]))
                } else {
                    executions.append(ActionExecution(action: action.id, result: .succeeded(createdID: executor.createdIDs[action.id]), calls: [call]))
                }
            }
        }
        inFlight[provider, default: 1] -= 1
        return executions
    }

    /// Finds what a create made, by name within its provider (campaigns) or campaign (ad groups).
    func findCreated(_ action: PlanAction) -> String? {
        guard let account = executor.state[action.provider] else { return nil }
        let name = action.address.components.last?.name
        switch action.resource {
        case .campaign:
            return account.campaigns.first { $0.name == name }?.id
        case .adGroup:
            let campaignName = action.address.components.first?.name
            return account.campaigns.first { $0.name == campaignName }?.adGroups.first { $0.name == name }?.id
        default:
            return nil
        }
    }
}

/// One provider's executor over the shared model platform.
struct ModelActionExecutor: ActionExecutor {
    let providerAlias: String
    let platform: ModelPlatform
    let batches: Bool

    func canBatch(_ action: PlanAction) -> Bool { batches && action.kind == .update }

    func execute(_ actions: [PlanAction]) async -> [ActionExecution] {
        await platform.execute(actions, provider: providerAlias)
    }

    func findCreated(_ action: PlanAction) async -> Result<String?, ActionFailure> {
        .success(await platform.findCreated(action))
    }
}
