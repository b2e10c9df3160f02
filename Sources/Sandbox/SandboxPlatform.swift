/// The four simulated platforms; each is served under its own path prefix on the one sandbox port.
public enum SandboxPlatform: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case nextroll, criteo, topsort, jivox

    /// `/nextroll`: below it the paths are exactly the platform's documented API paths.
    public var pathPrefix: String { "/" + rawValue }

    public var displayName: String {
        switch self {
        case .nextroll: return "NextRoll"
        case .criteo: return "Criteo"
        case .topsort: return "Topsort"
        case .jivox: return "Jivox"
        }
    }

    public var description: String { rawValue }

    /// The platform whose prefix starts `path` (`/criteo/...` or exactly `/criteo`).
    static func owning(path: String) -> SandboxPlatform? {
        allCases.first { path == $0.pathPrefix || path.hasPrefix($0.pathPrefix + "/") }
    }
}
