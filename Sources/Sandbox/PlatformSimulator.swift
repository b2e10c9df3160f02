import Foundation

/// One simulated ad platform API, served under its own path prefix by `SandboxServer`.
///
/// A simulator is an actor that owns its platform's state; it implements the platform's documented
/// endpoints, defaults, limits and error shapes. Faults that any HTTP service can suffer (latency,
/// 429, 5xx, dropped connections) are injected by the server, not here; faults that are part of a
/// platform's own protocol (Criteo per-item validation failures, failed Jivox exports) belong to its
/// simulator.
public protocol PlatformSimulator: Actor {
    /// Which platform this is; its `pathPrefix` (`/nextroll`) is where the server mounts it.
    nonisolated var platform: SandboxPlatform { get }
    /// Answers one request (path still carrying the prefix). Never throws: every failure is an HTTP
    /// error response in the platform's shape.
    func handle(_ request: HTTPRequest) async -> HTTPResponse
    /// An error response in the platform's own error shape. The server uses it for what it answers
    /// itself on the platform's paths (injected 429/5xx, 413 for oversize bodies), so a client sees one
    /// error shape per platform whoever produced the error.
    nonisolated func errorResponse(status: Int, message: String) -> HTTPResponse
    /// The simulator's whole state in the fixture format, for persistence (`--state FILE`) and tests.
    func exportState() -> SandboxJSON
}

extension PlatformSimulator {
    /// The path prefix, e.g. `/nextroll`; requests are handed over with the prefix still on the path.
    public nonisolated var pathPrefix: String { platform.pathPrefix }
}
