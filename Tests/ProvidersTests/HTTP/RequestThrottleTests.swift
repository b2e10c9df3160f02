import Testing
@testable import Providers

@Suite("request throttle")
struct RequestThrottleTests {
    /// Counts holders of the throttle's slots and the most at once.
    actor Occupancy {
        private(set) var holding = 0
        private(set) var most = 0
        private(set) var finished = 0
        func enter() {
            holding += 1
            most = max(most, holding)
        }
        func leave() {
            holding -= 1
            finished += 1
        }
    }

    @Test(arguments: [1, 3])
    func noMoreCallsThanTheConcurrencyLimitHoldASlot(_ limit: Int) async throws {
        let throttle = RequestThrottle(concurrency: limit, requestsPerMinute: nil)
        let occupancy = Occupancy()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await throttle.acquire()
                    await occupancy.enter()
                    // Hold the slot while the other tasks try to get one.
                    for _ in 0..<20 { await Task.yield() }
                    await occupancy.leave()
                    await throttle.release()
                }
            }
            try await group.waitForAll()
        }
        #expect(await occupancy.finished == 12)
        #expect(await occupancy.most <= limit)
    }

    @Test func aWaiterGetsTheSlotOnlyWhenOneIsReleased() async throws {
        let throttle = RequestThrottle(concurrency: 2, requestsPerMinute: nil)
        let occupancy = Occupancy()
        try await throttle.acquire()
        try await throttle.acquire()
        let third = Task {
            try await throttle.acquire()
            await occupancy.enter()
        }
        for _ in 0..<200 { await Task.yield() }
        #expect(await occupancy.most == 0, "both slots are taken")
        await throttle.release()
        try await third.value
        #expect(await occupancy.most == 1)
        await throttle.release()
        await throttle.release()
    }
}
