/// How an action ended in an apply.
public enum ActionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Done, as planned (a create whose answer was lost but whose resource was found counts too).
    case succeeded
    /// The platform refused it or could not be reached; the report carries its error.
    case failed
    /// Not attempted because something it depends on failed; the report names the failure.
    case skipped
    /// Not attempted because the apply was interrupted first.
    case notRun = "not-run"
}
