import Foundation

/// CPU time and peak memory of this process, read from the kernel.
enum ProcessMeasurements {
    /// User + system CPU seconds used so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1_000_000
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1_000_000
        return user + system
    }

    /// Peak resident memory (VmHWM) in MiB, from /proc/self/status.
    static func peakResidentMiB() -> Double {
        statusKilobytes("VmHWM:") / 1024
    }

    /// Current resident memory (VmRSS) in MiB, from /proc/self/status.
    static func residentMiB() -> Double {
        statusKilobytes("VmRSS:") / 1024
    }

    /// Starts the peak resident figure again from the current resident memory (Linux: `5` into
    /// /proc/self/clear_refs), so the next peak belongs to what runs after setup. False when refused.
    @discardableResult
    static func resetPeakResident() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    private static func statusKilobytes(_ key: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(key) {
            return line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        }
        return 0
    }

    /// Wall-clock and CPU seconds of `body`. On a machine shared with other work, CPU time is the figure
    /// to compare: wall time includes waiting for a core.
    static func seconds<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
        let cpuBefore = cpuSeconds()
        let (value, wall) = try wallSeconds(body)
        return (value, wall, cpuSeconds() - cpuBefore)
    }

    /// Wall-clock seconds of `body`.
    static func wallSeconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let value = try body()
        return (value, seconds(since: start))
    }

    /// Wall-clock seconds of asynchronous `body`.
    static func wallSeconds<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let value = try await body()
        return (value, seconds(since: start))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
