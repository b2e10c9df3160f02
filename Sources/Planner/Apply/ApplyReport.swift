import Foundation

/// What an apply did, action by action: the report printed for people and, with `--report FILE` or
/// `--json`, written as a versioned JSON document with stable field names:
/// ```
/// {
///   "format_version": 1,
///   "result": "succeeded" | "partly-applied" | "nothing-applied" | "interrupted",
///   "started_at": "2026-11-25T10:00:00Z", "finished_at": "…", "duration_seconds": 1.234,
///   "summary": { "succeeded": 18, "failed": 1, "skipped": 2, "not_run": 0, "blocked": 1, "calls": 23 },
///   "actions": [{                                  // in plan order
///     "id": "create nextroll-us/campaign/Spring Sale", "kind": "create",
///     "address": "nextroll-us/campaign/Spring Sale", "provider": "nextroll-us",
///     "status": "succeeded" | "failed" | "skipped" | "not-run",
///     "created_id": "CAMPEID",                     // creates
///     "adopted": true,                             // a lost create answer, found by identity
///     "error": { "code", "message", "http_status", "call", "outcome_unknown" },   // failed
///     "skipped_because": "update criteo-eu/campaign/Retention EU",              // skipped
///     "calls": [{ "method": "POST", "path": "/api/v1/campaign/create", "status": 200,  // attempts included
///                 "warning": "…",             // the platform's note on a call that succeeded
///                 "shared_request": "…" }]    // the same on every action one request served (Criteo bulk PATCH)
///   }],
///   "blocked": [{ "kind", "address", "provider", "reason" }]   // never attempted
/// }
/// ```
/// No credential ever appears: calls carry paths without query strings, and errors are redacted.
public struct ApplyReport: Sendable, Hashable {
    public static let formatVersion = 1

    /// How the apply ended as a whole; it decides the exit status.
    public enum Result: String, Sendable, Hashable, Codable {
        /// Every action succeeded (or there was nothing to do).
        case succeeded
        /// Some actions succeeded and some failed, were skipped or did not run.
        case partlyApplied = "partly-applied"
        /// Actions failed and none succeeded: nothing was changed.
        case nothingApplied = "nothing-applied"
        /// SIGINT or SIGTERM stopped it.
        case interrupted
    }

    public var outcomes: [ActionOutcome]
    public var blocked: [BlockedChange]
    public var interrupted: Bool
    public var startedAt: Date
    public var finishedAt: Date

    public init(plan: Plan, outcomes: [ActionOutcome], interrupted: Bool, startedAt: Date, finishedAt: Date) {
        self.outcomes = outcomes
        self.blocked = plan.blocked
        self.interrupted = interrupted
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    public func count(_ status: ActionStatus) -> Int { outcomes.lazy.filter { $0.status == status }.count }

    /// Every request the apply made, attempts included, under the first action that lists it: a
    /// request several actions shared (`CallRecord.sharedRequest`) appears once.
    public var requests: [(provider: String, call: CallRecord)] {
        var shared = Set<String>()
        var requests: [(provider: String, call: CallRecord)] = []
        for outcome in outcomes {
            for call in outcome.calls where call.sharedRequest.map({ shared.insert($0).inserted }) ?? true {
                requests.append((outcome.provider, call))
            }
        }
        return requests
    }

    /// Requests made, attempts included; a request several actions shared counts once.
    public var callCount: Int { requests.count }

    public var result: Result {
        if interrupted { return .interrupted }
        let succeeded = count(.succeeded)
        if succeeded == outcomes.count { return .succeeded }
        return succeeded == 0 ? .nothingApplied : .partlyApplied
    }

    /// "Apply: 18 succeeded, 1 failed, 2 skipped." (kinds with none left out).
    public var summaryLine: String {
        guard !outcomes.isEmpty else { return "Apply: nothing to do." }
        let parts = ActionStatus.allCases.compactMap { status -> String? in
            let number = count(status)
            return number > 0 ? "\(number) \(status == .notRun ? "not run" : status.rawValue)" : nil
        }
        return "Apply: " + parts.joined(separator: ", ") + (interrupted ? " (interrupted)." : ".")
    }

    /// The report as its JSON document.
    public func json() -> JSONValue {
        let formatter = ISO8601DateFormatter()
        let seconds = Decimal(Int((finishedAt.timeIntervalSince(startedAt) * 1000).rounded())) / 1000
        return .object([
            ("format_version", .integer(Int64(Self.formatVersion))),
            ("result", .string(result.rawValue)),
            ("started_at", .string(formatter.string(from: startedAt))),
            ("finished_at", .string(formatter.string(from: finishedAt))),
            ("duration_seconds", .decimal(seconds)),
            ("summary", .object([
                ("succeeded", .integer(Int64(count(.succeeded)))), ("failed", .integer(Int64(count(.failed)))),
                ("skipped", .integer(Int64(count(.skipped)))), ("not_run", .integer(Int64(count(.notRun)))),
                ("blocked", .integer(Int64(blocked.count))), ("calls", .integer(Int64(callCount))),
            ])),
            ("actions", .array(outcomes.map(Self.json))),
            ("blocked", .array(blocked.map { change in
                .object([("kind", .string(change.kind.rawValue)), ("address", .string(change.address.description)),
                         ("provider", .string(change.provider)), ("reason", .string(change.reason))])
            })),
        ])
    }

    private static func json(_ outcome: ActionOutcome) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(outcome.action.description)), ("kind", .string(outcome.action.kind.rawValue)),
            ("address", .string(outcome.action.address.description)), ("provider", .string(outcome.provider)),
            ("status", .string(outcome.status.rawValue)),
        ]
        if let id = outcome.createdID { members.append(("created_id", .string(id))) }
        if outcome.adopted { members.append(("adopted", .bool(true))) }
        if let failure = outcome.failure {
            var error: [(String, JSONValue)] = []
            if let code = failure.code { error.append(("code", .string(code))) }
            error.append(("message", .string(failure.message)))
            if let status = failure.httpStatus { error.append(("http_status", .integer(Int64(status)))) }
            if let call = failure.call { error.append(("call", .string(call))) }
            error.append(("outcome_unknown", .bool(failure.outcomeUnknown)))
            members.append(("error", .object(error)))
        }
        if let cause = outcome.skippedBecause { members.append(("skipped_because", .string(cause.description))) }
        members.append(("calls", .array(outcome.calls.map { call in
            var fields: [(String, JSONValue)] = [("method", .string(call.method)), ("path", .string(call.path))]
            fields.append(("status", call.status.map { .integer(Int64($0)) } ?? .null))
            if let error = call.error { fields.append(("error", .string(error))) }
            if let warning = call.warning { fields.append(("warning", .string(warning))) }
            if let shared = call.sharedRequest { fields.append(("shared_request", .string(shared))) }
            return .object(fields)
        })))
        return .object(members)
    }
}
