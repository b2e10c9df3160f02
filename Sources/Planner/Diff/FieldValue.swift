import Foundation

/// A typed value in a plan: a field's value before or after a change, or a parameter of a provider call.
/// Sets are held sorted, so equal sets are equal values and print the same way every time.
///
/// JSON: `null` for `none`, otherwise an object with a `type`:
/// `{"type": "text", "value": "Spring"}`, `{"type": "boolean", "value": true}`,
/// `{"type": "integer", "value": 30}`, `{"type": "decimal", "value": "4.0"}`,
/// `{"type": "money", "amount": "100.00", "currency": "USD"}`,
/// `{"type": "budget", "amount": "100.00", "currency": "USD", "period": "daily"}` or `{"type": "budget", "uncapped": true}`,
/// `{"type": "date", "value": "2026-03-01"}`, `{"type": "enum", "value": "retention"}`,
/// `{"type": "set", "values": ["A", "B"]}`, `{"type": "integer_set", "values": [1, 2]}`,
/// `{"type": "geo_targets", "values": [{"country_id": 19, "eid": "…"}]}`,
/// `{"type": "resource", "id": "CAMPEID"}` or `{"type": "resource", "created_by": "create nextroll-us/campaign/X"}`.
public indirect enum FieldValue: Sendable, Hashable {
    /// No value: not set on the platform.
    case none
    case text(String)
    case boolean(Bool)
    case integer(Int)
    /// A number that is not money (Topsort target ROAS).
    case decimal(Decimal)
    case money(Money)
    case budget(Budget)
    case date(CalendarDate)
    /// An enum value, in the manifest's spelling (`retention`, `autobidding`, `CPC`).
    case choice(String)
    case strings([String])
    case integers([Int])
    case geoTargets([GeoTarget])
    /// The ID of a resource: a live one, or the one a create in the same plan returns.
    case resource(ResourceTarget)

    public static func strings(_ set: Set<String>) -> FieldValue { .strings(set.sorted()) }
    public static func integers(_ set: Set<Int>) -> FieldValue { .integers(set.sorted()) }
    public static func geoTargets(_ set: Set<GeoTarget>) -> FieldValue { .geoTargets(GeoTarget.sorted(set)) }
    public static func optional(_ money: Money?) -> FieldValue { money.map(FieldValue.money) ?? .none }
    public static func optional(_ date: CalendarDate?) -> FieldValue { date.map(FieldValue.date) ?? .none }
    public static func optional(_ budget: Budget?) -> FieldValue { budget.map(FieldValue.budget) ?? .none }
    public static func optional(_ text: String?) -> FieldValue { text.map(FieldValue.text) ?? .none }
    public static func optional(_ flag: Bool?) -> FieldValue { flag.map(FieldValue.boolean) ?? .none }
    public static func optional(_ number: Decimal?) -> FieldValue { number.map(FieldValue.decimal) ?? .none }
    public static func optionalChoice<T: RawRepresentable>(_ value: T?) -> FieldValue where T.RawValue == String {
        value.map { .choice($0.rawValue) } ?? .none
    }

    /// Members of a set value, as text (for "added/removed" summaries).
    public var setMembers: [String]? {
        switch self {
        case .strings(let values): return values
        case .integers(let values): return values.map(String.init)
        case .geoTargets(let values): return values.map(\.description)
        case .none: return []
        default: return nil
        }
    }
}

extension FieldValue: Codable {
    private typealias Key = LiveCoding.Key

    public init(from decoder: any Decoder) throws {
        if try decoder.singleValueContainer().decodeNil() {
            self = .none
            return
        }
        let container = try decoder.container(keyedBy: Key.self)
        let type = try container.decode(String.self, forKey: Key("type"))
        func currency() throws -> Currency {
            let code = try container.decode(String.self, forKey: Key("currency"))
            guard let currency = Currency(code: code) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [Key("currency")], debugDescription: "not an ISO 4217 code: \"\(code)\""))
            }
            return currency
        }
        switch type {
        case "text": self = .text(try container.decode(String.self, forKey: Key("value")))
        case "boolean": self = .boolean(try container.decode(Bool.self, forKey: Key("value")))
        case "integer": self = .integer(try container.decode(Int.self, forKey: Key("value")))
        case "decimal": self = .decimal(try container.decode(Decimal.self, forKey: Key("value")))
        case "money": self = .money(Money(try container.decode(Decimal.self, forKey: Key("amount")), try currency()))
        case "budget":
            self = .budget(try LiveCoding.budgetMembers(container, currency: currency))
        case "date": self = .date(try container.decode(CalendarDate.self, forKey: Key("value")))
        case "enum": self = .choice(try container.decode(String.self, forKey: Key("value")))
        case "set": self = .strings(try container.decode([String].self, forKey: Key("values")))
        case "integer_set": self = .integers(try container.decode([Int].self, forKey: Key("values")))
        case "geo_targets": self = .geoTargets(try container.decode([NextRollGeoTarget].self, forKey: Key("values")).map(\.target))
        case "resource": self = .resource(try ResourceTarget(from: decoder))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [Key("type")], debugDescription: "unknown value type \"\(type)\""))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if case .none = self {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
            return
        }
        var container = encoder.container(keyedBy: Key.self)
        func type(_ name: String) throws { try container.encode(name, forKey: Key("type")) }
        switch self {
        case .none: break
        case .text(let text): try type("text"); try container.encode(text, forKey: Key("value"))
        case .boolean(let flag): try type("boolean"); try container.encode(flag, forKey: Key("value"))
        case .integer(let number): try type("integer"); try container.encode(number, forKey: Key("value"))
        case .decimal(let number): try type("decimal"); try container.encode(number.formatted(decimals: 0), forKey: Key("value"))
        case .money(let money):
            try type("money")
            try container.encode(LiveCoding.amountText(money), forKey: Key("amount"))
            try container.encode(money.currency.code, forKey: Key("currency"))
        case .budget(let budget):
            try type("budget")
            switch budget {
            case .uncapped:
                try container.encode(true, forKey: Key("uncapped"))
            case .capped(let money, let period):
                try container.encode(LiveCoding.amountText(money), forKey: Key("amount"))
                try container.encode(money.currency.code, forKey: Key("currency"))
                try container.encode(period.rawValue, forKey: Key("period"))
            }
        case .date(let date): try type("date"); try container.encode(date, forKey: Key("value"))
        case .choice(let text): try type("enum"); try container.encode(text, forKey: Key("value"))
        case .strings(let values): try type("set"); try container.encode(values, forKey: Key("values"))
        case .integers(let values): try type("integer_set"); try container.encode(values, forKey: Key("values"))
        case .geoTargets(let values): try type("geo_targets"); try container.encode(values.map(NextRollGeoTarget.init), forKey: Key("values"))
        case .resource(let target): try type("resource"); try target.encodeMembers(into: &container)
        }
    }
}
