import Foundation

/// What the server does with one request because of injected faults.
struct FaultDecision: Sendable, Equatable {
    enum Outcome: Sendable, Equatable {
        /// Let the simulator answer.
        case proceed
        /// Answer this status in the platform's shape, with Retry-After when given.
        case status(Int, retryAfter: Int?)
        case drop
        case hang
    }

    var latency: TimeInterval = 0
    var outcome: Outcome = .proceed
    /// The fault's name for the request log.
    var name: String?

    static let none = FaultDecision()
}
