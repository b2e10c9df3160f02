import Planner

extension APIClient {
    /// Runs `action`'s calls one after another, stopping at the first failure.
    ///
    /// - Parameters:
    ///   - request: the call as an HTTP request (marking creates as not idempotent, so they are never
    ///     retried blindly); throwing fails the action before anything is sent.
    ///   - createdID: the new resource's ID from a create's answer; nil for calls that create nothing.
    /// - Returns: the outcome (a create's ID on success) with every request made, attempts included.
    func run(_ action: PlanAction, request: (ProviderCall) throws(ActionFailure) -> APIRequest,
             createdID: (ProviderCall, APIRequest, APIResponse) throws(APIError) -> String?) async -> ActionExecution {
        let trace = CallTrace()
        var created: String?
        for call in action.calls {
            let httpRequest: APIRequest
            do throws(ActionFailure) {
                httpRequest = try request(call)
            } catch {
                return ActionExecution(action: action.id, result: .failed(error), calls: await trace.records)
            }
            do throws(APIError) {
                let response = try await send(httpRequest, trace: trace)
                if let id = try createdID(call, httpRequest, response) { created = id }
            } catch {
                return ActionExecution(action: action.id, result: .failed(ActionFailure(error, isCreate: !httpRequest.isIdempotent)), calls: await trace.records)
            }
        }
        return ActionExecution(action: action.id, result: .succeeded(createdID: created), calls: await trace.records)
    }
}

extension Array where Element == PlanAction {
    /// Runs `body` for every action concurrently (the API client's throttle keeps within the provider's
    /// limits) and returns the executions in the actions' order.
    func executedConcurrently(_ body: @escaping @Sendable (PlanAction) async -> ActionExecution) async -> [ActionExecution] {
        var results = [ActionExecution?](repeating: nil, count: count)
        await withTaskGroup(of: (Int, ActionExecution).self) { group in
            for (index, action) in enumerated() {
                group.addTask { (index, await body(action)) }
            }
            for await (index, execution) in group { results[index] = execution }
        }
        return zip(self, results).map { $1 ?? .missing($0) }
    }
}

extension ActionExecution {
    /// The result of an action whose run reported nothing. Every run reports back; this only keeps a
    /// batch's results total (one per action) without a force unwrap.
    static func missing(_ action: PlanAction) -> ActionExecution {
        ActionExecution(action: action.id, result: .failed(ActionFailure(message: "the action did not report an outcome")), calls: [])
    }
}
