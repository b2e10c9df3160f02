/// A Topsort campaign budget: whole minor units of the marketplace currency, never fractions.
struct TopsortBudget: Sendable, Equatable {
    static let types = ["daily", "weekly", "monthly", "total"]
    /// The documented bound: amounts are below 2,000,000,000 minor units.
    static let amountLimit = 2_000_000_000

    var amount: Int
    var amountRemaining: Int
    var amountCarryover: Int
    var amountUsed: Int
    var type: String

    init(amount: Int, type: String, used: Int = 0, carryover: Int = 0) {
        self.amount = amount
        self.type = type
        amountUsed = used
        amountCarryover = carryover
        amountRemaining = max(0, amount + carryover - used)
    }

    var json: SandboxJSON {
        .object([("amount", .integer(amount)), ("amountRemaining", .integer(amountRemaining)),
                 ("amountCarryover", .integer(amountCarryover)), ("amountUsed", .integer(amountUsed)), ("type", .string(type))])
    }

    /// Reads a budget object. With `current`, fields left out keep their value (an update); without, both
    /// `amount` and `type` are required (a create or a fixture).
    static func read(_ fields: JSONFields, over current: TopsortBudget?, allowUsage: Bool) throws(FieldProblem) -> TopsortBudget {
        try fields.rejectUnknownKeys(allowUsage ? ["amount", "amountRemaining", "amountCarryover", "amountUsed", "type"] : ["amount", "type"])
        let amount: Int
        if let value = fields.value("amount") {
            guard let number = value.decimalValue else {
                throw FieldProblem(path: fields.path("amount"), message: "must be an integer amount in minor units, found \(value.typeName)")
            }
            guard let whole = value.intValue else {
                throw FieldProblem(path: fields.path("amount"), message: "must be a whole number of minor units (cents), not \(number)")
            }
            guard whole >= 0, whole < amountLimit else {
                throw FieldProblem(path: fields.path("amount"), message: "must be at least 0 and less than 2000000000 minor units, not \(whole)")
            }
            amount = whole
        } else if let current {
            amount = current.amount
        } else {
            throw FieldProblem(path: fields.path("amount"), message: "is required")
        }
        let typeText = try fields.optionalString("type") ?? current?.type
        guard let type = typeText else { throw FieldProblem(path: fields.path("type"), message: "is required (daily, weekly, monthly or total)") }
        guard types.contains(type) else {
            throw FieldProblem(path: fields.path("type"), message: "must be one of daily, weekly, monthly, total, not \"\(type)\"")
        }
        let used = allowUsage ? try fields.optionalInt("amountUsed") ?? 0 : current?.amountUsed ?? 0
        let carryover = allowUsage ? try fields.optionalInt("amountCarryover") ?? 0 : current?.amountCarryover ?? 0
        return TopsortBudget(amount: amount, type: type, used: used, carryover: carryover)
    }
}
