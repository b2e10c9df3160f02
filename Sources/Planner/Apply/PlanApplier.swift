import Foundation

/// Executes a plan's dependency graph through the providers' executors.
///
/// Actions run as soon as everything they depend on has succeeded, concurrently up to each
/// provider's parallelism; IDs that creates return flow into the actions that need them; a failure
/// skips everything that depends on it (so a campaign whose ad groups failed is never resumed).
/// A create whose answer was lost is looked up by identity and adopted if it exists, and made
/// again only once it is known not to exist, so no duplicate is ever made. When interrupted, nothing
/// new starts, work in flight gets `gracePeriod` to finish, and every action gets an outcome.
public struct PlanApplier: Sendable {
    public var plan: Plan
    /// Executors by provider alias; an action whose provider has none fails without a call.
    public var executors: [String: any ActionExecutor]
    /// Actions (or batches) in flight at once per provider alias; `defaultParallelism` for the others.
    public var parallelism: [String: Int]
    public var defaultParallelism: Int
    /// The most actions handed to an executor in one batch. By default every ready action the executor
    /// can batch goes in one: the executor knows how many its platform takes per request and splits
    /// accordingly (Criteo's bulk PATCH takes 1,000 items), so a lower limit here only adds requests.
    public var maxBatchSize: Int
    public var interruption: ApplyInterruption
    /// How long work in flight may still run after an interruption before it is abandoned.
    public var gracePeriod: Duration
    /// Called after every finished batch with the counts of the batch's provider.
    public var progress: (@Sendable (ApplyProgress) -> Void)?

    public init(plan: Plan, executors: [String: any ActionExecutor], parallelism: [String: Int] = [:], defaultParallelism: Int = 8,
                maxBatchSize: Int = .max, interruption: ApplyInterruption = ApplyInterruption(), gracePeriod: Duration = .seconds(60),
                progress: (@Sendable (ApplyProgress) -> Void)? = nil) {
        self.plan = plan
        self.executors = executors
        self.parallelism = parallelism
        self.defaultParallelism = max(1, defaultParallelism)
        self.maxBatchSize = max(1, maxBatchSize)
        self.interruption = interruption
        self.gracePeriod = gracePeriod
        self.progress = progress
    }

    /// What one task of the group reports.
    private enum Event: Sendable {
        case finished(provider: String, [ActionOutcome])
        /// The interruption's grace period ran out.
        case graceExpired
    }

    /// Runs the plan and returns the report; never throws (every failure is in the report).
    public func run() async -> ApplyReport {
        let started = Date()
        var ledger = ApplyLedger(plan.actions)
        var inFlight: [String: Int] = [:]
        var runningBatches: [String: [[ActionID]]] = [:]
        var interrupted = interruption.isRaised
        var abandoned = false

        await withTaskGroup(of: Event.self) { group in
            // Watches for an interruption, then gives work in flight its grace period.
            group.addTask { [interruption, gracePeriod] in
                await interruption.wait()
                if Task.isCancelled { return .graceExpired }
                try? await Task.sleep(for: gracePeriod)
                return .graceExpired
            }

            func dispatch() {
                guard !interruption.isRaised else { return }
                for provider in ledger.providersWithReadyActions {
                    let limit = parallelism[provider] ?? defaultParallelism
                    while inFlight[provider, default: 0] < limit {
                        let executor = executors[provider]
                        let batch = ledger.takeBatch(for: provider, limit: maxBatchSize) { executor?.canBatch($0) ?? false }
                        guard !batch.isEmpty else { break }
                        inFlight[provider, default: 0] += 1
                        runningBatches[provider, default: []].append(batch.map(\.id))
                        group.addTask { .finished(provider: provider, await Self.run(batch, on: executor)) }
                    }
                }
            }

            dispatch()
            while !ledger.isFinished, !abandoned {
                if ledger.runningCount == 0 {
                    // Nothing runs and nothing can start: interrupted (or an impossible graph); end the rest.
                    ledger.markUnstartedNotRun()
                    break
                }
                guard let event = await group.next() else { break }
                switch event {
                case .finished(let provider, let outcomes):
                    inFlight[provider, default: 1] -= 1
                    let ids = Set(outcomes.map(\.action))
                    runningBatches[provider]?.removeAll { Set($0) == ids }
                    for outcome in outcomes { ledger.finish(outcome) }
                    progress?(ledger.progress(for: provider))
                    if interruption.isRaised {
                        interrupted = true
                        ledger.markUnstartedNotRun()
                    } else {
                        dispatch()
                    }
                case .graceExpired:
                    interrupted = true
                    abandoned = true
                }
            }
            group.cancelAll()
            if abandoned {
                // Work still in flight after the grace period: its outcome is unknown.
                ledger.markUnstartedNotRun()
                for (provider, batches) in runningBatches {
                    for id in batches.joined() {
                        ledger.finish(ActionOutcome(action: id, provider: provider, status: .failed,
                                                    failure: ActionFailure(message: "interrupted while in flight; whether the platform applied it is unknown (the next plan shows it)",
                                                                           outcomeUnknown: true)))
                    }
                }
            }
        }
        if interruption.isRaised { interrupted = true }
        let outcomes = zip(plan.actions, ledger.outcomes).map { action, outcome in
            outcome ?? ActionOutcome(action: action.id, provider: action.provider, status: .notRun)
        }
        return ApplyReport(plan: plan, outcomes: outcomes, interrupted: interrupted, startedAt: started, finishedAt: Date())
    }

    /// Runs one batch and turns executions into outcomes, adopting or re-making lost creates.
    private static func run(_ batch: [PlanAction], on executor: (any ActionExecutor)?) async -> [ActionOutcome] {
        guard let executor else {
            return batch.map { action in
                ActionOutcome(action: action.id, provider: action.provider, status: .failed,
                              failure: ActionFailure(message: "no client for provider `\(action.provider)`"))
            }
        }
        let executions = await executor.execute(batch)
        var byAction: [ActionID: ActionExecution] = [:]
        for execution in executions { byAction[execution.action] = execution }
        var outcomes: [ActionOutcome] = []
        for action in batch {
            guard let execution = byAction[action.id] else {
                outcomes.append(ActionOutcome(action: action.id, provider: action.provider, status: .failed,
                                              failure: ActionFailure(message: "the \(action.providerKind.displayName) client returned no result for it")))
                continue
            }
            outcomes.append(await outcome(of: execution, action: action, executor: executor))
        }
        return outcomes
    }

    private static func outcome(of execution: ActionExecution, action: PlanAction, executor: any ActionExecutor) async -> ActionOutcome {
        var outcome = ActionOutcome(action: action.id, provider: action.provider, status: .succeeded, calls: execution.calls)
        switch execution.result {
        case .succeeded(let id):
            outcome.createdID = id
            return outcome
        case .failed(let failure):
            guard action.kind == .create, failure.outcomeUnknown else {
                outcome.status = .failed
                outcome.failure = failure
                return outcome
            }
            // The create's answer was lost: it may have been made. Look before making it again.
            let lookupCalls = CallRecorder()
            let lookup = await CallRecorder.$current.withValue(lookupCalls) { await executor.findCreated(action) }
            outcome.calls += lookupCalls.records
            switch lookup {
            case .success(let id?):
                outcome.createdID = id
                outcome.adopted = true
                return outcome
            case .success(nil):
                // Known not to exist, so making it now cannot duplicate it; once, to stay bounded.
                let again = await executor.execute([action]).first { $0.action == action.id }
                outcome.calls += again?.calls ?? []
                switch again?.result {
                case .succeeded(let id)?:
                    outcome.createdID = id
                    return outcome
                case .failed(let second)?:
                    outcome.status = .failed
                    outcome.failure = second
                    return outcome
                case nil:
                    outcome.status = .failed
                    outcome.failure = failure
                    return outcome
                }
            case .failure(let lookup):
                outcome.status = .failed
                var combined = failure
                combined.message += "; looking for the resource afterwards failed too (\(lookup.message)), so it may exist: the next plan shows whether it does"
                outcome.failure = combined
                return outcome
            }
        }
    }
}
