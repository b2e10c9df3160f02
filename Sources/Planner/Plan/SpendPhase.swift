/// Where an action sits in the spend-safe order (DESIGN.md "The plan"): lower spend first, build
/// new things dark, raise last. Dependencies enforce the order; the phase also groups the plan for reading.
public enum SpendPhase: Sendable, Hashable, CaseIterable, Comparable, TextCodable {
    /// Pauses and budget decreases.
    case lower
    /// Edits that do not raise spend.
    case neutral
    /// Creates, made non-serving and fully configured.
    case build
    /// Budget increases and creates that serve at once.
    case raise
    /// Resumes and activations (and what needs an activation: exports, tag downloads).
    case serve

    public var description: String {
        switch self {
        case .lower: return "lower"
        case .neutral: return "neutral"
        case .build: return "build"
        case .raise: return "raise"
        case .serve: return "serve"
        }
    }

    public init?(parsing text: String) {
        guard let phase = SpendPhase.allCases.first(where: { $0.description == text }) else { return nil }
        self = phase
    }

    public static let textFormDescription = "a phase (lower, neutral, build, raise or serve)"
}
