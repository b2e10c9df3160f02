import Foundation

/// What every simulator is built with: the seed for its identifiers, the clock, the credentials it
/// accepts, the fault injector (for platform-level faults) and the platform-specific settings.
struct SimulatorContext: Sendable {
    var seed: UInt64
    var clock: SandboxClock
    var credentials: SandboxCredentials
    var faults: FaultInjector
    var criteoTokenLifetime: TimeInterval
    var jivoxExports: JivoxExportLifecycle
}
