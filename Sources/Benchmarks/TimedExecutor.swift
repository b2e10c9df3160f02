import Foundation
import Planner

/// Wraps a provider's executor and records when each batch it is handed starts and ends, so the
/// apply benchmark can tell time spent waiting for answers from time lanes stood idle.
struct TimedExecutor: ActionExecutor {
    /// Start and end of every batch, in seconds from `origin`.
    actor Timeline {
        private(set) var spans: [(start: Double, end: Double, actions: Int)] = []
        func record(start: Double, end: Double, actions: Int) { spans.append((start, end, actions)) }
    }

    let wrapped: any ActionExecutor
    let origin: ContinuousClock.Instant
    let timeline = Timeline()

    var providerAlias: String { wrapped.providerAlias }

    func canBatch(_ action: PlanAction) -> Bool { wrapped.canBatch(action) }

    func execute(_ actions: [PlanAction]) async -> [ActionExecution] {
        let start = ProcessMeasurements.seconds(since: origin)
        let executions = await wrapped.execute(actions)
        await timeline.record(start: start, end: ProcessMeasurements.seconds(since: origin), actions: actions.count)
        return executions
    }

    func findCreated(_ action: PlanAction) async -> Result<String?, ActionFailure> {
        await wrapped.findCreated(action)
    }
}
