import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, its standard streams connected to files.
///
/// Not Foundation's `Process`: on Linux (Swift 6.3.1) `Process.run()` lists `/proc/self/fd` copying
/// each entry's full 256-byte `d_name`, which reads past glibc's directory buffer when the last
/// entry sits at its end; with the thousand-odd sockets this suite holds at its busiest, that
/// crashed the test process with SIGSEGV about one run in five (swift-corelibs-foundation #5472).
final class ChildProcess: Sendable {
    /// The child's process ID.
    let pid: pid_t
    private let exit = ProcessExit()

    /// Starts `executable arguments…` in `directory` with exactly `environment`; standard input reads
    /// `stdin` (or /dev/null), standard output and error are written to the given files. The child
    /// inherits no other descriptor and gets every signal's default disposition.
    init(executable: URL, arguments: [String], environment: [String: String], directory: URL,
         stdin: URL?, stdout: URL, stderr: URL) throws {
        let spawn = try SpawnFunctions.load()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        try Self.check(spawn.addChangeDirectory(&actions, directory.path), "chdir action")
        try Self.check(posix_spawn_file_actions_addopen(&actions, 0, stdin?.path ?? "/dev/null", O_RDONLY, 0), "stdin action")
        try Self.check(posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644), "stdout action")
        try Self.check(posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644), "stderr action")
        try Self.check(spawn.addCloseFrom(&actions, 3), "closefrom action")

        // Ignored signals survive exec: the child must not inherit this process's dispositions or mask.
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable.path] + arguments).map { strdup($0) }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var spawned: pid_t = 0
        try Self.check(posix_spawn(&spawned, executable.path, &actions, &attributes, argv + [nil], envp + [nil]),
                       "posix_spawn \(executable.path)")
        let child = spawned
        pid = child

        // One plain thread per child blocks in waitpid, so waiting takes nothing from the shared pool.
        let exit = self.exit
        let thread = Thread {
            var raw: Int32 = 0
            while waitpid(child, &raw, 0) < 0, errno == EINTR {}
            exit.finish(Self.decode(raw))
        }
        thread.name = "child-\(child)"
        thread.start()
    }

    /// The exit status (or, for a child killed by a signal, the signal's number) once it has ended.
    var terminationStatus: Int32? { exit.status }

    /// Whether the child is still running.
    var isRunning: Bool { exit.status == nil }

    /// Sends `signal` to the child.
    func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for the exit status; after `timeout` seconds the child is killed and the wait throws.
    func wait(timeout: TimeInterval) async throws -> Int32 {
        let pid = pid
        return try await exit.wait(timeout: timeout) { kill(pid, SIGKILL) }
    }

    private static func decode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : signal
    }

    private static func check(_ status: Int32, _ what: String) throws {
        guard status == 0 else { throw ProcessFailure(message: "\(what) failed: \(String(cString: strerror(status)))") }
    }
}

/// glibc's `posix_spawn_file_actions_addchdir_np` and `…_addclosefrom_np` (2.29 and 2.34), which the
/// Glibc module does not import because they need `_GNU_SOURCE`; looked up at run time instead.
private struct SpawnFunctions {
    typealias AddChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    let addChangeDirectory: AddChangeDirectory
    let addCloseFrom: AddCloseFrom

    static func load() throws -> SpawnFunctions {
        guard let chdir = dlsym(nil, "posix_spawn_file_actions_addchdir_np"),
              let closeFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            throw ProcessFailure(message: "the CLI tests need glibc 2.34 or later (posix_spawn_file_actions_addclosefrom_np)")
        }
        return SpawnFunctions(addChangeDirectory: unsafeBitCast(chdir, to: AddChangeDirectory.self),
                              addCloseFrom: unsafeBitCast(closeFrom, to: AddCloseFrom.self))
    }
}
