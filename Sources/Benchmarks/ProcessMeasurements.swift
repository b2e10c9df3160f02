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
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
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
        let elapsed = ContinuousClock.now - start
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
