/// A Topsort vendor of the marketplace, with the wallet its campaigns spend from.
struct TopsortVendor: Sendable, Equatable {
    var id: String
    var name: String
    var walletId: String

    var stateJSON: SandboxJSON { .object([("id", .string(id)), ("name", .string(name)), ("walletId", .string(walletId))]) }

    init(id: String, name: String, walletId: String) {
        self.id = id
        self.name = name
        self.walletId = walletId
    }

    init(state fields: JSONFields, defaultWallet: () -> String) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["id", "name", "walletId"])
        id = try fields.string("id")
        guard !id.isEmpty else { throw FieldProblem(path: fields.path("id"), message: "must not be empty") }
        name = try fields.optionalString("name") ?? id
        walletId = try fields.optionalString("walletId") ?? defaultWallet()
    }
}
