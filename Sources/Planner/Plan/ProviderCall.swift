/// One API call an action becomes, as data taken from the provider docs: the HTTP method, the
/// documented endpoint path, what it is for, and the parameters to send in the API's own names.
///
/// A `{name}` in `path` is filled from the parameter of that name; the other parameters form the
/// request (query or form fields for NextRoll, the JSON body's attributes for Criteo, Topsort and
/// Jivox; dotted names such as `spendLimit.spendLimitAmount` are nested members). Provider clients
/// serialize them (EID lists comma-separated, geo targets as a JSON string, Topsort amounts in minor
/// units as the parameter says) and may merge calls the API can take together (Criteo's bulk PATCH).
public struct ProviderCall: Sendable, Hashable, Codable {
    public var method: String
    public var path: String
    public var purpose: String
    public var parameters: [CallParameter]

    public init(_ method: String, _ path: String, purpose: String, parameters: [CallParameter] = []) {
        self.method = method
        self.path = path
        self.purpose = purpose
        self.parameters = parameters
    }

    /// The value of a parameter, if the call has it.
    public func parameter(_ name: String) -> FieldValue? {
        parameters.first { $0.name == name }?.value
    }
}
