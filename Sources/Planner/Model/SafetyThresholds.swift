import Foundation

/// Limits above which a plan is refused unless the user overrides explicitly.
/// Set at the top level of a manifest (`safety:`) and per provider block (which wins).
public struct SafetyThresholds: Sendable, Hashable, Codable {
    /// Most live campaigns of a provider, in percent, that one plan may pause or edit.
    public var maxChangePercent: Decimal?
    /// Most a provider's daily-equivalent spend ceiling may rise, in percent of the current ceiling.
    public var maxSpendIncreasePercent: Decimal?
    /// Most a provider's daily-equivalent spend ceiling may rise, in its currency (provider blocks only).
    public var maxSpendIncrease: Decimal?

    public init(maxChangePercent: Decimal? = nil, maxSpendIncreasePercent: Decimal? = nil, maxSpendIncrease: Decimal? = nil) {
        self.maxChangePercent = maxChangePercent
        self.maxSpendIncreasePercent = maxSpendIncreasePercent
        self.maxSpendIncrease = maxSpendIncrease
    }

    /// These thresholds with unset fields taken from `fallback`.
    public func overriding(_ fallback: SafetyThresholds) -> SafetyThresholds {
        SafetyThresholds(maxChangePercent: maxChangePercent ?? fallback.maxChangePercent,
                         maxSpendIncreasePercent: maxSpendIncreasePercent ?? fallback.maxSpendIncreasePercent,
                         maxSpendIncrease: maxSpendIncrease ?? fallback.maxSpendIncrease)
    }
}
