import Foundation

/// Sends each request to the simulator that owns its path prefix, answers what belongs to no platform,
/// and saves state after every successful change when a state file is configured.
final class SandboxDispatcher: HTTPRequestHandling {
    let simulators: [SandboxPlatform: any PlatformSimulator]
    let faults: FaultInjector
    let log: RequestLog
    let stateFile: StateFile?

    init(simulators: [SandboxPlatform: any PlatformSimulator], faults: FaultInjector, log: RequestLog, stateFile: StateFile?) {
        self.simulators = simulators
        self.faults = faults
        self.log = log
        self.stateFile = stateFile
    }

    func faultDecision(for request: HTTPRequest) -> FaultDecision {
        faults.decision(for: request)
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard let platform = SandboxPlatform.owning(path: request.path), let simulator = simulators[platform] else {
            let prefixes = SandboxPlatform.allCases.map(\.pathPrefix).joined(separator: ", ")
            return errorResponse(status: 404, message: "No simulator serves \(request.path); paths start with one of \(prefixes).", path: nil)
        }
        let response = await simulator.handle(request)
        if let stateFile, simulator.changesState(request), response.isSuccess {
            do {
                try await stateFile.save { await self.snapshot() }
            } catch {
                return simulator.errorResponse(status: 500, message: "the change was made but the sandbox could not save its state: \(error)")
            }
        }
        return response
    }

    func errorResponse(status: Int, message: String, path: String?) -> HTTPResponse {
        if let path, let platform = SandboxPlatform.owning(path: path), let simulator = simulators[platform] {
            return simulator.errorResponse(status: status, message: message)
        }
        return .json(status, .object([("error", .object([("status", .integer(status)), ("message", .string(message))]))]))
    }

    /// The whole sandbox state in the fixture format.
    func snapshot() async -> SandboxJSON {
        var members: [(key: String, value: SandboxJSON)] = [("format", .string(SandboxFixture.formatName))]
        for platform in SandboxPlatform.allCases {
            if let simulator = simulators[platform] { members.append((platform.rawValue, await simulator.exportState())) }
        }
        return .object(members)
    }
}
