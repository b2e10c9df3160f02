import Foundation

/// Carries the result of async work to a socket thread that waits for it. Connection threads are
/// plain threads (not the cooperative pool), so blocking one on a semaphore while a Task runs the
/// async simulator code cannot starve the pool.
enum BlockingResult {
    /// Runs `work` on the cooperative pool and blocks the calling (non-pool) thread until it returns.
    static func wait<Value: Sendable>(for work: @escaping @Sendable () async -> Value) -> Value? {
        let semaphore = DispatchSemaphore(value: 0)
        let result = LockedValue<Value?>(nil)
        Task {
            let value = await work()
            result.withLock { $0 = value }
            semaphore.signal()
        }
        semaphore.wait()
        return result.withLock { $0 }
    }
}
