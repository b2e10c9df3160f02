import Foundation

/// Limits that keep one client from exhausting the server: sizes, connection count and timeouts.
public struct HTTPLimits: Sendable, Equatable {
    /// The request line plus headers; beyond it the answer is 431 (or 414 for a long request line).
    public var maximumHeaderBytes: Int
    public var maximumHeaderCount: Int
    /// A request body beyond it is refused with 413 and the connection closed.
    public var maximumBodyBytes: Int
    /// Connections beyond it are answered 503 and closed at once.
    public var maximumConnections: Int
    /// Time allowed for a request to arrive completely once its first byte came; then 408.
    public var requestTimeout: TimeInterval
    /// An idle keep-alive connection is closed after this long.
    public var idleTimeout: TimeInterval

    public init(maximumHeaderBytes: Int = 16 * 1024, maximumHeaderCount: Int = 100, maximumBodyBytes: Int = 1 << 20,
                maximumConnections: Int = 512, requestTimeout: TimeInterval = 10, idleTimeout: TimeInterval = 30) {
        self.maximumHeaderBytes = maximumHeaderBytes
        self.maximumHeaderCount = maximumHeaderCount
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumConnections = maximumConnections
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
    }
}
