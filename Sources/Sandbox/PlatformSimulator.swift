import Foundation

/// One simulated ad platform API, served under its own path prefix by `SandboxServer`.
///
/// A simulator is an actor that owns its platform's state; it implements the platform's documented
/// endpoints, defaults, limits and error shapes. Faults that any HTTP service can suffer (latency,
/// 429, 5xx, dropped connections) are injected by the server, not here; faults that are part of a
/// platform's own protocol (Criteo per-item validation failures) belong to its simulator.
public protocol PlatformSimulator: Actor {
    /// The path prefix, e.g. `/nextroll`; requests are handed over with the prefix still on the path.
    nonisolated var pathPrefix: String { get }
    /// Answers one request. Never throws: every failure is an HTTP error response in the platform's shape.
    func handle(_ request: HTTPRequest) async -> HTTPResponse
    /// The simulator's whole state as JSON, for persistence (`--state FILE`) and for test assertions.
    func exportState() throws -> Data
}
