import Foundation
import Testing

/// What one run of the `reconcile` binary printed and returned.
struct ProcessResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Both streams, for assertions that something appears (or never appears) anywhere.
    var allOutput: String { stdout + stderr }
}

/// Runs the built `reconcile` executable as a user would, in a child process.
enum ReconcileProcess {
    /// The package root, found from this file's place in `Tests/ReconcileCLITests/Support/`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `reconcile` binary built alongside the test bundle (`swift test` builds every product).
    static func executable() throws -> URL {
        var candidates: [URL] = []
        if let argument = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("reconcile"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("reconcile"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/reconcile"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ProcessFailure(message: "no reconcile binary at \(candidates.map(\.path))")
        }
        return found
    }

    /// Runs `reconcile arguments…` in `directory` with `environment` added to a minimal environment
    /// (no NO_COLOR unless given, no inherited credentials), waiting at most `timeout` seconds.
    /// Waits without blocking a thread, so CLI tests do not starve the other tests of the shared pool.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    stdin: String? = nil, timeout: TimeInterval = 120,
                    signal: (after: Duration, number: Int32)? = nil) async throws -> ProcessResult {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                    "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp"]
        base.merge(environment) { _, new in new }
        process.environment = base
        // Files rather than pipes: a child that writes a lot cannot block on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = scratch.appendingPathComponent("stdin")
            try Data(stdin.utf8).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let exit = ProcessExit()
        process.terminationHandler = { finished in exit.finish(finished.terminationStatus) }
        try process.run()
        if let signal {
            let pid = process.processIdentifier
            Task {
                try await Task.sleep(for: signal.after)
                kill(pid, signal.number)
            }
        }
        let status: Int32
        do {
            // On timeout the child is killed, so its exit ends the wait.
            let pid = process.processIdentifier
            status = try await exit.wait(timeout: timeout) { kill(pid, SIGKILL) }
        } catch {
            throw ProcessFailure(message: "reconcile \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s")
        }
        try out.close()
        try err.close()
        return ProcessResult(status: status,
                             stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                             stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// The exit status of a child process, awaited without blocking a thread.
final class ProcessExit: @unchecked Sendable {
    // A lock, not an actor: the termination handler runs on Foundation's thread and must not await.
    private let lock = NSLock()
    private var status: Int32?
    private var waiter: CheckedContinuation<Int32, any Error>?

    func finish(_ value: Int32) {
        let waiting: CheckedContinuation<Int32, any Error>? = lock.withLock {
            status = value
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume(returning: value)
    }

    /// The exit status; after `timeout` seconds, `onTimeout` is called (it must make the process exit)
    /// and the wait throws.
    func wait(timeout: TimeInterval, onTimeout: @escaping @Sendable () -> Void) async throws -> Int32 {
        try await withThrowingTaskGroup(of: Int32.self) { group in
            group.addTask {
                try await withCheckedThrowingContinuation { continuation in
                    let done: Int32? = self.lock.withLock {
                        if let status = self.status { return status }
                        self.waiter = continuation
                        return nil
                    }
                    if let done { continuation.resume(returning: done) }
                }
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                onTimeout()
                throw ProcessFailure(message: "timed out")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw ProcessFailure(message: "no result") }
            return first
        }
    }
}

struct ProcessFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A temporary folder of manifest files for one test, removed afterwards.
struct ManifestFolder {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-manifests-\(UUID().uuidString)")
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    /// A folder holding a copy of the repository's `examples/manifests` (under the same path, so the
    /// tags CSV the examples download lands in the folder: `tags: ../../out/tags`).
    static func withExamples() throws -> ManifestFolder {
        let folder = try ManifestFolder([:])
        let examples = folder.url.appendingPathComponent("examples/manifests")
        try FileManager.default.createDirectory(at: examples.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ReconcileProcess.packageRoot.appendingPathComponent("examples/manifests"), to: examples)
        return folder
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
