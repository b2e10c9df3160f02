/// The plan could not be made: every problem found (ambiguous identities, a live state that does not
/// belong to the manifests, unknown `--provider` or `--target`), each with where and what to do.
public struct PlanningError: Error, Sendable, CustomStringConvertible {
    public var problems: [PlanningProblem]

    public init(problems: [PlanningProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
