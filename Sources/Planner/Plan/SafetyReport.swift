import Foundation

/// The safety rules' verdict on a plan (DESIGN.md "The plan"): thresholds in force per provider and
/// every rule the plan breaks. A plan with violations is refused by `plan` and `apply` unless the
/// user passes `SafetyReport.overrideFlag`.
public struct SafetyReport: Sendable, Hashable, Codable {
    /// The one override flag, the same on `reconcile plan` and `reconcile apply`.
    public static let overrideFlag = "--allow-unsafe"

    public var thresholds: [ProviderThresholds]
    public var violations: [SafetyViolation]
    /// Whether the plan was made with the override flag.
    public var overridden: Bool

    public init(thresholds: [ProviderThresholds] = [], violations: [SafetyViolation] = [], overridden: Bool = false) {
        self.thresholds = thresholds
        self.violations = violations
        self.overridden = overridden
    }

    public var isSafe: Bool { violations.isEmpty }

    /// Whether the plan must be refused: it breaks a rule and the override was not given.
    public var refuses: Bool { !violations.isEmpty && !overridden }

    /// What to tell the user when the plan is refused: every broken rule with its numbers, and the way out.
    public var refusal: String {
        var text = "refusing an unsafe plan:\n"
        for violation in violations { text += "  - \(violation.message)\n" }
        text += "Review the plan. If it is what you want, run again with \(SafetyReport.overrideFlag), "
            + "or raise the thresholds under `safety:` (top level or in the provider block)."
        return text
    }

    private enum CodingKeys: String, CodingKey { case thresholds, violations, overridden }
}

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
