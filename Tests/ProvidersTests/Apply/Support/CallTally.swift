import Planner
import Sandbox

/// Requests counted per platform by method, path and status (nil: no answer came): what an apply report
/// says was sent, or what the sandbox received. Two tallies are equal when the report accounts for
/// every request exactly: none missing, none counted twice.
struct CallTally: Equatable, CustomStringConvertible {
    struct Call: Hashable, Comparable, CustomStringConvertible {
        var platform: SandboxPlatform
        var method: String
        /// Below the platform's base URL, without the query string.
        var path: String
        var status: Int?

        var description: String { "\(platform) \(method) \(path) \(status.map(String.init) ?? "no answer")" }

        static func < (lhs: Call, rhs: Call) -> Bool { lhs.description < rhs.description }
    }

    /// Criteo's token requests belong to no action: the client makes them when a token is due.
    static let unattributedPaths: Set<String> = ["/oauth2/token"]

    private(set) var counts: [Call: Int] = [:]

    var total: Int { counts.values.reduce(0, +) }

    var description: String { "\(total) requests" }

    /// What `report` lists, each request once (a request several actions shared is listed under each).
    init(_ report: ApplyReport, platform: (String) -> SandboxPlatform?) {
        for request in report.requests {
            guard let platform = platform(request.provider), !Self.unattributedPaths.contains(request.call.path) else { continue }
            counts[Call(platform: platform, method: request.call.method, path: request.call.path, status: request.call.status), default: 0] += 1
        }
    }

    /// What the sandbox logged.
    init(_ entries: [RequestLogEntry]) {
        for entry in entries {
            guard let platform = entry.platform, !Self.unattributedPaths.contains(entry.platformPath) else { continue }
            counts[Call(platform: platform, method: entry.method, path: entry.platformPath, status: entry.status), default: 0] += 1
        }
    }

    /// The calls whose counts differ, `call: report N, sandbox M`, for a failure message.
    func differences(from logged: CallTally) -> [String] {
        Set(counts.keys).union(logged.counts.keys).sorted().compactMap { call in
            let mine = counts[call] ?? 0, theirs = logged.counts[call] ?? 0
            return mine == theirs ? nil : "\(call): report \(mine), sandbox \(theirs)"
        }
    }

    /// The requests of one platform.
    func total(_ platform: SandboxPlatform) -> Int {
        counts.filter { $0.key.platform == platform }.values.reduce(0, +)
    }
}
