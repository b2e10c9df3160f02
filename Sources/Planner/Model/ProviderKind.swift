/// The ad platforms `reconcile` manages.
public enum ProviderKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case nextroll, criteo, topsort, jivox

    /// The platform's name as people write it.
    public var displayName: String {
        switch self {
        case .nextroll: return "NextRoll"
        case .criteo: return "Criteo"
        case .topsort: return "Topsort"
        case .jivox: return "Jivox"
        }
    }

    /// The provider-block key that names the account resources live in.
    public var accountKey: String {
        switch self {
        case .nextroll: return "advertisable"
        case .criteo: return "advertiser"
        case .topsort: return "vendor"
        case .jivox: return "account"
        }
    }

    /// The credential names a provider block may set, with the environment variable used when it does not.
    public var credentialDefaults: [(name: String, environmentVariable: String)] {
        switch self {
        case .nextroll: return [("api_key", "NEXTROLL_API_KEY"), ("token", "NEXTROLL_TOKEN")]
        case .criteo: return [("client_id", "CRITEO_CLIENT_ID"), ("client_secret", "CRITEO_CLIENT_SECRET")]
        case .topsort: return [("api_key", "TOPSORT_API_KEY")]
        case .jivox: return [("api_key", "JIVOX_API_KEY")]
        }
    }

    /// Budget periods the platform can store as written; any other period is a validation error.
    public var supportedBudgetPeriods: [BudgetPeriod] {
        switch self {
        case .nextroll: return [.daily, .weekly]  // stored WEEKLY; daily = weekly / 7 with ui_budget_daily
        case .criteo: return [.daily, .monthly, .lifetime]
        case .topsort: return [.daily, .weekly, .monthly, .lifetime]  // lifetime is Topsort's "total"
        case .jivox: return []
        }
    }

    /// Budgets must stay below this many minor units: Topsort keeps them as an int64 `< 2000000000`.
    public var budgetMinorUnitsLimit: Int64? { self == .topsort ? 2_000_000_000 : nil }

    /// Whether campaigns may be `{ uncapped: true }` (Criteo's uncapped spend limit).
    public var supportsUncappedBudget: Bool { self == .criteo }

    /// Whether the platform's resources carry money (and so the provider block needs a currency).
    public var hasMoney: Bool { self != .jivox }

    public var description: String { rawValue }
}
