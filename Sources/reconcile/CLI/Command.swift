/// One `reconcile` subcommand. Its configuration drives argument parsing and help; `init` reads the
/// parsed arguments (throwing a usage error for bad combinations) and `run` does the work.
protocol Command: Sendable {
    static var configuration: CommandConfiguration { get }
    init(arguments: ParsedArguments) throws(UsageError)
    /// Runs the command, writing through `terminal`, and returns the exit status.
    func run(on terminal: Terminal) async -> ExitCode
}
