/// Where a credential comes from. Manifests only ever name an environment variable (`env:NAME`),
/// so secrets never sit in git; the value is read at run time by the provider clients.
public struct CredentialReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var environmentVariable: String

    public init(environmentVariable: String) {
        self.environmentVariable = environmentVariable
    }

    /// Parses `env:NAME`; nil for anything else (a literal secret).
    public init?(reference text: String) {
        guard text.hasPrefix("env:") else { return nil }
        let name = String(text.dropFirst(4))
        guard CredentialReference.isValidVariableName(name) else { return nil }
        self.environmentVariable = name
    }

    public var description: String { "env:\(environmentVariable)" }

    /// `[A-Za-z_][A-Za-z0-9_]*`, the portable environment variable name.
    public static func isValidVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
              first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}
