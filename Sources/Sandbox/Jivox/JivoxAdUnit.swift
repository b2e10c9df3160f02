/// One ad unit of a Jivox retail campaign: a row of the downloaded tags CSV.
struct JivoxAdUnit: Sendable, Equatable {
    var id: String
    var name: String
    var width: Int
    var height: Int

    var stateJSON: SandboxJSON {
        .object([("id", .string(id)), ("name", .string(name)), ("width", .integer(width)), ("height", .integer(height))])
    }

    init(id: String, name: String, width: Int, height: Int) {
        self.id = id
        self.name = name
        self.width = width
        self.height = height
    }

    init(state fields: JSONFields) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["id", "name", "width", "height"])
        guard let id = try fields.optionalIdentifier("id") else { throw FieldProblem(path: fields.path("id"), message: "is required") }
        self.id = id
        name = try fields.optionalString("name") ?? "Ad unit \(id)"
        width = try fields.optionalInt("width") ?? 300
        height = try fields.optionalInt("height") ?? 250
    }

    /// The units a provisioned retail campaign gets.
    static func defaults(idx: Int) -> [JivoxAdUnit] {
        [JivoxAdUnit(id: "\(idx)-1", name: "Medium Rectangle", width: 300, height: 250),
         JivoxAdUnit(id: "\(idx)-2", name: "Leaderboard", width: 728, height: 90)]
    }
}
