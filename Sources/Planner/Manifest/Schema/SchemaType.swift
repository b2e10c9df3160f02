import Foundation

/// The type of one value in the manifest format. The format is described once, as data
/// (`ManifestSchema`), and that description drives the structural checks, the typed reads and
/// the JSON Schema `reconcile schema` prints, so the three can never disagree.
public indirect enum SchemaType: Sendable {
    /// Text taken exactly as written; `2026.10` stays "2026.10".
    case string(minLength: Int = 0, secret: Bool = false)
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    /// A decimal number read from its text straight into `Decimal`.
    case decimal(minimum: Decimal? = nil, maximum: Decimal? = nil)
    case boolean
    /// `YYYY-MM-DD`.
    case date
    /// One of these words, exactly.
    case enumeration([String])
    /// One of these whole numbers.
    case integerChoice([Int])
    case sequence(of: SchemaType, minItems: Int = 0)
    case object(ObjectSchema)
    /// A mapping from names the user chooses to values of one type (the `providers:` block).
    case map(of: SchemaType, keyDescription: String)

    /// Whether values of this type are written as bare YAML numbers or booleans (never quoted).
    var isNumberOrBoolean: Bool {
        switch self {
        case .integer, .decimal, .boolean, .integerChoice: return true
        default: return false
        }
    }

    /// Whether the value may be a credential, so messages never repeat it.
    var isSecret: Bool {
        if case .string(_, true) = self { return true }
        return false
    }

    /// How the type reads in messages: "a decimal number such as 100.00".
    public var expectation: String {
        switch self {
        case .string: return "a string"
        case .integer: return "a whole number"
        case .decimal: return "a decimal number such as 100.00"
        case .boolean: return "true or false"
        case .date: return "a date such as 2026-03-01"
        case .enumeration(let values): return "one of " + values.joined(separator: ", ")
        case .integerChoice(let values): return "one of " + values.map(String.init).joined(separator: ", ")
        case .sequence: return "a sequence"
        case .object, .map: return "a mapping"
        }
    }
}
