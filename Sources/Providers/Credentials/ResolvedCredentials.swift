import Foundation
import Planner

/// The credential values of one provider block, read from the environment at run time.
/// They are never printed: every client error passes through `redactor`.
public struct ResolvedCredentials: Sendable {
    public let providerAlias: String
    private let values: [String: String]
    /// Masks every value of these credentials.
    public let redactor: SecretRedactor

    public init(providerAlias: String, values: [String: String]) {
        self.providerAlias = providerAlias
        self.values = values
        self.redactor = SecretRedactor(secrets: Array(values.values))
    }

    /// The credential's value, such as `api_key`.
    public func value(_ name: String) -> String? { values[name] }

    /// The values `provider` needs, from `environment`. Every missing or empty variable is named in
    /// one error (never a value), with what to do about it.
    public static func resolve(for provider: ProviderConfig,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws(APIError) -> ResolvedCredentials {
        var values: [String: String] = [:]
        var missing: [String] = []
        for name in provider.kind.requiredCredentials {
            guard let reference = provider.credentials[name] else { continue }
            let variable = reference.environmentVariable
            if let value = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
                values[name] = value
            } else {
                missing.append("\(variable) (\(name))")
            }
        }
        guard missing.isEmpty else {
            throw .credentials(message: "provider `\(provider.alias)` (\(provider.kind.displayName)) needs "
                + missing.joined(separator: ", ") + " in the environment; set "
                + (missing.count == 1 ? "it" : "them") + ", or run against the simulators with --sandbox")
        }
        return ResolvedCredentials(providerAlias: provider.alias, values: values)
    }
}

extension ProviderKind {
    /// The credentials each platform needs for every call.
    public var requiredCredentials: [String] {
        switch self {
        case .nextroll: return ["api_key", "token"]     // apikey query parameter + PAT bearer token
        case .criteo: return ["client_id", "client_secret"]   // OAuth client credentials
        case .topsort: return ["api_key"]               // Authorization: Bearer <API key>
        case .jivox: return ["api_key"]
        }
    }
}
