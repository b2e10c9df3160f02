/// What can go wrong running the sandbox, each saying what failed, where, and what to do.
public enum SandboxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The listening socket could not be opened.
    case cannotListen(port: UInt16, reason: String)
    /// `start()` on a sandbox that is already running.
    case alreadyRunning
    /// A fixture or state file that does not describe valid sandbox state.
    case invalidFixture(source: String, problem: FieldProblem)
    /// A fixture or state file that could not be read or is not JSON.
    case unreadableFile(path: String, reason: String)
    /// The state file could not be written.
    case cannotWriteState(path: String, reason: String)
    /// An account to provision that refers to a parent that does not exist.
    case cannotProvision(account: String, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let port, let reason):
            return "cannot listen on 127.0.0.1:\(port): \(reason)" + (port == 0 ? "" : " (pick another --port, or 0 for any free port)")
        case .alreadyRunning:
            return "the sandbox is already running; stop it before starting it again"
        case .invalidFixture(let source, let problem):
            return "\(source): \(problem) (see `reconcile help sandbox` for the fixture format)"
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .cannotWriteState(let path, let reason):
            return "cannot write the sandbox state to \(path): \(reason) (check the folder exists and is writable)"
        case .cannotProvision(let account, let reason):
            return "cannot provision \(account): \(reason)"
        }
    }
}
