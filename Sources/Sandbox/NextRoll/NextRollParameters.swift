import Foundation

/// The parameters of a NextRoll call: the query string, plus for POST and PUT a form body
/// (`application/x-www-form-urlencoded`) or a JSON object body, read the documented way: lists as
/// comma-separated strings (or repeated parameters, or JSON arrays), booleans as true/false, numbers
/// parsed exactly from their text.
struct NextRollParameters {
    enum Value {
        case text(String)
        case json(SandboxJSON)
    }

    private(set) var values: [(name: String, value: Value)] = []

    /// A parameter that is present but unusable; the message names it and says what was expected.
    struct Problem: Error {
        var status: Int
        var message: String
    }

    init(_ request: HTTPRequest) throws(Problem) {
        values = request.query.map { ($0.name, .text($0.value)) }
        guard request.method != "GET", !request.body.isEmpty else { return }
        switch request.mediaType {
        case "application/x-www-form-urlencoded":
            switch RequestBody.form(request) {
            case .success(let pairs): values += pairs.map { ($0.name, .text($0.value)) }
            case .failure(let problem): throw Problem(status: problem.status, message: problem.message)
            }
        default:
            switch RequestBody.json(request) {
            case .failure(let problem):
                let message = problem.status == 415
                    ? "Content-Type must be application/x-www-form-urlencoded or application/json" : problem.message
                throw Problem(status: problem.status, message: message)
            case .success(let json):
                guard let members = json.objectValue else { throw Problem(status: 400, message: "the JSON body must be an object of parameters") }
                values += members.map { ($0.key, .json($0.value)) }
            }
        }
    }

    var names: [String] { values.map(\.name) }

    /// Throws for a parameter the endpoint does not take (`apikey` is always allowed).
    func rejectUnknown(_ allowed: Set<String>) throws(Problem) {
        if let unknown = values.first(where: { $0.name != "apikey" && !allowed.contains($0.name) }) {
            throw Problem(status: 400, message: "unknown parameter \(unknown.name) (this endpoint takes: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    private func last(_ name: String) -> Value? {
        values.last { $0.name == name }?.value
    }

    func contains(_ name: String) -> Bool { values.contains { $0.name == name } }

    func string(_ name: String) throws(Problem) -> String? {
        switch last(name) {
        case nil: return nil
        case .text(let text): return text
        case .json(let json):
            switch json {
            case .null: return nil
            case .string(let text): return text
            case .number(let number): return "\(number)"
            case .bool(let flag): return flag ? "true" : "false"
            default: throw Problem(status: 400, message: "\(name) must be a string, not \(json.typeName)")
            }
        }
    }

    func requiredString(_ name: String) throws(Problem) -> String {
        guard let text = try string(name), !text.isEmpty else { throw Problem(status: 400, message: "missing required parameter \(name)") }
        return text
    }

    func bool(_ name: String) throws(Problem) -> Bool? {
        switch last(name) {
        case nil: return nil
        case .json(.bool(let flag)): return flag
        case .json(.null): return nil
        case .json(let json): throw Problem(status: 400, message: "\(name) must be a boolean, not \(json.typeName)")
        case .text(let text):
            switch text.lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: throw Problem(status: 400, message: "\(name) must be true or false, not \"\(text)\"")
            }
        }
    }

    func decimal(_ name: String) throws(Problem) -> Decimal? {
        switch last(name) {
        case nil, .json(.null): return nil
        case .json(.number(let number)): return number
        case .json(let json): throw Problem(status: 400, message: "\(name) must be a number, not \(json.typeName)")
        case .text(let text):
            guard let number = (try? SandboxJSON.parse(text.trimmingCharacters(in: .whitespaces)))?.decimalValue else {
                throw Problem(status: 400, message: "\(name) must be a number, not \"\(text)\"")
            }
            return number
        }
    }

    func int(_ name: String) throws(Problem) -> Int? {
        guard let number = try decimal(name) else { return nil }
        guard let whole = SandboxJSON.number(number).intValue else { throw Problem(status: 400, message: "\(name) must be an integer, not \(number)") }
        return whole
    }

    /// A list: every occurrence of the parameter, each split on commas, or a JSON array. Nil when absent.
    func list(_ name: String) throws(Problem) -> [String]? {
        let occurrences = values.filter { $0.name == name || $0.name == name + "[]" }.map(\.value)
        guard !occurrences.isEmpty else { return nil }
        var items: [String] = []
        for occurrence in occurrences {
            switch occurrence {
            case .text(let text):
                items += text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case .json(.array(let array)):
                for element in array {
                    guard let text = element.stringValue else { throw Problem(status: 400, message: "\(name) must list strings") }
                    items.append(text)
                }
            case .json(.string(let text)):
                items += text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case .json(.null):
                continue
            case .json(let json):
                throw Problem(status: 400, message: "\(name) must be a comma-separated string or a list, not \(json.typeName)")
            }
        }
        return items
    }
}
