import Foundation

/// A Criteo campaign spend limit: capped with a renewal cadence and an amount, or uncapped (renewal
/// `undefined`, amount null).
struct CriteoSpendLimit: Sendable, Equatable {
    enum LimitType: String, Sendable, CaseIterable { case capped, uncapped }
    enum Renewal: String, Sendable, CaseIterable { case daily, monthly, lifetime, undefined }

    var type: LimitType
    var renewal: Renewal
    var amount: Decimal?

    static let uncapped = CriteoSpendLimit(type: .uncapped, renewal: .undefined, amount: nil)

    /// `{"spendLimitRenewal": …, "spendLimitType": …, "spendLimitAmount": …}` in the documented order.
    var json: SandboxJSON {
        .object([("spendLimitRenewal", .string(renewal.rawValue)), ("spendLimitType", .string(type.rawValue)),
                 ("spendLimitAmount", .optional(amount))])
    }

    /// The order the create response uses (type, renewal, amount).
    var createResponseJSON: SandboxJSON {
        .object([("spendLimitType", .string(type.rawValue)), ("spendLimitRenewal", .string(renewal.rawValue)),
                 ("spendLimitAmount", .optional(amount))])
    }

    /// Reads a spend limit object; fields it leaves out are taken from `current` (a partial update).
    /// `spendLimitRenewal` and `spendLimitAmount` only matter when the type is capped.
    static func read(_ fields: JSONFields, over current: CriteoSpendLimit?) throws(FieldProblem) -> CriteoSpendLimit {
        try fields.rejectUnknownKeys(["spendLimitRenewal", "spendLimitType", "spendLimitAmount"])
        let typeText = try fields.optionalString("spendLimitType")
        guard let typeText = typeText ?? current?.type.rawValue else {
            throw FieldProblem(path: fields.path("spendLimitType"), message: "is required (capped or uncapped)")
        }
        guard let type = LimitType(rawValue: typeText) else {
            throw FieldProblem(path: fields.path("spendLimitType"), message: "must be capped or uncapped, not \"\(typeText)\"")
        }
        let renewalText = try fields.optionalString("spendLimitRenewal")
        let amount = try fields.optionalDecimal("spendLimitAmount")
        switch type {
        case .uncapped:
            if let renewalText, renewalText != Renewal.undefined.rawValue {
                throw FieldProblem(path: fields.path("spendLimitRenewal"), message: "must be undefined (or left out) for an uncapped spend limit")
            }
            if amount != nil {
                throw FieldProblem(path: fields.path("spendLimitAmount"), message: "must be null for an uncapped spend limit")
            }
            return .uncapped
        case .capped:
            let carried = current?.type == .capped ? current : nil
            guard let renewalText = renewalText ?? carried?.renewal.rawValue else {
                throw FieldProblem(path: fields.path("spendLimitRenewal"), message: "is required for a capped spend limit (daily, monthly or lifetime)")
            }
            guard let renewal = Renewal(rawValue: renewalText), renewal != .undefined else {
                throw FieldProblem(path: fields.path("spendLimitRenewal"), message: "must be daily, monthly or lifetime for a capped spend limit, not \"\(renewalText)\"")
            }
            guard let amount = amount ?? carried?.amount else {
                throw FieldProblem(path: fields.path("spendLimitAmount"), message: "is required for a capped spend limit")
            }
            // The reference's failing example is a negative amount; 0 (no spend) is a limit.
            guard amount >= 0 else {
                throw FieldProblem(path: fields.path("spendLimitAmount"), message: "must not be negative, not \(amount)")
            }
            return CriteoSpendLimit(type: .capped, renewal: renewal, amount: amount)
        }
    }
}
