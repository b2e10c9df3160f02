import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Sandbox

/// Throughput and latency of the sandbox over loopback through URLSession, as the provider clients
/// use it: a mix of Topsort list reads, NextRoll gets and Topsort PATCHes, with several concurrent
/// keep-alive connections. Target: thousands of requests per second on 2 cores, no failures.
struct SandboxBenchmark {
    var requests = 20_000
    var concurrency = 32

    func run() async throws {
        let sandbox = try SandboxServer(configuration: SandboxConfiguration(fixture: .generic))
        let endpoints = try await sandbox.start()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = concurrency
        let session = URLSession(configuration: configuration)
        let list = URL(string: endpoints.topsort.absoluteString + "/v1/campaign-service/campaigns?limit=2")
        let get = URL(string: endpoints.nextroll.absoluteString + "/api/v1/campaign/get?campaign=CAMGENERICACTIVE000001&apikey=k")
        let patch = URL(string: endpoints.topsort.absoluteString + "/public/v1/campaign-service/campaigns/22222222-2222-4222-8222-222222222222")
        guard let list, let get, let patch else { return }

        let cpuBefore = ProcessMeasurements.cpuSeconds()
        let clock = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
                for worker in 0..<concurrency {
                    group.addTask {
                        var times: [Double] = []
                        var index = worker
                        while index < requests {
                            var request: URLRequest
                            switch index % 3 {
                            case 0: request = URLRequest(url: list)
                            case 1: request = URLRequest(url: get)
                            default:
                                request = URLRequest(url: patch)
                                request.httpMethod = "PATCH"
                                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                                request.httpBody = Data(#"{"budget": {"amount": \#(1000 + index % 500), "type": "daily"}}"#.utf8)
                            }
                            request.setValue("Bearer token", forHTTPHeaderField: "Authorization")
                            let start = Date()
                            let (_, response) = try await session.data(for: request)
                            guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw URLError(.badServerResponse) }
                            times.append(Date().timeIntervalSince(start))
                            index += concurrency
                        }
                        return times
                    }
                }
                var all: [Double] = []
                for try await times in group { all += times }
                return all
        }
        let elapsed = ContinuousClock.now - clock
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpu = ProcessMeasurements.cpuSeconds() - cpuBefore
        await sandbox.stop()
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000 }
        print("sandbox: \(requests) requests (GET list, GET campaign, PATCH campaign), \(concurrency) concurrent keep-alive connections")
        print(String(format: "  %.0f requests/s, %.2f s wall, %.2f s CPU (client and server in one process)", Double(requests) / wall, wall, cpu))
        print(String(format: "  latency p50 %.2f ms, p99 %.2f ms, max %.2f ms", percentile(0.5), percentile(0.99), (sorted.last ?? 0) * 1000))
        print("  request log entries: \(sandbox.requestLog.entries.count)")
        print(String(format: "  peak resident memory: %.1f MiB", ProcessMeasurements.peakResidentMiB()))
    }
}
