/// How long apply waits for a Jivox asset export: the export runs asynchronously, so after starting it
/// the client asks for its status every `interval` seconds until it is COMPLETED (or AVAILABLE) or
/// FAILED, and gives up after `timeout` seconds in all. A timed-out export fails its action; the
/// export may still finish on the platform, and the next plan shows its status.
public struct JivoxExportPolling: Sendable {
    /// Seconds between status requests.
    public var interval: Double
    /// Seconds from the first status request after which apply stops waiting.
    public var timeout: Double
    /// Waits between status requests (`Task.sleep`, so an interrupt ends the wait at once).
    public var sleeper: any RetrySleeper

    /// Exports of creative assets take minutes; the defaults wait up to ten, asking every five seconds.
    public init(interval: Double = 5, timeout: Double = 600, sleeper: any RetrySleeper = TaskSleeper()) {
        self.interval = max(0, interval)
        self.timeout = max(0, timeout)
        self.sleeper = sleeper
    }
}
