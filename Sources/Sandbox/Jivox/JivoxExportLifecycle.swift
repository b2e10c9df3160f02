/// How Jivox asset exports progress, so clients can poll without real waiting: each call to
/// `exportAssetStatus` that reports an export in flight counts as a poll, and every `pollsPerStep`
/// polls move it one step: INITIATED -> PROCESSING -> COMPLETED (or FAILED).
public struct JivoxExportLifecycle: Sendable, Equatable {
    /// Status polls per step; 1 means the first poll shows PROCESSING and the second COMPLETED.
    public var pollsPerStep: Int
    /// Exports that end FAILED instead of COMPLETED: `png@2` (format and resolution), `mp4` (any
    /// resolution of a format) or `*` (all).
    public var failingExports: Set<String>

    public init(pollsPerStep: Int = 1, failingExports: Set<String> = []) {
        self.pollsPerStep = max(1, pollsPerStep)
        self.failingExports = failingExports
    }

    func fails(format: String, resolution: Int) -> Bool {
        failingExports.contains("*") || failingExports.contains(format) || failingExports.contains("\(format)@\(resolution)")
    }
}
