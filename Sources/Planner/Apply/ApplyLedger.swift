/// The applier's bookkeeping: which actions wait, run or ended, which are ready, the IDs creates
/// returned, and the skips a failure causes. A value type the applier's loop owns alone.
struct ApplyLedger {
    enum State: Equatable {
        case waiting, running, ended
    }

    private let actions: [PlanAction]
    private let index: [ActionID: Int]
    /// For each action, the actions that depend on it directly.
    private let dependents: [[Int]]
    private var state: [State]
    private var waitingDependencies: [Int]
    private(set) var outcomes: [ActionOutcome?]
    private(set) var createdIDs: [ActionID: String] = [:]
    /// Ready actions per provider, in plan order.
    private var ready: [String: [Int]] = [:]

    init(_ actions: [PlanAction]) {
        self.actions = actions
        var index: [ActionID: Int] = [:]
        for (position, action) in actions.enumerated() { index[action.id] = position }
        self.index = index
        var dependents = Array(repeating: [Int](), count: actions.count)
        var waiting = Array(repeating: 0, count: actions.count)
        for (position, action) in actions.enumerated() {
            for dependency in action.dependsOn {
                // A dependency outside the plan (filtered out by --target) is taken as satisfied.
                guard let from = index[dependency] else { continue }
                dependents[from].append(position)
                waiting[position] += 1
            }
        }
        self.dependents = dependents
        self.waitingDependencies = waiting
        self.state = Array(repeating: .waiting, count: actions.count)
        self.outcomes = Array(repeating: nil, count: actions.count)
        for (position, action) in actions.enumerated() where waiting[position] == 0 {
            ready[action.provider, default: []].append(position)
        }
    }

    var isFinished: Bool { !state.contains { $0 != .ended } }
    var runningCount: Int { state.lazy.filter { $0 == .running }.count }

    /// The providers that have ready actions, in name order.
    var providersWithReadyActions: [String] {
        ready.filter { !$0.value.isEmpty }.keys.sorted()
    }

    /// Takes the next ready action of `provider` and, when `batchable` says so, every other ready
    /// batchable one of that provider (up to `limit`); marks them running and resolves their
    /// references to created resources.
    mutating func takeBatch(for provider: String, limit: Int, batchable: (PlanAction) -> Bool) -> [PlanAction] {
        guard var queue = ready[provider], !queue.isEmpty else { return [] }
        let first = queue.removeFirst()
        var taken = [first]
        if batchable(actions[first]) {
            var rest: [Int] = []
            for position in queue {
                if taken.count < limit, batchable(actions[position]) { taken.append(position) } else { rest.append(position) }
            }
            queue = rest
        }
        ready[provider] = queue
        for position in taken { state[position] = .running }
        return taken.map { actions[$0].resolvingCreatedIDs(createdIDs) }
    }

    /// Records how an action ended; a success may make dependents ready, a failure skips them all.
    mutating func finish(_ outcome: ActionOutcome) {
        guard let position = index[outcome.action], state[position] != .ended else { return }
        state[position] = .ended
        outcomes[position] = outcome
        switch outcome.status {
        case .succeeded:
            if let id = outcome.createdID { createdIDs[outcome.action] = id }
            for dependent in dependents[position] where state[dependent] == .waiting {
                waitingDependencies[dependent] -= 1
                if waitingDependencies[dependent] == 0 { ready[actions[dependent].provider, default: []].append(dependent) }
            }
            for provider in ready.keys { ready[provider]?.sort() }
        case .failed, .skipped, .notRun:
            skipDependents(of: position, cause: outcome.skippedBecause ?? outcome.action)
        }
    }

    /// Every action not started yet ends `not-run` (the apply was interrupted).
    mutating func markUnstartedNotRun() {
        for position in actions.indices where state[position] == .waiting {
            state[position] = .ended
            outcomes[position] = ActionOutcome(action: actions[position].id, provider: actions[position].provider, status: .notRun)
        }
        ready.removeAll()
    }

    /// Counts for one provider's progress line.
    func progress(for provider: String) -> ApplyProgress {
        var progress = ApplyProgress(provider: provider, succeeded: 0, failed: 0, skipped: 0, remaining: 0)
        for (position, action) in actions.enumerated() where action.provider == provider {
            switch outcomes[position]?.status {
            case .succeeded?: progress.succeeded += 1
            case .failed?: progress.failed += 1
            case .skipped?, .notRun?: progress.skipped += 1
            case nil: progress.remaining += 1
            }
        }
        return progress
    }

    private mutating func skipDependents(of position: Int, cause: ActionID) {
        var pending = dependents[position]
        while let next = pending.popLast() {
            guard state[next] == .waiting else { continue }
            state[next] = .ended
            outcomes[next] = ActionOutcome(action: actions[next].id, provider: actions[next].provider, status: .skipped,
                                           skippedBecause: cause)
            pending += dependents[next]
        }
        for provider in ready.keys { ready[provider]?.removeAll { state[$0] == .ended } }
    }
}
