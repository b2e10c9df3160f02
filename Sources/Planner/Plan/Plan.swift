import Foundation

/// An ordered, spend-safe plan: what `reconcile plan` prints and saves, and what `apply` executes.
///
/// The JSON document (`--format json`, and the file `--out` writes) is versioned and its field names
/// are stable:
/// ```
/// {
///   "format_version": 1,
///   "planned_on": "2026-03-01",              // the day dates were compared against
///   "summary": { "create": 2, "update": 1, …, "blocked": 1 },
///   "spend": [{ "provider", "provider_type", "currency", "current_daily", "planned_daily", "change_daily",
///               "current_unbounded", "planned_unbounded" }],
///   "safety": { "thresholds": [{ "provider", "max_change_percent", "max_spend_increase_percent", "max_spend_increase" }],
///               "violations": [{ "provider", "rule", "actual", "limit", "message" }], "overridden": false },
///   "scope": { "providers": [], "targets": [] },   // empty: everything
///   "manifest_files": ["examples/providers.yaml", …],
///   "providers": [{ "alias", "type", "account", "currency", "prune", "endpoint", "credentials": {"api_key": "env:…"}, "limits" }],
///   "actions": [{                             // in execution order
///     "id": "create nextroll-us/campaign/Spring Sale", "kind": "create", "address": "nextroll-us/campaign/Spring Sale",
///     "provider": "nextroll-us", "provider_type": "nextroll", "resource": "campaign",
///     "target": { "id": "…" } | { "created_by": "create …" },   // absent for a create
///     "parent": { … },                        // an ad group's campaign, an export's retail campaign
///     "phase": "lower" | "neutral" | "build" | "raise" | "serve",
///     "spend_change": { "daily": "-14.285714", "unbounded": 0 },  // absent when zero
///     "reason": "…", "location": { "file", "line", "column" },
///     "changes": [{ "field": "budget", "before": <value>, "after": <value> }],
///     "calls": [{ "method": "POST", "path": "/api/v1/campaign/create", "purpose": "…",
///                 "parameters": [{ "name": "budget", "value": <value> }] }],
///     "depends_on": ["create nextroll-us/campaign/Spring Sale"] }],
///   "blocked": [{ "kind", "address", "provider", "provider_type", "resource", "reason", "location", "changes" }],
///   "fingerprints": [{ "address", "resource", "live_id", "parent_id", "name", "external_id", "fingerprint" }]
/// }
/// ```
/// Values (`<value>`) are typed objects, see `FieldValue`; money is always a decimal string with its
/// currency. `summary` is derived and ignored when a plan is read back.
public struct Plan: Sendable, Hashable {
    public static let formatVersion = 1

    public var plannedOn: CalendarDate
    public var manifestFiles: [String]
    public var scope: PlanScope
    public var providers: [PlannedProvider]
    public var spend: [ProviderSpend]
    public var safety: SafetyReport
    /// In execution order: each action's dependencies come before it.
    public var actions: [PlanAction]
    public var blocked: [BlockedChange]
    public var fingerprints: [ResourceFingerprint]

    public init(plannedOn: CalendarDate, manifestFiles: [String] = [], scope: PlanScope = PlanScope(), providers: [PlannedProvider] = [],
                spend: [ProviderSpend] = [], safety: SafetyReport = SafetyReport(), actions: [PlanAction] = [], blocked: [BlockedChange] = [],
                fingerprints: [ResourceFingerprint] = []) {
        self.plannedOn = plannedOn
        self.manifestFiles = manifestFiles
        self.scope = scope
        self.providers = providers
        self.spend = spend
        self.safety = safety
        self.actions = actions
        self.blocked = blocked
        self.fingerprints = fingerprints
    }

    /// Whether live and desired differ at all: there are actions or blocked changes.
    public var hasChanges: Bool { !actions.isEmpty || !blocked.isEmpty }

    /// Actions per kind, in `ActionKind` order, leaving out kinds with none.
    public var counts: [(kind: ActionKind, count: Int)] {
        ActionKind.allCases.compactMap { kind in
            let count = actions.lazy.filter { $0.kind == kind }.count
            return count > 0 ? (kind, count) : nil
        }
    }

    /// "Plan: 2 to create, 1 to update, 1 to pause, 1 blocked." or "No changes. …".
    public var summaryLine: String {
        guard hasChanges else { return "No changes. The live accounts match the manifests." }
        var parts = counts.map { "\($0.count) \($0.kind.summaryNoun)" }
        if !blocked.isEmpty { parts.append("\(blocked.count) blocked") }
        return "Plan: " + parts.joined(separator: ", ") + "."
    }

    /// The action with this id.
    public func action(_ id: ActionID) -> PlanAction? { actions.first { $0.id == id } }
}

extension Plan: Codable {
    private typealias Key = LiveCoding.Key

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let version = try container.decode(Int.self, forKey: Key("format_version"))
        guard version == Plan.formatVersion else {
            throw DecodingError.dataCorrupted(.init(codingPath: [Key("format_version")],
                                                   debugDescription: "plan format_version \(version) is not supported; this reconcile reads version \(Plan.formatVersion)"))
        }
        plannedOn = try container.decode(CalendarDate.self, forKey: Key("planned_on"))
        manifestFiles = try container.decodeIfPresent([String].self, forKey: Key("manifest_files")) ?? []
        scope = try container.decodeIfPresent(PlanScope.self, forKey: Key("scope")) ?? PlanScope()
        providers = try container.decode([PlannedProvider].self, forKey: Key("providers"))
        spend = try container.decode([ProviderSpend].self, forKey: Key("spend"))
        safety = try container.decode(SafetyReport.self, forKey: Key("safety"))
        actions = try container.decode([PlanAction].self, forKey: Key("actions"))
        blocked = try container.decode([BlockedChange].self, forKey: Key("blocked"))
        fingerprints = try container.decode([ResourceFingerprint].self, forKey: Key("fingerprints"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(Plan.formatVersion, forKey: Key("format_version"))
        try container.encode(plannedOn, forKey: Key("planned_on"))
        var summary = container.nestedContainer(keyedBy: Key.self, forKey: Key("summary"))
        for (kind, count) in counts { try summary.encode(count, forKey: Key(kind.rawValue)) }
        try summary.encode(blocked.count, forKey: Key("blocked"))
        try container.encode(spend, forKey: Key("spend"))
        try container.encode(safety, forKey: Key("safety"))
        try container.encode(scope, forKey: Key("scope"))
        try container.encode(manifestFiles, forKey: Key("manifest_files"))
        try container.encode(providers, forKey: Key("providers"))
        try container.encode(actions, forKey: Key("actions"))
        try container.encode(blocked, forKey: Key("blocked"))
        try container.encode(fingerprints, forKey: Key("fingerprints"))
    }
}
