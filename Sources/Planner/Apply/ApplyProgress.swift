/// Where an apply stands for one provider, sent after every finished batch (for progress on stderr).
public struct ApplyProgress: Sendable, Hashable {
    public var provider: String
    public var succeeded: Int
    public var failed: Int
    /// Skipped and not run.
    public var skipped: Int
    /// Not finished yet (running or waiting).
    public var remaining: Int

    public init(provider: String, succeeded: Int, failed: Int, skipped: Int, remaining: Int) {
        self.provider = provider
        self.succeeded = succeeded
        self.failed = failed
        self.skipped = skipped
        self.remaining = remaining
    }
}
