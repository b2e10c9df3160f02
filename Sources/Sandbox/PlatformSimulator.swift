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
    /// Whether answering `request` (when it succeeds) may change the state, so a state file must be
    /// saved after it. Every method but GET by default; a platform whose reads move things along
    /// (Jivox export polls) says so.
    nonisolated func changesState(_ request: HTTPRequest) -> Bool
}

extension PlatformSimulator {
    /// The path prefix, e.g. `/nextroll`; requests are handed over with the prefix still on the path.
    public nonisolated var pathPrefix: String { platform.pathPrefix }

    public nonisolated func changesState(_ request: HTTPRequest) -> Bool { request.method != "GET" }
}

/// Where a request goes: one of the simulator's endpoints, or an answer already made (404, 405).
enum Routing<Endpoint> {
    case found(Endpoint)
    case answered(HTTPResponse)
}

extension PlatformSimulator {
    /// Resolves the request's method and platform path; an unknown path is answered 404 and a known
    /// path with another method 405 with `Allow`, both in the platform's error shape (or `error`'s).
    nonisolated func route<Endpoint>(_ request: HTTPRequest, _ router: Router<Endpoint>,
                                     error: ((Int, String) -> HTTPResponse)? = nil) -> Routing<Endpoint> {
        let path = request.path(below: pathPrefix)
        let answer = error ?? { self.errorResponse(status: $0, message: $1) }
        switch router.resolve(method: request.method, path: path) {
        case .found(let endpoint):
            return .found(endpoint)
        case .notFound:
            return .answered(answer(404, "No endpoint \(request.method) \(path)."))
        case .methodNotAllowed(let allowed):
            var response = answer(405, "\(request.method) is not allowed on \(path); use \(allowed.joined(separator: " or ")).")
            response.headers.append(("Allow", allowed.joined(separator: ", ")))
            return .answered(response)
        }
    }
}
