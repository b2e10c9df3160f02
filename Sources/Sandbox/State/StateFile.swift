import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The JSON file sandbox state persists to between runs. Each save writes a temporary file in the same
/// folder, flushes it and renames it over the old one, so a reader (or a crash) never sees half a file.
actor StateFile {
    let url: URL
    /// Saves are numbered when they start; a save that finishes after a later-started one is dropped,
    /// because the later one's snapshot was taken after it and holds at least the same changes.
    private var started = 0
    private var written = 0

    init(url: URL) {
        self.url = url
    }

    func save(_ snapshot: @Sendable () async -> SandboxJSON) async throws(SandboxError) {
        started += 1
        let number = started
        let json = await snapshot()
        guard number > written else { return }
        try Self.writeAtomically(Data((json.serialized(indent: 2) + "\n").utf8), to: url)
        written = number
    }

    static func writeAtomically(_ data: Data, to url: URL) throws(SandboxError) {
        let folder = url.deletingLastPathComponent()
        // `--state .reconcile/sandbox.json` in a fresh checkout: the folder is made on first save.
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .cannotWriteState(path: url.path, reason: (error as NSError).localizedDescription)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .cannotWriteState(path: url.path, reason: POSIXSocket.lastError()) }
        let complete = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let count = write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        let reason = POSIXSocket.lastError()
        let flushed = fsync(descriptor) == 0
        close(descriptor)
        guard complete, flushed, rename(temporary.path, url.path) == 0 else {
            let failure = complete && flushed ? POSIXSocket.lastError() : reason
            unlink(temporary.path)
            throw .cannotWriteState(path: url.path, reason: failure)
        }
    }
}
