import Foundation
import Planner
import Sandbox

/// How many times each resource's create request was sent, keyed by what identifies the resource
/// (`nr campaign NR New 3`, `nr adgroup CAMEID/Group 1`): as the apply report lists its create actions'
/// attempts, and as the sandbox received them (read from the request bodies). Equal counts mean no
/// create was ever sent more often than the client knew, so no transport resent one on its own.
struct CreateAttempts: Equatable, CustomStringConvertible {
    private(set) var counts: [String: Int] = [:]

    /// Creates per platform: method and path.
    static let createCalls: [SandboxPlatform: Set<String>] = [
        .nextroll: ["POST /api/v1/campaign/create", "POST /api/v1/adgroup/create"],
        .criteo: ["POST /preview/marketing-solutions/campaigns"],
        .topsort: ["POST /public/v1/campaign-service/campaigns"],
    ]

    /// The create attempts `report` lists; an ad group's key names its campaign's live ID, taken from
    /// the plan (a pinned campaign) or from the report (a campaign the apply created).
    init(_ report: ApplyReport, plan: Plan, platform: (String) -> SandboxPlatform?) {
        var created: [ActionID: String] = [:]
        for outcome in report.outcomes { created[outcome.action] = outcome.createdID }
        let actions = Dictionary(uniqueKeysWithValues: plan.actions.map { ($0.id, $0) })
        for outcome in report.outcomes where outcome.action.kind == .create {
            guard let action = actions[outcome.action], let platform = platform(outcome.provider),
                  let calls = Self.createCalls[platform] else { continue }
            let attempts = outcome.calls.filter { calls.contains("\($0.method) \($0.path)") }.count
            guard attempts > 0 else { continue }
            let name = action.address.components.last?.name ?? ""
            switch action.resource {
            case .adGroup:
                let campaign: String?
                switch action.parent {
                case .live(let id)?: campaign = id
                case .created(let creator)?: campaign = created[creator]
                case nil: campaign = nil
                }
                counts["\(platform) adgroup \(campaign ?? "?")/\(name)", default: 0] += attempts
            default:
                counts["\(platform) campaign \(name)", default: 0] += attempts
            }
        }
    }

    /// The create requests the sandbox logged.
    init(_ entries: [RequestLogEntry]) {
        for entry in entries {
            guard let platform = entry.platform, Self.createCalls[platform]?.contains("\(entry.method) \(entry.platformPath)") == true else { continue }
            switch (platform, entry.platformPath) {
            case (.nextroll, "/api/v1/adgroup/create"):
                let form = Self.form(entry.bodyText)
                counts["\(platform) adgroup \(form["campaign"] ?? "?")/\(form["name"] ?? "?")", default: 0] += 1
            case (.nextroll, _):
                counts["\(platform) campaign \(Self.form(entry.bodyText)["name"] ?? "?")", default: 0] += 1
            case (.criteo, _):
                counts["\(platform) campaign \(entry.bodyJSON?["data"]?["attributes"]?["name"]?.stringValue ?? "?")", default: 0] += 1
            default:
                counts["\(platform) campaign \(entry.bodyJSON?["name"]?.stringValue ?? "?")", default: 0] += 1
            }
        }
    }

    /// The resources whose counts differ, for a failure message.
    func differences(from logged: CreateAttempts) -> [String] {
        Set(counts.keys).union(logged.counts.keys).sorted().compactMap { key in
            let mine = counts[key] ?? 0, theirs = logged.counts[key] ?? 0
            return mine == theirs ? nil : "\(key): report \(mine), sandbox \(theirs)"
        }
    }

    var total: Int { counts.values.reduce(0, +) }

    var description: String { "\(total) creates" }

    /// An `application/x-www-form-urlencoded` body's fields.
    private static func form(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }
}
