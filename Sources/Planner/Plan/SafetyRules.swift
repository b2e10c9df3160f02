import Foundation

/// Checks a plan against the thresholds.
enum SafetyRules {
    /// The defaults documented in `ManifestSchema` (`safety:`).
    static let defaults: SafetyThresholds = {
        let schema = ManifestSchema.safety(providerBlock: true)
        func value(_ key: String) -> Decimal? {
            switch schema.property(key)?.defaultValue {
            case .integer(let number)?: return Decimal(number)
            case .decimal(let number)?: return number
            default: return nil
            }
        }
        return SafetyThresholds(maxChangePercent: value("max_change_percent"), maxSpendIncreasePercent: value("max_spend_increase_percent"),
                                maxSpendIncrease: value("max_spend_increase"))
    }()

    static func thresholds(for provider: ProviderConfig, manifest: Manifest) -> ProviderThresholds {
        let merged = (provider.safety ?? SafetyThresholds()).overriding(manifest.safety).overriding(defaults)
        return ProviderThresholds(provider: provider.alias, maxChangePercent: merged.maxChangePercent ?? 50,
                                  maxSpendIncreasePercent: merged.maxSpendIncreasePercent ?? 100, maxSpendIncrease: merged.maxSpendIncrease)
    }

    /// `changed` of `liveCount` live campaigns paused or edited; `spend` the provider's ceilings.
    static func check(_ thresholds: ProviderThresholds, changed: Int, liveCount: Int, spend: ProviderSpend?) -> [SafetyViolation] {
        var violations: [SafetyViolation] = []
        let provider = thresholds.provider
        if liveCount > 0, changed > 0 {
            let percent = Decimal(changed) * 100 / Decimal(liveCount)
            if percent > thresholds.maxChangePercent {
                violations.append(SafetyViolation(
                    provider: provider, rule: .changeShare, actual: percent, limit: thresholds.maxChangePercent,
                    message: "\(provider): the plan pauses or edits \(changed) of \(liveCount) live campaigns (\(percentText(percent))), "
                        + "more than max_change_percent \(percentText(thresholds.maxChangePercent))"))
            }
        }
        guard let spend else { return violations }
        let current = spend.current, planned = spend.planned
        if planned.unboundedCount > current.unboundedCount {
            let added = planned.unboundedCount - current.unboundedCount
            violations.append(SafetyViolation(
                provider: provider, rule: .unboundedSpend, actual: Decimal(added), limit: nil,
                message: "\(provider): the plan makes \(added) campaign\(added == 1 ? "" : "s") without a spend limit serve, "
                    + "so its daily spend ceiling becomes unbounded"))
        } else if planned.unboundedCount == current.unboundedCount, planned.per28Days > current.per28Days {
            let increase = (planned.per28Days - current.per28Days) / 28
            let code = spend.currency.code
            let decimals = spend.currency.minorUnitExponent
            func money(_ value: Decimal) -> String { "\(value.rounded(scale: decimals, .plain).formatted(decimals: decimals)) \(code)" }
            let movement = "raises the daily-equivalent spend ceiling from \(money(current.daily)) to \(money(planned.daily)) (+\(money(increase))"
            // A percentage of nothing means nothing: a first apply to an empty account is held only by the amount rule.
            if current.per28Days > 0, (planned.per28Days - current.per28Days) * 100 > thresholds.maxSpendIncreasePercent * current.per28Days {
                let percent = (planned.per28Days - current.per28Days) * 100 / current.per28Days
                violations.append(SafetyViolation(
                    provider: provider, rule: .spendIncreasePercent, actual: percent.rounded(scale: 2, .plain), limit: thresholds.maxSpendIncreasePercent,
                    message: "\(provider): the plan \(movement), +\(percentText(percent))), more than max_spend_increase_percent \(percentText(thresholds.maxSpendIncreasePercent))"))
            }
            if let limit = thresholds.maxSpendIncrease, increase > limit {
                violations.append(SafetyViolation(
                    provider: provider, rule: .spendIncrease, actual: increase.rounded(scale: decimals, .plain), limit: limit,
                    message: "\(provider): the plan \(movement)), more than max_spend_increase \(money(limit))"))
            }
        }
        return violations
    }

    static func percentText(_ value: Decimal) -> String {
        let rounded = value.rounded(scale: 1, .plain)
        return (rounded.isWholeNumber ? rounded.formatted(decimals: 0) : rounded.formatted(decimals: 1)) + "%"
    }
}
