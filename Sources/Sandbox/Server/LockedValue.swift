import Foundation

/// A value behind a lock, for state shared with the server's socket threads. Those threads run
/// synchronous blocking loops (accept, recv, poll) and cannot await an actor, so the few pieces of
/// state they touch (connection registry, request log, fault counters) are guarded by a plain lock.
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
