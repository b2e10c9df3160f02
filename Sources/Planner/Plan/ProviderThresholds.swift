import Foundation

/// The thresholds that applied to one provider (provider block over top level over the defaults).
public struct ProviderThresholds: Sendable, Hashable, Codable {
    public var provider: String
    public var maxChangePercent: Decimal
    public var maxSpendIncreasePercent: Decimal
    public var maxSpendIncrease: Decimal?

    private enum CodingKeys: String, CodingKey {
        case provider, maxChangePercent = "max_change_percent", maxSpendIncreasePercent = "max_spend_increase_percent",
             maxSpendIncrease = "max_spend_increase"
    }
}
