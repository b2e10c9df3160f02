/// Renders a plan as its versioned JSON document (see `Plan`): the same text `--out FILE` saves.
public struct JSONPlanRenderer: Sendable {
    public init() {}

    public func render(_ plan: Plan) throws -> String {
        try plan.jsonText()
    }
}
