import Foundation

/// Raised on SIGINT/SIGTERM: the applier starts nothing new, lets what is in flight finish (for a
/// bounded time) and writes its report.
///
/// A lock-protected class, not an actor: the signal handler raises it synchronously, outside any
/// async context, and the applier reads it between dispatches without suspending.
public final class ApplyInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]

    public init() {}

    public var isRaised: Bool { lock.withLock { raised } }

    public func raise() {
        let waiting: [CheckedContinuation<Void, Never>] = lock.withLock {
            raised = true
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
        for waiter in waiting { waiter.resume() }
    }

    /// Returns once raised, or at once when the calling task is cancelled.
    public func wait() async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow: Bool = lock.withLock {
                    if raised || Task.isCancelled { return true }
                    waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = lock.withLock { waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
