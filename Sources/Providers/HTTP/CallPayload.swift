import Foundation
import Planner

/// A plan call's parameters laid out as an HTTP request: `{name}` placeholders in the documented path
/// filled from the parameters of that name, and the other parameters as the members of a JSON object,
/// dotted names nested (`budget.amount` becomes `{"budget": {"amount": …}}`), in the order given.
struct CallPayload {
    /// The path with its placeholders filled.
    var path: String
    /// The body members, nested.
    var body: JSONValue

    /// Lays out `call`. `encode` turns each value into JSON (returning nil for the values it leaves to
    /// the common rules: text, flags, numbers, money amounts, enum values, lists and live IDs).
    /// Throws when a value cannot be sent: a reference to a create whose ID is not known yet, or a value
    /// with no JSON form on this platform.
    init(_ call: ProviderCall, encode: (CallParameter) -> JSONValue? = { _ in nil }) throws(ActionFailure) {
        var path = call.path
        var body = JSONValue.object([])
        for parameter in call.parameters {
            let placeholder = "{\(parameter.name)}"
            if path.contains(placeholder) {
                path = path.replacingOccurrences(of: placeholder, with: try Self.pathSegment(parameter, call: call))
                continue
            }
            if case .resource(.created(let creator)) = parameter.value {
                throw Self.unresolved(creator, parameter: parameter.name, call: call)
            }
            guard let value = encode(parameter) ?? Self.plainJSON(parameter.value) else {
                throw ActionFailure(message: "`\(parameter.name)` has no JSON form on this platform", call: "\(call.method) \(call.path)")
            }
            body.setMember(at: parameter.name.split(separator: ".").map(String.init), value)
        }
        self.path = path
        self.body = body
    }

    /// The call's HTTP method.
    static func method(of call: ProviderCall) throws(ActionFailure) -> APIRequest.Method {
        guard let method = APIRequest.Method(rawValue: call.method) else {
            throw ActionFailure(message: "\(call.method) is not an HTTP method the client sends", call: "\(call.method) \(call.path)")
        }
        return method
    }

    /// The JSON form most platforms share; nil for values whose form is platform-specific (dates, geo targets).
    static func plainJSON(_ value: FieldValue) -> JSONValue? {
        switch value {
        case .none: return JSONValue.null
        case .text(let text), .choice(let text): return .string(text)
        case .boolean(let flag): return .bool(flag)
        case .integer(let number): return .integer(Int64(number))
        case .decimal(let number): return .decimal(number)
        case .money(let money): return .decimal(money.amount)
        case .strings(let values): return .array(values.map(JSONValue.string))
        case .integers(let values): return .array(values.map { .integer(Int64($0)) })
        case .resource(.live(let id)): return .string(id)
        case .resource(.created), .budget, .date, .geoTargets: return nil
        }
    }

    private static func pathSegment(_ parameter: CallParameter, call: ProviderCall) throws(ActionFailure) -> String {
        let text: String
        switch parameter.value {
        case .resource(.live(let id)), .text(let id): text = id
        case .integer(let number): text = String(number)
        case .resource(.created(let creator)): throw unresolved(creator, parameter: parameter.name, call: call)
        default:
            throw ActionFailure(message: "`\(parameter.name)` cannot fill the path \(call.path)", call: "\(call.method) \(call.path)")
        }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private static func unresolved(_ creator: ActionID, parameter: String, call: ProviderCall) -> ActionFailure {
        ActionFailure(message: "`\(parameter)` needs the ID returned by `\(creator)`, which is not known: that action must succeed first",
                      call: "\(call.method) \(call.path)")
    }
}

extension JSONValue {
    /// Sets the member at `path` (nested objects made as needed), replacing an existing value there.
    mutating func setMember(at path: [String], _ value: JSONValue) {
        guard let key = path.first else {
            self = value
            return
        }
        guard case .object(var members) = self else {
            self = .object([])
            setMember(at: path, value)
            return
        }
        if let index = members.firstIndex(where: { $0.0 == key }) {
            members[index].1.setMember(at: Array(path.dropFirst()), value)
        } else {
            var child = path.count > 1 ? JSONValue.object([]) : JSONValue.null
            child.setMember(at: Array(path.dropFirst()), value)
            members.append((key, child))
        }
        self = .object(members)
    }

    /// The body serialized compactly, as sent.
    var requestData: Data { Data(serialized(indent: 0).utf8) }
}
