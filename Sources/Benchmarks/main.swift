import Foundation

// `reconcile-bench [NAME…]`: release-mode benchmarks that print figures (never run by `swift test`).
let arguments = Array(CommandLine.arguments.dropFirst())
let available: [String: @Sendable () async throws -> Void] = [
    "apply": { try await ApplyBenchmark().run() },
    "fetch": { try await FetchBenchmark().run() },
    "manifest": { try ManifestBenchmark().run() },
    "plan": { try PlanBenchmark().run() },
    "sandbox": { try await SandboxBenchmark().run() },
]
let names = arguments.isEmpty ? available.keys.sorted() : arguments
for name in names {
    guard let benchmark = available[name] else {
        FileHandle.standardError.write(Data("unknown benchmark `\(name)`; available: \(available.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(1)
    }
    do {
        try await benchmark()
    } catch {
        FileHandle.standardError.write(Data("benchmark \(name) failed: \(error)\n".utf8))
        exit(1)
    }
}
