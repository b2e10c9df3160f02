import Dispatch
import Foundation

/// Waiting for Ctrl-C (SIGINT) or SIGTERM. While waiting, the default handlers are off so the command
/// can finish cleanly; once one arrives they are back on, so a second Ctrl-C ends the process at once.
enum TerminationSignal {
    /// Returns the signal number of the first SIGINT or SIGTERM.
    static func next() async -> Int32 {
        let watch = SignalWatch()
        return await withCheckedContinuation { continuation in
            watch.start { continuation.resume(returning: $0) }
        }
    }
}

/// The dispatch sources of one wait. They are kept here until the first signal (a lock-protected
/// class because the sources' handlers run on a dispatch queue, outside any actor).
private final class SignalWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [DispatchSourceSignal] = []
    private var finished = false

    func start(_ done: @escaping @Sendable (Int32) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                guard finish() else { return }
                done(number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// True for the first signal only; restores the default handlers and cancels the sources.
    private func finish() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return false }
        finished = true
        for source in sources { source.cancel() }
        sources.removeAll()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        return true
    }
}
