import Foundation

/// How a sandbox runs: where it listens, what it starts with, where it persists, which faults it
/// injects and which credentials it accepts.
public struct SandboxConfiguration: Sendable {
    /// 0 (the default) picks a free ephemeral port; the sandbox always binds to 127.0.0.1 only.
    public var port: UInt16
    /// Seeds created identifiers (EIDs, UUIDs, tokens), so runs repeat exactly.
    public var seed: UInt64
    /// The state to start from when there is no state file yet (or no state file configured).
    public var fixture: SandboxFixture?
    /// Persist state here after every successful change, and start from it when it exists.
    public var stateFile: URL?
    public var faults: FaultPlan
    public var credentials: SandboxCredentials
    public var limits: HTTPLimits
    public var clock: SandboxClock
    /// How long Criteo access tokens live (the platform's 900 seconds by default).
    public var criteoTokenLifetime: TimeInterval
    public var jivoxExports: JivoxExportLifecycle
    /// The request log keeps at most this many entries, dropping the oldest (a long-running sandbox
    /// must not grow without end).
    public var requestLogCapacity: Int
    /// Called with every request log entry as it is recorded, on a server thread (`reconcile sandbox`
    /// prints them). It must not block.
    public var requestObserver: (@Sendable (RequestLogEntry) -> Void)?

    public init(port: UInt16 = 0, seed: UInt64 = 1, fixture: SandboxFixture? = nil, stateFile: URL? = nil, faults: FaultPlan = .none,
                credentials: SandboxCredentials = .any, limits: HTTPLimits = HTTPLimits(), clock: SandboxClock = .system,
                criteoTokenLifetime: TimeInterval = 900, jivoxExports: JivoxExportLifecycle = JivoxExportLifecycle(), requestLogCapacity: Int = 100_000,
                requestObserver: (@Sendable (RequestLogEntry) -> Void)? = nil) {
        self.port = port
        self.seed = seed
        self.fixture = fixture
        self.stateFile = stateFile
        self.faults = faults
        self.credentials = credentials
        self.limits = limits
        self.clock = clock
        self.criteoTokenLifetime = criteoTokenLifetime
        self.jivoxExports = jivoxExports
        self.requestLogCapacity = requestLogCapacity
        self.requestObserver = requestObserver
    }
}
