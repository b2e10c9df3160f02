import Foundation

/// The most a set of serving campaigns can spend per day, as a daily equivalent of their budgets.
///
/// Conventions (the same in the plan, the spend summary, the safety rules and the tests):
/// - daily: the amount; weekly: amount / 7;
/// - monthly: amount / 28 (the shortest month, so the estimate never understates a month's pace);
/// - lifetime: the whole remaining amount (amount minus what was already spent, never below zero),
///   because nothing stops a lifetime budget from being spent in one day;
/// - uncapped: unbounded. Unbounded campaigns are counted, not summed: a ceiling with any of them is
///   unbounded, and more of them is a higher ceiling than fewer (whatever the finite part).
/// Paused campaigns contribute nothing.
///
/// Amounts are kept exactly as the amount per 28 days, so weekly and monthly budgets add up without
/// rounding; `daily` divides only for display.
public struct SpendCeiling: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Serving campaigns with no spend limit.
    public var unboundedCount: Int
    /// The finite part, in the currency, per 28 days (28 × the daily equivalent).
    public var per28Days: Decimal

    public init(unboundedCount: Int = 0, per28Days: Decimal = 0) {
        self.unboundedCount = unboundedCount
        self.per28Days = per28Days
    }

    public static let zero = SpendCeiling()

    /// The ceiling one serving campaign with this budget adds. `spent` is what a lifetime budget already used.
    public init(budget: Budget, spent: Decimal? = nil) {
        switch budget {
        case .uncapped:
            self.init(unboundedCount: 1)
        case .capped(let money, let period):
            switch period {
            case .daily: self.init(per28Days: money.amount * 28)
            case .weekly: self.init(per28Days: money.amount * 4)
            case .monthly: self.init(per28Days: money.amount)
            case .lifetime: self.init(per28Days: max(0, money.amount - (spent ?? 0)) * 28)
            }
        }
    }

    public var isUnbounded: Bool { unboundedCount > 0 }

    /// The finite daily equivalent, exact to 38 digits (display rounds it).
    public var daily: Decimal { per28Days / 28 }

    public static func + (lhs: SpendCeiling, rhs: SpendCeiling) -> SpendCeiling {
        SpendCeiling(unboundedCount: lhs.unboundedCount + rhs.unboundedCount, per28Days: lhs.per28Days + rhs.per28Days)
    }

    public static func - (lhs: SpendCeiling, rhs: SpendCeiling) -> SpendCeiling {
        SpendCeiling(unboundedCount: lhs.unboundedCount - rhs.unboundedCount, per28Days: lhs.per28Days - rhs.per28Days)
    }

    public static func += (lhs: inout SpendCeiling, rhs: SpendCeiling) { lhs = lhs + rhs }

    /// Unbounded campaigns dominate; the finite part decides between equal counts.
    public static func < (lhs: SpendCeiling, rhs: SpendCeiling) -> Bool {
        (lhs.unboundedCount, lhs.per28Days) < (rhs.unboundedCount, rhs.per28Days)
    }

    public var isZero: Bool { unboundedCount == 0 && per28Days == 0 }
    public var isPositive: Bool { self > .zero }
    public var isNegative: Bool { self < .zero }

    /// `123.45` (rounded to `decimals`); with uncapped campaigns serving, `123.45 + 1 uncapped`.
    public func formatted(decimals: Int) -> String {
        let finite = daily.rounded(scale: decimals, .plain).formatted(decimals: decimals)
        return isUnbounded ? "\(finite) + \(unboundedCount) uncapped" : finite
    }

    public var description: String { formatted(decimals: 2) }
}
