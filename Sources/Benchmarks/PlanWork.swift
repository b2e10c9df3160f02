import Planner

/// The requests a plan needs at the least, and the shortest time they can take: what the apply
/// benchmark measures against.
///
/// - An action's requests are its planned calls, except that updates a provider takes in one bulk
///   request (Criteo's PATCH) share it: such updates need one request per dependency level (an update
///   that depends on another cannot ride in the same PATCH), and a Jivox export polls its status as
///   often as the sandbox needs (`exportPolls`) instead of the one poll the plan lists.
/// - The critical path is the longest chain of dependencies, each action weighted by its own
///   requests one after another (plus the waits between export polls); the throughput bound is the
///   busiest provider's requests spread over its parallelism.
struct PlanWork {
    var plan: Plan
    var executors: [String: any ActionExecutor]
    var parallelism: [String: Int]
    /// Status requests until an export completes.
    var exportPolls: Int
    /// Seconds the client waits between two status requests.
    var pollInterval: Double

    private func isBulk(_ action: PlanAction) -> Bool {
        executors[action.provider]?.canBatch(action) ?? false
    }

    /// Requests one action makes on its own (a bulk update: the one it shares).
    private func requests(_ action: PlanAction) -> Int {
        if isBulk(action) { return 1 }
        if action.kind == .export { return 1 + exportPolls }
        return action.calls.count
    }

    /// Per provider alias: the fewest requests, and how they are made up.
    var minimumCalls: [String: (count: Int, reason: String)] {
        var single: [String: Int] = [:]
        var polls: [String: Int] = [:]
        var levels: [String: Set<Int>] = [:]
        var bulkUpdates: [String: Int] = [:]
        var bulkDepth: [ActionID: Int] = [:]
        // Actions come in dependency order, so every dependency's depth is known before it is needed.
        for action in plan.actions {
            let above = action.dependsOn.compactMap { bulkDepth[$0] }.max() ?? 0
            if isBulk(action) {
                bulkDepth[action.id] = above + 1
                levels[action.provider, default: []].insert(above + 1)
                bulkUpdates[action.provider, default: 0] += 1
            } else {
                bulkDepth[action.id] = above
                single[action.provider, default: 0] += requests(action)
                if action.kind == .export { polls[action.provider, default: 0] += exportPolls }
            }
        }
        var result: [String: (count: Int, reason: String)] = [:]
        for provider in Set(plan.actions.map(\.provider)) {
            let patches = levels[provider]?.count ?? 0
            var reason = "\(single[provider] ?? 0) single"
            if let updates = bulkUpdates[provider] { reason += " + \(patches) bulk PATCH for \(updates) updates (\(patches) dependency level\(patches == 1 ? "" : "s"))" }
            if let count = polls[provider] { reason += ", incl. \(count) export status polls (\(exportPolls) per export)" }
            result[provider] = ((single[provider] ?? 0) + patches, reason)
        }
        return result
    }

    struct Bound {
        var seconds: Double
        var criticalPath: Double
        var criticalPathText: String
        var throughput: Double
        var throughputText: String
    }

    func lowerBound(latency: Double) -> Bound {
        typealias Path = (seconds: Double, requests: Int, waits: Int)
        var finish: [ActionID: Path] = [:]
        var longest: Path = (0, 0, 0)
        for action in plan.actions {
            let start: Path = action.dependsOn.compactMap { finish[$0] }.max { $0.seconds < $1.seconds } ?? (0, 0, 0)
            let waits = action.kind == .export ? exportPolls - 1 : 0
            let own = requests(action)
            let end: Path = (start.seconds + Double(own) * latency + Double(waits) * pollInterval, start.requests + own, start.waits + waits)
            finish[action.id] = end
            if end.seconds > longest.seconds { longest = end }
        }
        var busiest = (seconds: 0.0, text: "")
        for (provider, calls) in minimumCalls.sorted(by: { $0.key < $1.key }) {
            let lanes = parallelism[provider] ?? 1
            let rounds = (calls.count + lanes - 1) / lanes
            if Double(rounds) * latency > busiest.seconds {
                busiest = (Double(rounds) * latency, "\(provider) \(calls.count) calls / \(lanes) at once = \(rounds) round trips")
            }
        }
        let pathText = "\(longest.requests) requests one after another" + (longest.waits > 0 ? " + \(longest.waits) export poll wait\(longest.waits == 1 ? "" : "s")" : "")
        return Bound(seconds: max(longest.seconds, busiest.seconds), criticalPath: longest.seconds, criticalPathText: pathText,
                     throughput: busiest.seconds, throughputText: busiest.text)
    }
}
