import Foundation

/// An exact amount of money in one currency. Never a `Double`.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    public var amount: Decimal
    public var currency: Currency

    public init(_ amount: Decimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// The amount in minor units (cents for USD), or nil when it has more decimals than the currency allows.
    public var minorUnits: Int64? {
        guard isRepresentable else { return nil }
        var scaled = amount
        for _ in 0..<currency.minorUnitExponent { scaled *= 10 }
        let value = NSDecimalNumber(decimal: scaled).int64Value
        return Decimal(value) == scaled ? value : nil
    }

    /// Money from minor units (Topsort's budget amounts).
    public init(minorUnits: Int64, _ currency: Currency) {
        var amount = Decimal(minorUnits)
        for _ in 0..<currency.minorUnitExponent { amount /= 10 }
        self.init(amount, currency)
    }

    /// Whether the amount fits the currency's minor unit (no fraction of a cent).
    public var isRepresentable: Bool { amount.isWholeNumber(afterScalingBy: currency.minorUnitExponent) }

    /// `123.45 USD`, always with the currency's number of decimals.
    public var description: String { "\(amount.formatted(decimals: currency.minorUnitExponent)) \(currency.code)" }
}

extension Decimal {
    /// True when the value has no fractional part.
    public var isWholeNumber: Bool { isWholeNumber(afterScalingBy: 0) }

    /// True when `self * 10^places` has no fractional part.
    public func isWholeNumber(afterScalingBy places: Int) -> Bool {
        // A finite Decimal is an integer significand times 10^exponent, so it is whole after scaling
        // when exponent + places >= 0: settled without Decimal arithmetic, which budgets and bids of
        // every campaign would otherwise pay. (Bounded far below Decimal's largest exponent, beyond
        // which the scaling below would overflow.)
        if !isNaN, exponent >= -places, exponent <= 64 - places { return true }
        var scaled = self
        for _ in 0..<places { scaled *= 10 }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return rounded == scaled
    }

    /// The value rounded half-even to `scale` decimals.
    public func rounded(scale: Int, _ mode: NSDecimalNumber.RoundingMode = .bankers) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, mode)
        return result
    }

    /// Plain decimal text (never exponent notation) with at least `decimals` places: `1234.50`.
    public func formatted(decimals: Int) -> String {
        var text = "\(self)"
        if decimals > 0 {
            if let dot = text.firstIndex(of: ".") {
                let places = text.distance(from: text.index(after: dot), to: text.endIndex)
                if places < decimals { text += String(repeating: "0", count: decimals - places) }
            } else {
                text += "." + String(repeating: "0", count: decimals)
            }
        }
        return text
    }
}
