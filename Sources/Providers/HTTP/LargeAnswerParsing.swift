import Dispatch

/// Where a large answer is read: on a Dispatch queue instead of Swift's cooperative pool.
///
/// The pool has one thread per core. Reading a list of tens of thousands of objects (NextRoll's ad
/// groups of a large advertisable are megabytes of JSON) takes a few hundred milliseconds of CPU; on
/// the pool that holds up every other provider's answers waiting for a thread, so a fetch of several
/// providers takes as long as its parsing plus everyone's round trips. On a Dispatch thread the
/// kernel shares the cores between the parse and the others' short continuations instead.
enum LargeAnswerParsing {
    /// Answers smaller than this are read where they arrive: moving them costs more than it saves.
    static let threshold = 256 * 1024

    /// Runs `work` off the pool when `size` bytes are at least `threshold`, else right here.
    static func run<T: Sendable, E: Error>(size: Int, _ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        guard size >= threshold else { return try work() }
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(E) -> T in try work() })
            }
        }
        return try result.get()
    }
}
