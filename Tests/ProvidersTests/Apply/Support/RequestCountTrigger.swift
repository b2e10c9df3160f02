import Foundation
import Planner
import Sandbox

/// Interrupts an apply once the sandbox has received a given number of requests: its `observe` is the
/// sandbox's request observer, so the interruption lands exactly after the K-th request, as a Ctrl-C
/// would at that moment.
///
/// A lock-protected class, not an actor: the sandbox calls the observer synchronously on its socket
/// threads, which cannot await.
final class RequestCountTrigger: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int?
    private var interruption: ApplyInterruption?

    /// Raises `interruption` when the `requests`-th request from now is logged.
    func arm(after requests: Int, raising interruption: ApplyInterruption) {
        lock.withLock {
            remaining = requests
            self.interruption = interruption
        }
    }

    func disarm() {
        lock.withLock {
            remaining = nil
            interruption = nil
        }
    }

    func observe(_ entry: RequestLogEntry) {
        let due: ApplyInterruption? = lock.withLock {
            guard let left = remaining else { return nil }
            remaining = left - 1
            guard left == 1 else { return nil }
            defer { interruption = nil }
            return interruption
        }
        due?.raise()
    }
}
