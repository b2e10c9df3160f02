import Foundation

/// One request the sandbox received, as tests read it to assert exact calls and payloads.
/// Credential values (`apikey`, `client_secret`, tokens) are replaced by `REDACTED`; headers are not kept.
public struct RequestLogEntry: Sendable {
    /// Order of arrival, from 1.
    public var sequence: Int
    public var method: String
    /// The full path including the platform prefix: `/criteo/preview/marketing-solutions/campaigns`.
    public var path: String
    public var query: [(name: String, value: String)]
    public var body: Data
    /// The status sent; nil when no response was sent (a dropped connection or a response that never comes).
    public var status: Int?
    /// The injected fault that decided the outcome, if any: `429`, `503`, `drop`, `hang`, `latency`.
    public var fault: String?

    /// The platform whose prefix the path starts with.
    public var platform: SandboxPlatform? { SandboxPlatform.owning(path: path) }

    /// The path below the platform prefix: `/preview/marketing-solutions/campaigns`.
    public var platformPath: String {
        guard let platform else { return path }
        let rest = String(path.dropFirst(platform.pathPrefix.count))
        return rest.isEmpty ? "/" : rest
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON (numbers exact), nil when it is not JSON.
    public var bodyJSON: SandboxJSON? { try? SandboxJSON.parse(body) }

    /// The first value of a query parameter.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
