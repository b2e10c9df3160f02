import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

/// Helpers the platform tests share: manifests from YAML text, strict sandbox credentials, plans,
/// and the check that no credential value leaks.
enum ProviderTestKit {
    /// Seconds a test request may take: generous, because a busy cooperative pool (the whole suite
    /// running) can hold answers up, and a timeout would add a retry and break exact request counts.
    static let patientTimeout: Double = 60
    /// For tests where the sandbox never answers: whole seconds (URLSession on Linux misreads
    /// sub-second timeouts), long enough for the retry after it to be answered on a busy machine
    /// (2 s was not, once, with two compilers running beside the suite).
    static let hangTimeout: Double = 5

    /// The sandbox accepts exactly the harness credentials, so a client that sends them wrongly fails.
    static let strictCredentials = SandboxCredentials(
        nextrollAPIKey: SandboxHarness.environment["NEXTROLL_API_KEY"], nextrollToken: SandboxHarness.environment["NEXTROLL_TOKEN"],
        criteoClientID: SandboxHarness.environment["CRITEO_CLIENT_ID"], criteoClientSecret: SandboxHarness.environment["CRITEO_CLIENT_SECRET"],
        topsortAPIKey: SandboxHarness.environment["TOPSORT_API_KEY"], jivoxAPIKey: SandboxHarness.environment["JIVOX_API_KEY"])

    /// The generic fixture with strict credentials and `faults`.
    static func configuration(faults: FaultPlan = .none, fixture: SandboxFixture = .generic) -> SandboxConfiguration {
        SandboxConfiguration(fixture: fixture, faults: faults, credentials: strictCredentials)
    }

    /// Starts a sandbox (the generic fixture with strict credentials unless told), makes `client` on
    /// an unthrottled connection for `provider` and runs `body`; the sandbox stops afterwards.
    static func withClient<Client>(_ provider: ProviderConfig, faults: FaultPlan = .none, fixture: SandboxFixture = .generic,
                                   sleeper: RecordingSleeper = RecordingSleeper(), retryPolicy: RetryPolicy = RetryPolicy(requestTimeout: patientTimeout),
                                   client make: (ProviderConfig, ProviderConnection) -> Client,
                                   _ body: (SandboxHarness, Client) async throws -> Void) async throws {
        let harness = try await SandboxHarness.start(configuration(faults: faults, fixture: fixture))
        do {
            try await body(harness, make(provider, try harness.unthrottledConnection(for: provider, sleeper: sleeper, retryPolicy: retryPolicy)))
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    /// Fetches again, plans again: the apply converged when nothing is left to do. Nothing the apply
    /// or the fetch produced may hold a credential.
    static func expectConverged(_ manifest: Manifest, _ client: any ProviderClient, after executions: [ActionExecution],
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> LiveAccount {
        let live = try await client.fetch(for: manifest)
        let again = try plan(manifest, live)
        #expect(again.actions.isEmpty, "converged: \(again.actions.map(\.id))", sourceLocation: sourceLocation)
        expectNoCredentials(in: texts(of: executions) + [try LiveState(accounts: [live]).jsonText()], sourceLocation: sourceLocation)
        return live
    }

    /// Loads a manifest written as YAML (checked and validated as `reconcile` does).
    static func manifest(_ yaml: String) throws -> Manifest {
        try ManifestLoader().load([ManifestSource(file: "test.yaml", data: Data(yaml.utf8))])
    }

    /// The plan for `manifest` against `live`, made today (the sandbox clock is the system clock) with safety overridden.
    static func plan(_ manifest: Manifest, _ live: LiveAccount) throws -> Plan {
        try PlanBuilder.plan(manifest, live: LiveState(accounts: [live]),
                             options: PlanOptions(today: CalendarDate(utcDayOf: Date()), allowUnsafe: true))
    }

    /// Fails the test when any credential value of the harness appears in `texts`.
    static func expectNoCredentials(in texts: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for text in texts {
            for (name, secret) in SandboxHarness.environment where text.contains(secret) {
                Issue.record("the value of \(name) appears in: \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Every text an apply produced: call records (errors, warnings) and failures.
    static func texts(of executions: [ActionExecution]) -> [String] {
        executions.flatMap { execution -> [String] in
            var texts = execution.calls.flatMap { [$0.path, $0.error ?? "", $0.warning ?? ""] }
            if case .failed(let failure) = execution.result { texts.append(failure.description) }
            return texts
        }
    }
}

extension SandboxHarness {
    /// A connection without the published request rate: tests send bursts, and the throttle would
    /// otherwise wait (and record those waits with the retry waits).
    func unthrottledConnection(for provider: ProviderConfig, sleeper: any RetrySleeper = RecordingSleeper(),
                               retryPolicy: RetryPolicy = RetryPolicy(requestTimeout: ProviderTestKit.patientTimeout)) throws -> ProviderConnection {
        var connection = try connection(for: provider, sleeper: sleeper, retryPolicy: retryPolicy)
        connection.limits.requestsPerMinute = nil
        return connection
    }
}

extension ActionExecution {
    var failure: ActionFailure? {
        if case .failed(let failure) = result { return failure }
        return nil
    }

    var createdID: String? {
        if case .succeeded(let id) = result { return id }
        return nil
    }

    var succeeded: Bool { failure == nil }
}
