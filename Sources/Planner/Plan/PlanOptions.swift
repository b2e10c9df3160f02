/// What to plan, and against which day.
public struct PlanOptions: Sendable, Hashable {
    /// Dates at or before today compare as "started" where the platform moves past start dates (Topsort).
    public var today: CalendarDate
    /// Only these provider aliases; empty means every provider the manifests declare.
    public var providers: [String]
    /// Only these addresses and what they contain (plus what they need); empty means everything.
    public var targets: [ResourceAddress]
    /// The user passed `SafetyReport.overrideFlag`: violations are reported but do not refuse the plan.
    public var allowUnsafe: Bool

    public init(today: CalendarDate, providers: [String] = [], targets: [ResourceAddress] = [], allowUnsafe: Bool = false) {
        self.today = today
        self.providers = providers
        self.targets = targets
        self.allowUnsafe = allowUnsafe
    }
}
