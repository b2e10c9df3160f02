/// Waits between attempts. Production sleeps for real; tests substitute one that records the waits
/// asked for (to check Retry-After was honoured) without spending the time.
public protocol RetrySleeper: Sendable {
    func sleep(seconds: Double) async throws
}

/// Sleeps with `Task.sleep`, so cancellation (Ctrl-C) ends the wait at once.
public struct TaskSleeper: RetrySleeper {
    public init() {}

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
