import Foundation

/// Keeps one provider's calls within its limits: at most `concurrency` in flight, and at most
/// `requestsPerMinute` started in any minute (a token bucket refilled continuously).
public actor RequestThrottle {
    public let concurrency: Int
    public let requestsPerMinute: Int?
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var tokens: Double
    private var lastRefill: ContinuousClock.Instant
    private let sleeper: any RetrySleeper

    public init(concurrency: Int, requestsPerMinute: Int?, sleeper: any RetrySleeper = TaskSleeper()) {
        self.concurrency = max(1, concurrency)
        self.requestsPerMinute = requestsPerMinute.map { max(1, $0) }
        // A full bucket holds one second's worth (at least one call), so bursts stay short.
        self.tokens = requestsPerMinute.map { max(1, Double($0) / 60) } ?? 0
        self.lastRefill = .now
        self.sleeper = sleeper
    }

    /// Waits for a free slot and a rate token; pair every call with `release()`.
    public func acquire() async throws {
        if inFlight >= concurrency {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            inFlight += 1
        }
        // The slot is ours from here (handed over by `release` or taken above).
        do {
            try await takeRateToken()
        } catch {
            release()
            throw error
        }
    }

    public func release() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            // Hand the slot straight to the next waiter; `inFlight` stays the same.
            waiters.removeFirst().resume()
        }
    }

    private func takeRateToken() async throws {
        guard let requestsPerMinute else { return }
        let perSecond = Double(requestsPerMinute) / 60
        let capacity = max(1, perSecond)
        while true {
            let now = ContinuousClock.now
            let elapsed = now - lastRefill
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            tokens = min(capacity, tokens + seconds * perSecond)
            lastRefill = now
            if tokens >= 1 {
                tokens -= 1
                return
            }
            try await sleeper.sleep(seconds: (1 - tokens) / perSecond)
        }
    }
}
