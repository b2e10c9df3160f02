/// Completes the actions' dependencies and orders them, so that any set of actions an applier may
/// have finished (one that includes each finished action's dependencies) is spend-safe.
///
/// Rules, on top of the dependencies the provider rules give (an ad group create needs its campaign's
/// create, an export needs its activation):
/// 1. On one resource, edits come after its pause.
/// 2. A `resume` comes after every other action on its resource and everything inside it (ad groups
///    created, configured, paused or resumed), so nothing serves half-built.
/// 3. Spend: within a provider, actions that raise the daily-equivalent ceiling depend on enough of
///    the actions that lower it. With headroom H = max(0, total change), raises sorted by size
///    (smallest first) and lowers by size (largest first), each raise depends on the shortest prefix
///    of lowers whose savings, plus H, cover every raise up to and including it. Then any finished
///    set keeps the ceiling at or below max(before, after): the raises in it are covered by lowers
///    that are in it too. Raises within the headroom need nothing; a failed decrease holds back
///    exactly the increases that would otherwise overshoot.
/// 4. Dependencies implied by others are dropped (transitive reduction), so each list is minimal.
///
/// The order is a topological order that, among ready actions, takes the lowest (phase, provider as
/// declared, address, kind): the same input always gives the same plan.
enum DependencyGraph {
    static func order(_ actions: [PlanAction], providerOrder: [String]) throws(PlanningError) -> [PlanAction] {
        let count = actions.count
        var index: [ActionID: Int] = [:]
        index.reserveCapacity(count)
        for (position, action) in actions.enumerated() {
            guard index.updateValue(position, forKey: action.id) == nil else {
                throw PlanningError(problems: [PlanningProblem(address: action.address, "two actions share the id `\(action.id)`",
                                                               hint: "this is a bug in reconcile; please report it with the manifest")])
            }
        }
        var dependencies = [Set<Int>](repeating: [], count: count)
        for (position, action) in actions.enumerated() {
            for dependency in action.dependsOn {
                if let other = index[dependency], other != position { dependencies[position].insert(other) }
            }
        }

        // 1 and 2: same resource and subtree.
        var byAddress: [ResourceAddress: [Int]] = [:]
        var withinAddress: [ResourceAddress: [Int]] = [:]
        for (position, action) in actions.enumerated() {
            byAddress[action.address, default: []].append(position)
            var ancestor: ResourceAddress? = action.address
            while let current = ancestor {
                withinAddress[current, default: []].append(position)
                ancestor = current.parent
            }
        }
        for (position, action) in actions.enumerated() {
            switch action.kind {
            case .update, .attach, .detach:
                for other in byAddress[action.address] ?? [] where actions[other].kind == .pause { dependencies[position].insert(other) }
            case .resume:
                for other in withinAddress[action.address] ?? [] where other != position { dependencies[position].insert(other) }
            default:
                break
            }
        }

        // 3: spend.
        var byProvider: [String: [Int]] = [:]
        for (position, action) in actions.enumerated() { byProvider[action.provider, default: []].append(position) }
        for positions in byProvider.values {
            let total = positions.reduce(SpendCeiling.zero) { $0 + actions[$1].spendChange }
            let headroom = total.isPositive ? total : .zero
            let raises = positions.filter { actions[$0].spendChange.isPositive }
                .sorted { (actions[$0].spendChange, actions[$0].id) < (actions[$1].spendChange, actions[$1].id) }
            let lowers = positions.filter { actions[$0].spendChange.isNegative }
                .sorted { (actions[$0].spendChange, actions[$0].id) < (actions[$1].spendChange, actions[$1].id) }
            var raised = SpendCeiling.zero
            var covered = headroom
            var taken = 0
            for raise in raises {
                raised += actions[raise].spendChange
                while raised > covered, taken < lowers.count {
                    covered += .zero - actions[lowers[taken]].spendChange
                    taken += 1
                }
                for lower in lowers.prefix(taken) { dependencies[raise].insert(lower) }
            }
        }

        // Rank: the reading order among actions that are ready together.
        let providerIndex = Dictionary(providerOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let ranked = (0..<count).sorted { left, right in
            let a = actions[left], b = actions[right]
            if a.phase != b.phase { return a.phase < b.phase }
            let pa = providerIndex[a.provider] ?? Int.max, pb = providerIndex[b.provider] ?? Int.max
            if pa != pb { return pa < pb }
            if a.provider != b.provider { return a.provider < b.provider }
            return a.id < b.id
        }
        var rank = [Int](repeating: 0, count: count)
        for (position, action) in ranked.enumerated() { rank[action] = position }

        // Topological order (Kahn), lowest rank first.
        var dependents = [[Int]](repeating: [], count: count)
        var waiting = [Int](repeating: 0, count: count)
        for position in 0..<count {
            waiting[position] = dependencies[position].count
            for dependency in dependencies[position] { dependents[dependency].append(position) }
        }
        var ready = RankHeap(rank: rank)
        for position in 0..<count where waiting[position] == 0 { ready.push(position) }
        var order: [Int] = []
        order.reserveCapacity(count)
        while let next = ready.pop() {
            order.append(next)
            for dependent in dependents[next] {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { ready.push(dependent) }
            }
        }
        guard order.count == count else {
            let stuck = (0..<count).filter { waiting[$0] > 0 }.map { actions[$0].id.description }.sorted().prefix(5)
            throw PlanningError(problems: [PlanningProblem("the plan's dependencies form a cycle among \(stuck.joined(separator: "; "))",
                                                           hint: "this is a bug in reconcile; please report it with the manifest")])
        }
        var position = [Int](repeating: 0, count: count)
        for (place, action) in order.enumerated() { position[action] = place }

        // 4: transitive reduction. Visiting a node's dependencies latest first, one already reached
        // through a later dependency is implied and dropped.
        var mark = [Int](repeating: -1, count: count)
        var stack: [Int] = []
        var reduced = [[Int]](repeating: [], count: count)
        for node in order where dependencies[node].count > 0 {
            let direct = dependencies[node].sorted { position[$0] > position[$1] }
            if direct.count == 1 {
                reduced[node] = direct
                continue
            }
            var kept: [Int] = []
            for dependency in direct where mark[dependency] != node {
                kept.append(dependency)
                stack.append(contentsOf: dependencies[dependency])
                while let ancestor = stack.popLast() {
                    guard mark[ancestor] != node else { continue }
                    mark[ancestor] = node
                    stack.append(contentsOf: dependencies[ancestor])
                }
            }
            reduced[node] = kept
        }

        return order.map { node in
            var action = actions[node]
            action.dependsOn = reduced[node].sorted { position[$0] < position[$1] }.map { actions[$0].id }
            return action
        }
    }
}

/// A binary min-heap of action indices by rank.
private struct RankHeap {
    let rank: [Int]
    private var items: [Int] = []

    init(rank: [Int]) { self.rank = rank }

    mutating func push(_ item: Int) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard rank[items[child]] < rank[items[parent]] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, rank[items[left]] < rank[items[smallest]] { smallest = left }
                if right < items.count, rank[items[right]] < rank[items[smallest]] { smallest = right }
                guard smallest != parent else { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
