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
