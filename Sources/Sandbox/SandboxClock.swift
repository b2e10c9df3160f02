import Foundation

/// Where the simulators get the current time: token expiry, creation dates, Topsort's "a start date in
/// the past becomes now", NextRoll's "starts tomorrow" default. Tests fix it for exact assertions.
public struct SandboxClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The system clock.
    public static let system = SandboxClock { Date() }

    /// A clock that always reads `date`.
    public static func fixed(_ date: Date) -> SandboxClock {
        SandboxClock { date }
    }
}
