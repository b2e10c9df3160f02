/// A Criteo advertiser: made in Criteo itself, so the sandbox provisions it (fixture or `provision`).
struct CriteoAdvertiser: Sendable, Equatable {
    var id: String
    var name: String

    var stateJSON: SandboxJSON { .object([("id", .string(id)), ("name", .string(name))]) }

    init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    init(state fields: JSONFields) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["id", "name"])
        guard let id = try fields.optionalIdentifier("id") else { throw FieldProblem(path: fields.path("id"), message: "is required") }
        self.id = id
        name = try fields.optionalString("name") ?? "Advertiser \(id)"
    }
}
