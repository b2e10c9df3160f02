import Foundation
import Testing

/// The launcher the CLI tests rely on keeps its promises: the child runs in the given folder with
/// exactly the given environment, inherits no descriptor beyond the three streams, and gets default
/// signal dispositions (so SIGINT tests mean what they say even if this process ignores signals).
@Suite("Child processes of the CLI tests")
struct ChildProcessTests {
    @Test func theChildGetsItsFolderEnvironmentStreamsAndDefaultSignals() async throws {
        let folder = try ManifestFolder([:])
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        // Held open here while the child runs: it must not be inherited.
        let held = try FileHandle(forWritingTo: folder.url.appendingPathComponent("held").creatingEmpty())
        defer { try? held.close() }
        let out = folder.url.appendingPathComponent("out"), err = folder.url.appendingPathComponent("err")
        let script = "pwd; echo \"$ONLY\"; env | wc -l; ls /proc/$$/fd | sort -n | tr '\\n' ' '; echo; kill -INT $$; echo survived"
        let child = try ChildProcess(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script],
                                     environment: ["ONLY": "this"], directory: folder.url, stdin: nil, stdout: out, stderr: err)
        let status = try await child.wait(timeout: 30)
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(status == SIGINT, "killed by its own SIGINT: \(lines)")
        try #require(lines.count == 4, "four lines, nothing after the signal: \(lines)")
        #expect(lines.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == folder.url.resolvingSymlinksInPath().path)
        #expect(lines.dropFirst().first == "this")
        // sh itself adds PWD (and may add SHLVL, _) to the one variable given.
        #expect(Int(lines[2].trimmingCharacters(in: .whitespaces)).map { $0 <= 4 } == true, "environment: \(lines[2])")
        #expect(lines[3].trimmingCharacters(in: .whitespaces) == "0 1 2", "descriptors: \(lines[3])")
    }
}

private extension URL {
    func creatingEmpty() throws -> URL {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw ProcessFailure(message: "cannot create \(path)") }
        return self
    }
}
