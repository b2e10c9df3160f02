import Foundation
import Planner

/// Progress of a long apply on stderr: per provider, done / failed / remaining, at most once a
/// second per provider and always when a provider finishes. Silent with `--quiet`.
final class ApplyProgressPrinter: @unchecked Sendable {
    // A lock, not an actor: the applier reports synchronously from its loop.
    private let lock = NSLock()
    private var lastPrinted: [String: Date] = [:]
    private let terminal: Terminal

    init(terminal: Terminal) {
        self.terminal = terminal
    }

    func report(_ progress: ApplyProgress) {
        let now = Date()
        let due: Bool = lock.withLock {
            let finished = progress.remaining == 0
            guard finished || now.timeIntervalSince(lastPrinted[progress.provider] ?? .distantPast) >= 1 else { return false }
            lastPrinted[progress.provider] = now
            return true
        }
        guard due else { return }
        let style = terminal.errorStyle
        var line = "\(progress.provider): \(progress.succeeded) done"
        if progress.failed > 0 { line += ", " + style.red("\(progress.failed) failed") }
        if progress.skipped > 0 { line += ", \(progress.skipped) skipped" }
        line += progress.remaining == 0 ? ", finished" : ", \(progress.remaining) remaining"
        terminal.note(style.dim(line))
    }
}
