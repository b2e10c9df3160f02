import Foundation

/// Collects the requests made while it is the task's `current` recorder, for work whose calls are not
/// returned as data (looking for a create whose answer was lost), so the report still lists every
/// request the apply made.
///
/// A lock-protected class: HTTP clients record from whatever task sends, synchronously.
public final class CallRecorder: @unchecked Sendable {
    @TaskLocal public static var current: CallRecorder?

    private let lock = NSLock()
    private var collected: [CallRecord] = []

    public init() {}

    public var records: [CallRecord] { lock.withLock { collected } }

    public func record(_ record: CallRecord) {
        lock.withLock { collected.append(record) }
    }
}
