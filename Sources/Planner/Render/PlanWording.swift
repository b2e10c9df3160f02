/// The words the renderers share, so the three renderings say the same thing.
enum PlanWording {
    static let spendTitle = "Spend ceiling (daily equivalent)"
    static let spendExplanation = "The most the serving campaigns can spend per day: daily budgets as they are, weekly ÷ 7, "
        + "monthly ÷ 28, lifetime = what remains of it, uncapped = unbounded. Paused campaigns count for nothing."
    static let blockedTitle = "Blocked: the API cannot make these changes; they will not be attempted"
    static let orderTitle = "Actions, in the order they run"
    static let unsafeTitle = "Unsafe plan"

    static func unsafeLead(_ report: SafetyReport) -> String {
        report.overridden ? "These safety rules are broken; \(SafetyReport.overrideFlag) was given, so the plan is not refused:"
            : "These safety rules are broken, so the plan is refused unless \(SafetyReport.overrideFlag) is given:"
    }
}
