import Foundation

/// Typed, path-aware access to the members of one JSON object, for reading fixtures and request bodies.
/// Every accessor throws a `FieldProblem` naming the field's path and what was expected.
struct JSONFields {
    let members: [(key: String, value: SandboxJSON)]
    /// The object's own path; member paths are built from it.
    let path: String

    init(_ json: SandboxJSON, path: String) throws(FieldProblem) {
        guard case .object(let members) = json else {
            throw FieldProblem(path: path, message: "expected an object, found \(json.typeName)")
        }
        self.members = members
        self.path = path
    }

    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member's value, nil when it is absent or null.
    func value(_ key: String) -> SandboxJSON? {
        guard let value = members.last(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// Whether the key is present at all (even with null).
    func contains(_ key: String) -> Bool { members.contains { $0.key == key } }

    var keys: [String] { members.map(\.key) }

    /// Throws for the first member whose key is not one of `allowed`.
    func rejectUnknownKeys(_ allowed: Set<String>) throws(FieldProblem) {
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            throw FieldProblem(path: path(unknown.key), message: "unknown field (expected one of: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    private func missing(_ key: String) -> FieldProblem { FieldProblem(path: path(key), message: "is required") }

    private func wrongType(_ key: String, _ expected: String, _ found: SandboxJSON) -> FieldProblem {
        FieldProblem(path: path(key), message: "expected \(expected), found \(found.typeName)")
    }

    func optionalString(_ key: String) throws(FieldProblem) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw wrongType(key, "a string", value) }
        return text
    }

    func string(_ key: String) throws(FieldProblem) -> String {
        guard let text = try optionalString(key) else { throw missing(key) }
        return text
    }

    /// A string, also accepting an integer written as a number (ids like `"advertiserId": 12345`).
    func optionalIdentifier(_ key: String) throws(FieldProblem) -> String? {
        guard let value = value(key) else { return nil }
        if let text = value.stringValue { return text }
        if let number = value.intValue { return String(number) }
        throw wrongType(key, "a string or an integer", value)
    }

    func optionalDecimal(_ key: String) throws(FieldProblem) -> Decimal? {
        guard let value = value(key) else { return nil }
        guard let number = value.decimalValue else { throw wrongType(key, "a number", value) }
        return number
    }

    func decimal(_ key: String) throws(FieldProblem) -> Decimal {
        guard let number = try optionalDecimal(key) else { throw missing(key) }
        return number
    }

    func optionalInt(_ key: String) throws(FieldProblem) -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value.intValue else { throw wrongType(key, "an integer", value) }
        return number
    }

    func int(_ key: String) throws(FieldProblem) -> Int {
        guard let number = try optionalInt(key) else { throw missing(key) }
        return number
    }

    func optionalBool(_ key: String) throws(FieldProblem) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value.boolValue else { throw wrongType(key, "a boolean", value) }
        return flag
    }

    func optionalArray(_ key: String) throws(FieldProblem) -> [SandboxJSON]? {
        guard let value = value(key) else { return nil }
        guard let values = value.arrayValue else { throw wrongType(key, "an array", value) }
        return values
    }

    func optionalStrings(_ key: String) throws(FieldProblem) -> [String]? {
        guard let values = try optionalArray(key) else { return nil }
        var strings: [String] = []
        for (index, value) in values.enumerated() {
            guard let text = value.stringValue else {
                throw FieldProblem(path: "\(path(key))[\(index)]", message: "expected a string, found \(value.typeName)")
            }
            strings.append(text)
        }
        return strings
    }

    func optionalObject(_ key: String) throws(FieldProblem) -> JSONFields? {
        guard let value = value(key) else { return nil }
        return try JSONFields(value, path: path(key))
    }

    /// The objects of an array member, each with its indexed path (`campaigns[3]`).
    func objects(_ key: String) throws(FieldProblem) -> [JSONFields] {
        guard let values = try optionalArray(key) else { return [] }
        var objects: [JSONFields] = []
        for (index, value) in values.enumerated() {
            objects.append(try JSONFields(value, path: "\(path(key))[\(index)]"))
        }
        return objects
    }
}
