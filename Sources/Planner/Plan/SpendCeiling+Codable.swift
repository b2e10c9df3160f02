import Foundation

extension SpendCeiling: Codable {
    /// `{"daily": "14.285714", "unbounded": 0}`: the daily equivalent (rounded to 6 places for reading; the
    /// plan's spend summary carries the figures people check) and the count of campaigns without a cap.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LiveCoding.Key.self)
        let daily = try container.decode(Decimal.self, forKey: LiveCoding.Key("daily"))
        let unbounded = try container.decodeIfPresent(Int.self, forKey: LiveCoding.Key("unbounded")) ?? 0
        self.init(unboundedCount: unbounded, per28Days: daily * 28)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LiveCoding.Key.self)
        try container.encode(SpendCeiling.text(daily.rounded(scale: 6, .plain)), forKey: LiveCoding.Key("daily"))
        try container.encode(unboundedCount, forKey: LiveCoding.Key("unbounded"))
    }

    static func text(_ value: Decimal) -> String { value.formatted(decimals: 0) }
}
