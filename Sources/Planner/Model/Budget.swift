import Foundation

/// A spend limit: an amount per period, or explicitly uncapped (Criteo).
public enum Budget: Sendable, Hashable, Codable, CustomStringConvertible {
    case capped(Money, BudgetPeriod)
    case uncapped

    public var description: String {
        switch self {
        case .capped(let money, let period): return "\(money) \(period.rawValue)"
        case .uncapped: return "uncapped"
        }
    }
}
