import Foundation

/// Where a running sandbox serves each platform: `http://127.0.0.1:PORT/criteo` and so on. A client
/// whose base URL is one of these sends the same paths it would send to the real platform's host.
public struct SandboxEndpoints: Sendable, Equatable {
    public var port: UInt16
    public var nextroll: URL
    public var criteo: URL
    public var topsort: URL
    public var jivox: URL

    init(port: UInt16) {
        self.port = port
        func url(_ platform: SandboxPlatform) -> URL {
            // The string is always a valid URL; the fallback only satisfies the optional.
            URL(string: "http://127.0.0.1:\(port)\(platform.pathPrefix)") ?? URL(fileURLWithPath: "/")
        }
        nextroll = url(.nextroll)
        criteo = url(.criteo)
        topsort = url(.topsort)
        jivox = url(.jivox)
    }

    /// The base URL of one platform.
    public subscript(platform: SandboxPlatform) -> URL {
        switch platform {
        case .nextroll: return nextroll
        case .criteo: return criteo
        case .topsort: return topsort
        case .jivox: return jivox
        }
    }

    /// `http://127.0.0.1:PORT`, without a platform prefix.
    public var root: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }
}
