import Foundation

/// One provider's daily-equivalent spend ceiling (see `SpendCeiling` for the conventions) before and
/// after the plan. Every rendering shows these first.
public struct ProviderSpend: Sendable, Hashable {
    public var provider: String
    public var providerKind: ProviderKind
    public var currency: Currency
    public var current: SpendCeiling
    public var planned: SpendCeiling

    public init(provider: String, providerKind: ProviderKind, currency: Currency, current: SpendCeiling, planned: SpendCeiling) {
        self.provider = provider
        self.providerKind = providerKind
        self.currency = currency
        self.current = current
        self.planned = planned
    }

    public var change: SpendCeiling { planned - current }

    /// `123.45`, or `123.45 + 1 uncapped`, at the currency's decimals.
    public func amount(_ ceiling: SpendCeiling) -> String { ceiling.formatted(decimals: currency.minorUnitExponent) }

    /// `+50.00`, `-12.00`, `0.00`, or `+1 uncapped` when campaigns without a cap start or stop serving.
    public var changeText: String {
        let delta = change
        if delta.unboundedCount != 0 {
            return (delta.unboundedCount > 0 ? "+" : "") + "\(delta.unboundedCount) uncapped"
        }
        let rounded = delta.daily.rounded(scale: currency.minorUnitExponent, .plain)
        let text = rounded.formatted(decimals: currency.minorUnitExponent)
        return rounded > 0 ? "+" + text : text
    }
}

extension ProviderSpend: Codable {
    private typealias Key = LiveCoding.Key

    /// `{"provider", "provider_type", "currency", "current_daily", "planned_daily", "change_daily",
    /// "current_unbounded", "planned_unbounded"}`; amounts are decimal strings at the currency's decimals.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        provider = try container.decode(String.self, forKey: Key("provider"))
        providerKind = try container.decode(ProviderKind.self, forKey: Key("provider_type"))
        let code = try container.decode(String.self, forKey: Key("currency"))
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [Key("currency")], debugDescription: "not an ISO 4217 code: \"\(code)\""))
        }
        self.currency = currency
        current = SpendCeiling(unboundedCount: try container.decode(Int.self, forKey: Key("current_unbounded")),
                               per28Days: try container.decode(Decimal.self, forKey: Key("current_daily")) * 28)
        planned = SpendCeiling(unboundedCount: try container.decode(Int.self, forKey: Key("planned_unbounded")),
                               per28Days: try container.decode(Decimal.self, forKey: Key("planned_daily")) * 28)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        let decimals = currency.minorUnitExponent
        func daily(_ ceiling: SpendCeiling) -> String { ceiling.daily.rounded(scale: decimals, .plain).formatted(decimals: decimals) }
        try container.encode(provider, forKey: Key("provider"))
        try container.encode(providerKind, forKey: Key("provider_type"))
        try container.encode(currency.code, forKey: Key("currency"))
        try container.encode(daily(current), forKey: Key("current_daily"))
        try container.encode(daily(planned), forKey: Key("planned_daily"))
        try container.encode(daily(change), forKey: Key("change_daily"))
        try container.encode(current.unboundedCount, forKey: Key("current_unbounded"))
        try container.encode(planned.unboundedCount, forKey: Key("planned_unbounded"))
    }
}
