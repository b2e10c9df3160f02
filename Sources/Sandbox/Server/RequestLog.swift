import Foundation

/// Every request the sandbox received, in order of arrival. The server's socket threads append to it
/// synchronously (hence the lock, see `LockedValue`); tests read it after their calls return, which is
/// safe because an entry is recorded before its response is written.
public final class RequestLog: Sendable {
    private let state = LockedValue<[RequestLogEntry]>([])
    private let capacity: Int
    private let observer: (@Sendable (RequestLogEntry) -> Void)?

    /// Names whose values are credentials and are never kept in the log.
    static let secretNames: Set<String> = ["apikey", "api_key", "client_secret", "access_token", "token", "password"]

    init(capacity: Int = 100_000, observer: (@Sendable (RequestLogEntry) -> Void)? = nil) {
        self.capacity = max(1, capacity)
        self.observer = observer
    }

    /// A snapshot of all entries so far.
    public var entries: [RequestLogEntry] { state.withLock { $0 } }

    /// The entries of one platform whose method and platform path match (`*` in the path matches anything).
    public func entries(_ platform: SandboxPlatform? = nil, method: String? = nil, path: String? = nil) -> [RequestLogEntry] {
        entries.filter { entry in
            (platform == nil || entry.platform == platform)
                && (method == nil || entry.method == method?.uppercased())
                && (path == nil || path.map { GlobPattern($0).matches(platform == nil ? entry.path : entry.platformPath) } == true)
        }
    }

    /// How many requests match.
    public func count(_ platform: SandboxPlatform? = nil, method: String? = nil, path: String? = nil) -> Int {
        entries(platform, method: method, path: path).count
    }

    /// Forgets all entries (sequence numbers keep counting).
    public func clear() {
        state.withLock { $0.removeAll() }
    }

    private let sequence = LockedValue(0)

    func record(_ request: HTTPRequest, status: Int?, fault: String?) {
        let number = sequence.withLock { value -> Int in
            value += 1
            return value
        }
        let entry = RequestLogEntry(sequence: number, method: request.method, path: request.path,
                                    query: request.query.map { (Self.secretNames.contains($0.name.lowercased()) ? ($0.name, "REDACTED") : $0) },
                                    body: Self.redactedBody(request), status: status, fault: fault)
        state.withLock { entries in
            entries.append(entry)
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
        observer?(entry)
    }

    /// Form bodies lose their credential values; JSON bodies are kept as they are (no platform sends secrets in JSON).
    private static func redactedBody(_ request: HTTPRequest) -> Data {
        guard request.mediaType == "application/x-www-form-urlencoded",
              let pairs = FormEncoding.pairs(String(decoding: request.body, as: UTF8.self)),
              pairs.contains(where: { secretNames.contains($0.name.lowercased()) }) else {
            return request.body
        }
        let redacted = pairs.map { secretNames.contains($0.name.lowercased()) ? ($0.name, "REDACTED") : $0 }
        return Data(FormEncoding.encode(redacted).utf8)
    }
}
