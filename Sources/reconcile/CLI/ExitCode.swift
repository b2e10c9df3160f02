/// The process exit status. The values are documented in the README and stable: pipelines branch on them.
public enum ExitCode: Int32, Sendable {
    /// Everything asked for was done (or, for `plan --detailed-exitcode`, there are no changes).
    case success = 0
    /// Nothing was changed: invalid manifests, a usage error, a refused (unsafe or stale) plan, a fetch failure.
    case failure = 1
    /// `plan --detailed-exitcode`: the plan has changes.
    case changesPresent = 2
    /// `apply`: some changes were applied and some failed or were skipped.
    case partiallyApplied = 3
    /// Interrupted by SIGINT or SIGTERM after the report was written (128 + SIGINT, as shells report it).
    case interrupted = 130
}
