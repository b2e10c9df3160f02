import Foundation

/// A Criteo campaign as the simulator stores it: the documented attributes plus what has been spent,
/// which drives the lifetime-limit error and the next-period warning of the bulk update.
struct CriteoCampaign: Sendable, Equatable {
    var id: String
    var name: String
    var advertiserId: String
    /// Acquisition, Retention or (older campaigns only) Unspecified.
    var goal: String
    var spendLimit: CriteoSpendLimit
    /// Spent over the campaign's life.
    var lifetimeSpent: Decimal
    /// Spent in the current daily or monthly period.
    var currentPeriodSpent: Decimal

    static let goals = ["Acquisition", "Retention"]

    /// The advertiser id as JSON: a number where it is numeric (as search and get return it).
    static func advertiserIdJSON(_ id: String) -> SandboxJSON {
        if !id.isEmpty, id.count <= 18, id.allSatisfy(\.isASCIIDigit), let number = Int(id) { return .integer(number) }
        return .string(id)
    }

    /// The resource as search and get return it.
    var resource: SandboxJSON {
        .object([
            ("type", .string("Campaign")),
            ("id", .string(id)),
            ("attributes", .object([
                ("name", .string(name)),
                ("advertiserId", Self.advertiserIdJSON(advertiserId)),
                ("goal", .string(goal)),
                ("spendLimit", spendLimit.json),
            ])),
        ])
    }

    /// The resource as the create response returns it: the documented example writes the advertiser
    /// id as a string there (and as a number everywhere else), and orders the attributes differently.
    var createdResource: SandboxJSON {
        .object([
            ("id", .string(id)),
            ("type", .string("Campaign")),
            ("attributes", .object([
                ("name", .string(name)),
                ("advertiserId", .string(advertiserId)),
                ("spendLimit", spendLimit.createResponseJSON),
                ("goal", .string(goal)),
            ])),
        ])
    }

    var stateJSON: SandboxJSON {
        .object([
            ("id", .string(id)), ("name", .string(name)), ("advertiserId", .string(advertiserId)), ("goal", .string(goal)),
            ("spendLimit", spendLimit.json), ("lifetimeSpent", .number(lifetimeSpent)), ("currentPeriodSpent", .number(currentPeriodSpent)),
        ])
    }

    init(id: String, name: String, advertiserId: String, goal: String, spendLimit: CriteoSpendLimit,
         lifetimeSpent: Decimal = 0, currentPeriodSpent: Decimal = 0) {
        self.id = id
        self.name = name
        self.advertiserId = advertiserId
        self.goal = goal
        self.spendLimit = spendLimit
        self.lifetimeSpent = lifetimeSpent
        self.currentPeriodSpent = currentPeriodSpent
    }

    init(state fields: JSONFields) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["id", "name", "advertiserId", "goal", "spendLimit", "lifetimeSpent", "currentPeriodSpent"])
        guard let id = try fields.optionalIdentifier("id") else { throw FieldProblem(path: fields.path("id"), message: "is required") }
        guard let advertiserId = try fields.optionalIdentifier("advertiserId") else {
            throw FieldProblem(path: fields.path("advertiserId"), message: "is required")
        }
        let goal = try fields.optionalString("goal") ?? "Acquisition"
        guard (Self.goals + ["Unspecified"]).contains(goal) else {
            throw FieldProblem(path: fields.path("goal"), message: "must be Acquisition, Retention or Unspecified")
        }
        self.init(id: id, name: try fields.string("name"), advertiserId: advertiserId, goal: goal,
                  spendLimit: try fields.optionalObject("spendLimit").map { fields throws(FieldProblem) in try CriteoSpendLimit.read(fields, over: nil) } ?? .uncapped,
                  lifetimeSpent: try fields.optionalDecimal("lifetimeSpent") ?? 0,
                  currentPeriodSpent: try fields.optionalDecimal("currentPeriodSpent") ?? 0)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
