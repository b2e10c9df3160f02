/// Where an action sits in the spend-safe order (DESIGN.md "The plan"): lower spend first, build
/// new things dark, raise last. Dependencies enforce the order; the phase also groups the plan for reading.
public enum SpendPhase: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Pauses and budget decreases.
    case lower = 1
    /// Edits that do not raise spend.
    case neutral = 2
    /// Creates, made non-serving and fully configured.
    case build = 3
    /// Budget increases and creates that serve at once.
    case raise = 4
    /// Resumes and activations (and what needs an activation: exports, tag downloads).
    case serve = 5

    public static func < (lhs: SpendPhase, rhs: SpendPhase) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .lower: return "lower"
        case .neutral: return "neutral"
        case .build: return "build"
        case .raise: return "raise"
        case .serve: return "serve"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let phase = SpendPhase.allCases.first(where: { $0.description == text }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown phase \"\(text)\""))
        }
        self = phase
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
