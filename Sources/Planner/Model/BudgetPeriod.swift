/// How often a budget renews.
public enum BudgetPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    case daily, weekly, monthly, lifetime
}
