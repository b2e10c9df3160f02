import Foundation

/// One safety rule a plan breaks, with the measured value and the limit.
public struct SafetyViolation: Sendable, Hashable, Codable {
    public enum Rule: String, Sendable, Hashable, Codable {
        /// Too large a share of live campaigns paused or edited.
        case changeShare = "max_change_percent"
        /// The spend ceiling rises by too large a percentage.
        case spendIncreasePercent = "max_spend_increase_percent"
        /// The spend ceiling rises by too large an amount.
        case spendIncrease = "max_spend_increase"
        /// Campaigns without a spend limit would serve: the ceiling becomes (more) unbounded.
        case unboundedSpend = "unbounded_spend"
    }

    public var provider: String
    public var rule: Rule
    /// What the plan does (percent, amount, or count of uncapped campaigns added).
    public var actual: Decimal
    /// The threshold; nil for `unboundedSpend`, which no threshold allows.
    public var limit: Decimal?
    public var message: String
}
