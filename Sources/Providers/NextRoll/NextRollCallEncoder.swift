import Foundation
import Planner

/// Turns a planned NextRoll call into an HTTP request the way the CRUD API reference takes parameters:
/// query parameters for GET, an `application/x-www-form-urlencoded` body for POST and PUT; EID lists
/// as one comma-separated string; booleans `true`/`false`; money as its exact decimal with at least
/// the currency's decimals (`140.00`); dates `YYYY-MM-DD`; and the planner's `geo_targets.include` /
/// `geo_targets.exclude` pair as the one `geo_targets` JSON string (excluded targets with `is_negative: true`).
enum NextRollCallEncoder {
    static let geoInclude = "geo_targets.include"
    static let geoExclude = "geo_targets.exclude"

    /// Whether the call makes a resource: sending it twice makes two, so it is never retried blindly.
    static func isCreate(_ call: ProviderCall) -> Bool {
        call.path.hasSuffix("/create")
    }

    static func request(for call: ProviderCall) throws(ActionFailure) -> APIRequest {
        let summary = "\(call.method) \(call.path)"
        guard let method = APIRequest.Method(rawValue: call.method.uppercased()) else {
            throw ActionFailure(message: "NextRoll has no \(call.method) calls", call: summary)
        }
        var fields: [(String, String)] = []
        var geoWritten = false
        for parameter in call.parameters {
            if parameter.name == geoInclude || parameter.name == geoExclude {
                guard !geoWritten else { continue }
                geoWritten = true
                fields.append(("geo_targets", NextRollGeoTargets.parameter(include: geoTargets(call.parameter(geoInclude)),
                                                                          exclude: geoTargets(call.parameter(geoExclude)))))
                continue
            }
            guard let text = try text(of: parameter, summary: summary) else { continue }
            fields.append((parameter.name, text))
        }
        let path = try fillPath(call.path, from: &fields, summary: summary)
        let idempotent = !isCreate(call)
        if method == .get {
            return APIRequest(.get, path, query: fields.map { URLQueryItem(name: $0.0, value: $0.1) }, isIdempotent: true)
        }
        return APIRequest.form(method, path, fields: fields, isIdempotent: idempotent)
    }

    /// A `{name}` in the path takes the parameter of that name, which then is not sent again.
    private static func fillPath(_ path: String, from fields: inout [(String, String)], summary: String) throws(ActionFailure) -> String {
        guard path.contains("{") else { return path }
        var filled = path
        while let open = filled.firstIndex(of: "{"), let close = filled[open...].firstIndex(of: "}") {
            let name = String(filled[filled.index(after: open)..<close])
            guard let index = fields.firstIndex(where: { $0.0 == name }) else {
                throw ActionFailure(message: "the call has no `\(name)` parameter for its path", call: summary)
            }
            let value = fields.remove(at: index).1
            filled.replaceSubrange(open...close, with: value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? value)
        }
        return filled
    }

    private static func geoTargets(_ value: FieldValue?) -> [GeoTarget] {
        if case .geoTargets(let targets)? = value { return targets }
        return []
    }

    /// The parameter's text; nil for `.none` (not sent).
    private static func text(of parameter: CallParameter, summary: String) throws(ActionFailure) -> String? {
        switch parameter.value {
        case .none: return nil
        case .text(let text), .choice(let text): return text
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .decimal(let number): return number.formatted(decimals: 0)
        case .money(let money): return money.amount.formatted(decimals: money.currency.minorUnitExponent)
        case .date(let date): return date.description
        case .strings(let values): return values.joined(separator: ",")
        case .integers(let values): return values.map(String.init).joined(separator: ",")
        case .geoTargets(let targets): return NextRollGeoTargets.parameter(include: targets, exclude: [])
        case .budget(let budget):
            // NextRoll keeps WEEKLY budgets; the planner converts before it gets here, so anything else is refused, not guessed.
            guard case .capped(let money, .weekly) = budget else {
                throw ActionFailure(message: "`\(parameter.name)` must be a weekly budget for NextRoll, not \(budget)", call: summary)
            }
            return money.amount.formatted(decimals: money.currency.minorUnitExponent)
        case .resource(let target):
            guard let id = target.liveID else {
                throw ActionFailure(message: "`\(parameter.name)` needs the ID \(target.creator.map { "`\($0)`" } ?? "of an earlier create") returns, "
                                        + "which it has not (yet) given", call: summary)
            }
            return id
        }
    }
}
