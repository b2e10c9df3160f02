import Foundation
import Planner
import Providers
import Sandbox

/// How plan, apply and import reach the accounts: the platforms themselves, or with `--sandbox`
/// the simulators in this process. Makes the clients, fetches live state, and closes the sandbox.
struct LiveConnection {
    let factory: ProviderClientFactory
    let sandbox: SandboxSession?

    /// Opens the connection; with `sandbox`, starts the simulators and provisions what `manifest` references.
    static func open(for manifest: Manifest, sandbox useSandbox: Bool, terminal: Terminal) async throws(SessionError) -> LiveConnection {
        guard useSandbox else { return LiveConnection(factory: ProviderClientFactory(), sandbox: nil) }
        let session = try await SandboxSession.start(for: manifest, terminal: terminal)
        let factory = ProviderClientFactory(endpointOverrides: session.endpointOverrides,
                                            environment: SandboxSession.environment(for: manifest), publishedRateLimits: false,
                                            // The simulator advances an export on each status request, not with time.
                                            jivoxExportPolling: JivoxExportPolling(interval: 0.05, timeout: 60))
        return LiveConnection(factory: factory, sandbox: session)
    }

    /// Opens a connection, runs `body` with it and closes it, whether `body` succeeds or not.
    static func using<T>(for manifest: Manifest, sandbox: Bool, terminal: Terminal,
                         _ body: (LiveConnection) async throws(SessionError) -> T) async throws(SessionError) -> T {
        let connection = try await open(for: manifest, sandbox: sandbox, terminal: terminal)
        do {
            let value = try await body(connection)
            await connection.close()
            return value
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Clients for `providers`; every provider whose credentials are missing is named at once.
    func clients(for providers: [ProviderConfig]) throws(SessionError) -> [any ProviderClient] {
        do {
            return try factory.clients(for: providers)
        } catch {
            throw SessionError(error.description)
        }
    }

    /// The live state of `clients`' accounts, fetched concurrently.
    func fetch(_ manifest: Manifest, clients: [any ProviderClient], terminal: Terminal) async throws(SessionError) -> LiveState {
        let names = clients.map { $0.provider.alias }.joined(separator: ", ")
        terminal.note(terminal.errorStyle.dim("Reading the live accounts (\(names))\(sandbox == nil ? "" : " from the sandbox")…"))
        do {
            return try await LiveStateFetcher.fetch(manifest, clients: clients)
        } catch {
            throw SessionError(error.description, hint: "nothing was changed; check the provider's endpoint and credentials, then run again")
        }
    }

    /// Stops the sandbox (its state is saved as it changes).
    func close() async {
        await sandbox?.stop()
    }

    /// The providers a plan needs live state for: those named by --provider or by --target, else all.
    static func providers(in manifest: Manifest, only aliases: [String], targets: [ResourceAddress]) -> [ProviderConfig] {
        PlanScope(providers: aliases, targets: targets).providers(in: manifest)
    }
}
