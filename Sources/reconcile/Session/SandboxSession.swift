import Foundation
import Planner
import Sandbox

/// The simulators `--sandbox` runs plan, apply and import against, in this process: state is kept
/// in `.reconcile/sandbox.json` (under the current folder), so one command sees what the last one
/// did. On first use the state starts from the accounts and campaigns of `examples/manifests`, and
/// whatever the manifests reference that the APIs cannot create is provisioned (said on stderr).
struct SandboxSession {
    static let stateFile = ".reconcile/sandbox.json"

    let server: SandboxServer
    let endpoints: SandboxEndpoints

    static func start(for manifest: Manifest, terminal: Terminal) async throws(SessionError) -> SandboxSession {
        var configuration = SandboxConfiguration(fixture: .examples)
        configuration.stateFile = URL(fileURLWithPath: stateFile)
        // A testing aid: RECONCILE_SANDBOX_FAULTS takes the `reconcile sandbox --faults` syntax.
        if let spec = ProcessInfo.processInfo.environment["RECONCILE_SANDBOX_FAULTS"], !spec.isEmpty {
            do {
                configuration.faults = try FaultPlan.parse(spec)
            } catch {
                throw SessionError("RECONCILE_SANDBOX_FAULTS: \(error)")
            }
        }
        let firstUse = !FileManager.default.fileExists(atPath: stateFile)
        let server: SandboxServer
        let endpoints: SandboxEndpoints
        do {
            server = try SandboxServer(configuration: configuration)
            endpoints = try await server.start()
        } catch {
            throw SessionError("cannot start the sandbox: \(error)", hint: "remove \(stateFile) to start it afresh")
        }
        let provisioned: [SandboxAccount]
        do {
            provisioned = try await server.provision(SandboxProvisioning.accounts(for: manifest))
        } catch {
            await server.stop()
            throw SessionError("cannot prepare the sandbox for these manifests: \(error)")
        }
        if firstUse { terminal.note("Sandbox: simulated accounts in \(stateFile) (first use: started from the examples' accounts).") }
        if !provisioned.isEmpty {
            terminal.note("Sandbox: provisioned what the APIs cannot create: " + provisioned.map(\.description).joined(separator: ", ") + ".")
        }
        return SandboxSession(server: server, endpoints: endpoints)
    }

    /// The simulator's base URL for each provider type.
    var endpointOverrides: [ProviderKind: URL] {
        [.nextroll: endpoints.nextroll, .criteo: endpoints.criteo, .topsort: endpoints.topsort, .jivox: endpoints.jivox]
    }

    /// The environment with a stand-in for every credential variable the manifests name and the
    /// environment lacks: the sandbox accepts any non-empty credentials, and real ones are not needed.
    static func environment(for manifest: Manifest, base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var environment = base
        for provider in manifest.providers {
            for reference in provider.credentials.values where (environment[reference.environmentVariable] ?? "").isEmpty {
                environment[reference.environmentVariable] = "sandbox-\(reference.environmentVariable.lowercased())"
            }
        }
        return environment
    }

    func stop() async {
        await server.stop()
    }
}
