import Foundation

/// How desired and live values are brought to one form before they are compared, so that only real
/// differences become changes: money at the currency's precision (no float noise), NextRoll's weekly
/// budget against a daily one, sets as sets, dates at day granularity, enum spellings.
public enum ValueNormalization {
    /// A budget as the platform stores it.
    public enum StoredBudget: Sendable, Hashable {
        case uncapped
        /// The amount rounded to the currency's minor unit; `shownDaily` is NextRoll's `ui_budget_daily` (nil elsewhere).
        case capped(amount: Decimal, currency: Currency, period: BudgetPeriod, shownDaily: Bool?)
    }

    /// An amount at the currency's precision: what can actually be charged.
    public static func chargeable(_ money: Money) -> Decimal {
        money.amount.rounded(scale: money.currency.minorUnitExponent, .plain)
    }

    /// Whether two amounts charge the same (equal at the currency's minor unit).
    public static func sameCharge(_ lhs: Money?, _ rhs: Money?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return true
        case (let left?, let right?): return left.currency == right.currency && chargeable(left) == chargeable(right)
        default: return false
        }
    }

    /// The manifest's budget in the provider's stored form. NextRoll stores a WEEKLY amount: a daily
    /// budget is sent as daily × 7 with `ui_budget_daily`, a weekly one as is without it.
    public static func stored(_ budget: Budget, for kind: ProviderKind) -> StoredBudget {
        switch budget {
        case .uncapped: return .uncapped
        case .capped(let money, let period):
            if kind == .nextroll {
                let weekly = period == .daily ? Money(money.amount * 7, money.currency) : money
                return .capped(amount: chargeable(weekly), currency: money.currency, period: .weekly, shownDaily: period == .daily)
            }
            return .capped(amount: chargeable(money), currency: money.currency, period: period, shownDaily: nil)
        }
    }

    /// The live budget in stored form, or nil when the platform reported none.
    public static func stored(_ live: LiveCampaign, for kind: ProviderKind) -> StoredBudget? {
        guard let budget = live.budget else { return nil }
        switch budget {
        case .uncapped: return .uncapped
        case .capped(let money, let period):
            if kind == .nextroll, period == .daily {
                // A client that already converted to daily: back to the weekly amount NextRoll keeps.
                return .capped(amount: chargeable(Money(money.amount * 7, money.currency)), currency: money.currency, period: .weekly,
                               shownDaily: live.budgetShownDaily ?? true)
            }
            return .capped(amount: chargeable(money), currency: money.currency, period: period,
                           shownDaily: kind == .nextroll ? live.budgetShownDaily : nil)
        }
    }

    /// Whether the live budget already is the desired one. NextRoll's daily/weekly display flag counts
    /// only when the platform reported it.
    public static func budgetMatches(_ desired: Budget, _ live: LiveCampaign, for kind: ProviderKind) -> Bool {
        guard let current = stored(live, for: kind) else { return false }
        let wanted = stored(desired, for: kind)
        switch (wanted, current) {
        case (.uncapped, .uncapped): return true
        case (.capped(let amount, let currency, let period, let shownDaily), .capped(let liveAmount, let liveCurrency, let livePeriod, let liveShownDaily)):
            guard amount == liveAmount, currency == liveCurrency, period == livePeriod else { return false }
            guard let shownDaily, let liveShownDaily else { return true }
            return shownDaily == liveShownDaily
        default: return false
        }
    }

    /// The live budget as a manifest would write it (NextRoll's weekly amount shown daily becomes the
    /// daily amount when it divides evenly), for showing the "before" side of a change.
    public static func manifestForm(_ live: LiveCampaign, for kind: ProviderKind) -> Budget? {
        guard let budget = live.budget else { return nil }
        if kind == .nextroll, case .capped(let money, .weekly) = budget, live.budgetShownDaily == true {
            let daily = Money(money.amount / 7, money.currency)
            if daily.isRepresentable { return .capped(daily, .daily) }
        }
        return budget
    }

    /// Whether two start dates are the same for the platform. Where it moves past start dates to today
    /// (Topsort), any two dates that are both today or earlier are the same: the campaign has started.
    public static func sameStart(_ desired: CalendarDate, _ live: CalendarDate?, today: CalendarDate, clampsPastDates: Bool) -> Bool {
        guard let live else { return false }
        if desired == live { return true }
        return clampsPastDates && desired <= today && live <= today
    }

    /// Tracker names compare without regard to case (`MOAT`, `moat`).
    public static func trackers(_ names: Set<String>) -> Set<String> {
        Set(names.map { $0.uppercased() })
    }

    /// Geo targets compare by their geo EID, NextRoll's "true identifier" of a location.
    public static func geoIdentities(_ targets: Set<GeoTarget>) -> Set<String> {
        Set(targets.map(\.eid))
    }

    /// Whether two sets of geo targets name the same locations (equal sets need no EID sets built).
    public static func sameGeo(_ lhs: Set<GeoTarget>, _ rhs: Set<GeoTarget>) -> Bool {
        sameMembers(lhs, rhs) || geoIdentities(lhs) == geoIdentities(rhs)
    }

    /// Whether two sets have the same members: `==`, with small sets compared member by member
    /// without hashing. Targeting sets hold a few members and a large plan compares hundreds of
    /// thousands of them, where hashing every member dominated.
    public static func sameMembers<Element: Hashable>(_ lhs: Set<Element>, _ rhs: Set<Element>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard lhs.count <= 4 else { return lhs == rhs }
        // Members are distinct, so with as many on each side, finding each left one on the right means equal.
        for member in lhs where !rhs.contains(where: { $0 == member }) { return false }
        return true
    }
}
