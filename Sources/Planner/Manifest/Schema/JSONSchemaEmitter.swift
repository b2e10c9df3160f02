import Foundation

/// Writes `ManifestSchema` as a JSON Schema (draft 2020-12) for editors (yaml-language-server).
///
/// The schema is generated from the same data that drives `SchemaChecker`, so the two cannot
/// disagree about keys, types, enums or ranges. What a JSON Schema cannot see (references to
/// provider aliases, duplicates across files, rules that depend on the provider an alias names)
/// stays with `reconcile validate`.
public enum JSONSchemaEmitter {
    public static let schemaID = "https://reconcile.dev/schema/manifest-v1.json"

    /// The whole manifest format, version 1.
    public static func manifestSchema() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(schemaID)),
            ("title", .string("reconcile manifest (format v1)")),
        ]
        members += object(ManifestSchema.document).objectMembers
        return .object(members)
    }

    static func object(_ schema: ObjectSchema) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("description", .string(schema.description)),
        ]
        var properties: [(String, JSONValue)] = []
        for property in schema.properties {
            properties.append((property.name, value(property.type, description: describe(property), default: property.defaultValue)))
        }
        members.append(("properties", .object(properties)))
        let required = schema.properties.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        if schema.allowsExtensionKeys {
            members.append(("patternProperties", .object([("^x-", .object([("description", .string("Ignored; use it to hold YAML anchors."))]))])))
        }
        members.append(("additionalProperties", .bool(false)))
        var constraints: [JSONValue] = []
        if !schema.alternatives.isEmpty {
            constraints.append(.object([("oneOf", .array(schema.alternatives.map { group in
                .object([("required", .array(group.map(JSONValue.string)))])
            }))]))
        }
        if let typeKey = schema.providerTypeKey {
            constraints += ProviderKind.allCases.map { providerCondition($0, typeKey: typeKey, schema: schema) }
        }
        if !constraints.isEmpty { members.append(("allOf", .array(constraints))) }
        return .object(members)
    }

    /// For a provider block of type `kind`: the keys it requires, and the keys of other types refused.
    private static func providerCondition(_ kind: ProviderKind, typeKey: String, schema: ObjectSchema) -> JSONValue {
        var required = [kind.accountKey]
        if kind.hasMoney { required.append("currency") }
        let refused = schema.properties.filter { !$0.applies(to: kind) }.map { ($0.name, JSONValue.bool(false)) }
        var then: [(String, JSONValue)] = [("required", .array(required.map(JSONValue.string)))]
        if !refused.isEmpty { then.append(("properties", .object(refused))) }
        return .object([
            ("if", .object([("properties", .object([(typeKey, .object([("const", .string(kind.rawValue))]))])),
                            ("required", .array([.string(typeKey)]))])),
            ("then", .object(then)),
        ])
    }

    static func value(_ type: SchemaType, description: String?, default defaultValue: JSONValue?) -> JSONValue {
        var members: [(String, JSONValue)]
        switch type {
        case .string(let minLength, let secret):
            if secret {
                members = [("type", .string("string")), ("pattern", .string("^env:[A-Za-z_][A-Za-z0-9_]*$"))]
            } else {
                // Text is taken as written: `name: 2026.10` is the string "2026.10", so numbers and
                // booleans are accepted where text is expected, as `reconcile validate` accepts them.
                members = [("type", .array([.string("string"), .string("number"), .string("boolean")]))]
                if minLength > 0 { members.append(("minLength", .integer(Int64(minLength)))) }
            }
        case .integer(let minimum, let maximum):
            members = [("type", .string("integer"))]
            if let minimum { members.append(("minimum", .integer(Int64(minimum)))) }
            if let maximum { members.append(("maximum", .integer(Int64(maximum)))) }
        case .decimal(let minimum, let maximum):
            members = [("type", .string("number"))]
            if let minimum { members.append(("minimum", .decimal(minimum))) }
            if let maximum { members.append(("maximum", .decimal(maximum))) }
        case .boolean:
            members = [("type", .string("boolean"))]
        case .date:
            members = [("type", .string("string")), ("format", .string("date")),
                       ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
        case .enumeration(let values):
            members = [("type", .string("string")), ("enum", .array(values.map(JSONValue.string)))]
        case .integerChoice(let values):
            members = [("type", .string("integer")), ("enum", .array(values.map { .integer(Int64($0)) }))]
        case .sequence(let item, let minItems):
            members = [("type", .string("array")), ("items", value(item, description: nil, default: nil))]
            if minItems > 0 { members.append(("minItems", .integer(Int64(minItems)))) }
        case .object(let schema):
            members = object(schema).objectMembers
        case .map(let valueType, let keyDescription):
            members = [
                ("type", .string("object")),
                ("propertyNames", .object([("pattern", .string("^[^/\\s]+$")),
                                           ("description", .string("A \(keyDescription): no `/` or spaces."))])),
                ("additionalProperties", value(valueType, description: nil, default: nil)),
            ]
        }
        if let description, !members.contains(where: { $0.0 == "description" }) {
            members.insert(("description", .string(description)), at: 0)
        } else if let description, let index = members.firstIndex(where: { $0.0 == "description" }) {
            members[index] = ("description", .string(description))
        }
        if let defaultValue { members.append(("default", defaultValue)) }
        return .object(members)
    }

    private static func describe(_ property: SchemaProperty) -> String {
        guard let providers = property.providers, providers.count < ProviderKind.allCases.count else { return property.description }
        let names = ProviderKind.allCases.filter { providers.contains($0) }.map(\.rawValue).joined(separator: ", ")
        return property.description + " [\(names)]"
    }
}

extension JSONValue {
    /// The members of an object value; empty for anything else.
    var objectMembers: [(String, JSONValue)] {
        if case .object(let members) = self { return members }
        return []
    }
}
