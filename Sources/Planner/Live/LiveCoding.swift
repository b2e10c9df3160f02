import Foundation

/// The JSON shapes shared by the live-state and plan formats: money as exact decimal strings, enums
/// read case-insensitively (platforms answer `Retention`, `ACTIVE`, `cpc`), budgets, geo targets.
enum LiveCoding {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    /// Decodes each element of the array at `key` with `element`, which gets the element's decoder
    /// (for types that need context, such as the account's currency, to decode).
    static func list<T>(_ container: KeyedDecodingContainer<Key>, _ key: String, _ element: (any Decoder) throws -> T) throws -> [T] {
        guard container.contains(Key(key)), try !container.decodeNil(forKey: Key(key)) else { return [] }
        var list = try container.nestedUnkeyedContainer(forKey: Key(key))
        var values: [T] = []
        while !list.isAtEnd { values.append(try element(try list.superDecoder())) }
        return values
    }

    /// The members live campaigns and ad groups start with: `id`, `name`, `status` (active when
    /// absent) and `platform_status`.
    static func identity(_ container: KeyedDecodingContainer<Key>) throws -> (id: String, name: String, status: ServingStatus, platformStatus: String?) {
        (try container.decode(String.self, forKey: Key("id")), try container.decode(String.self, forKey: Key("name")),
         try choice(ServingStatus.self, container, "status") ?? .active, try container.decodeIfPresent(String.self, forKey: Key("platform_status")))
    }

    static func encodeIdentity(id: String, name: String, status: ServingStatus, platformStatus: String?,
                               _ container: inout KeyedEncodingContainer<Key>) throws {
        try container.encode(id, forKey: Key("id"))
        try container.encode(name, forKey: Key("name"))
        try container.encode(status.rawValue, forKey: Key("status"))
        try container.encodeIfPresent(platformStatus, forKey: Key("platform_status"))
    }

    /// A decimal from a JSON number or a string holding one.
    static func decimal(_ container: KeyedDecodingContainer<Key>, _ key: String) throws -> Decimal? {
        try container.decodeIfPresent(Decimal.self, forKey: Key(key))
    }

    static func money(_ container: KeyedDecodingContainer<Key>, _ key: String, currency: @autoclosure () throws -> Currency) throws -> Money? {
        guard let amount = try decimal(container, key) else { return nil }
        return Money(amount, try currency())
    }

    /// Money amounts are written as strings holding the exact decimal, with the currency's decimals.
    static func encode(_ money: Money?, _ container: inout KeyedEncodingContainer<Key>, _ key: String) throws {
        guard let money else { return }
        try container.encode(amountText(money), forKey: Key(key))
    }

    static func amountText(_ money: Money) -> String {
        money.amount.formatted(decimals: money.currency.minorUnitExponent)
    }

    /// An enum value, matched without regard to case.
    static func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ container: KeyedDecodingContainer<Key>, _ key: String) throws -> T?
        where T.RawValue == String {
        guard let text = try container.decodeIfPresent(String.self, forKey: Key(key)) else { return nil }
        guard let value = choice(type, text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [Key(key)],
                                                   debugDescription: "expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(text)\""))
        }
        return value
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ text: String) -> T? where T.RawValue == String {
        T(rawValue: text) ?? T.allCases.first { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }
    }

    // MARK: Budgets

    /// `{"amount": "700.00", "period": "weekly"}` or `{"uncapped": true}`; Topsort's `total` reads as lifetime.
    static func budget(_ container: KeyedDecodingContainer<Key>, _ key: String, currency: @autoclosure () throws -> Currency) throws -> Budget? {
        guard container.contains(Key(key)), try !container.decodeNil(forKey: Key(key)) else { return nil }
        return try budgetMembers(try container.nestedContainer(keyedBy: Key.self, forKey: Key(key)), currency: currency)
    }

    /// A budget from the members of `container` itself (`amount` and `period`, or `uncapped`).
    static func budgetMembers(_ nested: KeyedDecodingContainer<Key>, currency: () throws -> Currency) throws -> Budget {
        if try nested.decodeIfPresent(Bool.self, forKey: Key("uncapped")) == true { return .uncapped }
        guard let amount = try decimal(nested, "amount") else {
            throw DecodingError.keyNotFound(Key("amount"), .init(codingPath: nested.codingPath, debugDescription: "a budget needs `amount` and `period`, or `uncapped: true`"))
        }
        guard let periodText = try nested.decodeIfPresent(String.self, forKey: Key("period")) else {
            throw DecodingError.keyNotFound(Key("period"), .init(codingPath: nested.codingPath, debugDescription: "a budget needs `period`"))
        }
        let period = periodText.lowercased() == "total" ? .lifetime : choice(BudgetPeriod.self, periodText)
        guard let period else {
            throw DecodingError.dataCorrupted(.init(codingPath: nested.codingPath + [Key("period")],
                                                   debugDescription: "expected daily, weekly, monthly or lifetime, found \"\(periodText)\""))
        }
        return .capped(Money(amount, try currency()), period)
    }

    static func encode(_ budget: Budget?, _ container: inout KeyedEncodingContainer<Key>, _ key: String) throws {
        guard let budget else { return }
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key(key))
        switch budget {
        case .uncapped:
            try nested.encode(true, forKey: Key("uncapped"))
        case .capped(let money, let period):
            try nested.encode(amountText(money), forKey: Key("amount"))
            try nested.encode(period.rawValue, forKey: Key("period"))
        }
    }

    // MARK: Schedules

    static func schedule(_ container: KeyedDecodingContainer<Key>, _ key: String) throws -> Schedule? {
        guard container.contains(Key(key)), try !container.decodeNil(forKey: Key(key)) else { return nil }
        let nested = try container.nestedContainer(keyedBy: Key.self, forKey: Key(key))
        return Schedule(start: try nested.decodeIfPresent(CalendarDate.self, forKey: Key("start")),
                        end: try nested.decodeIfPresent(CalendarDate.self, forKey: Key("end")))
    }

    static func encode(_ schedule: Schedule?, _ container: inout KeyedEncodingContainer<Key>, _ key: String) throws {
        guard let schedule, schedule.start != nil || schedule.end != nil else { return }
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key(key))
        try nested.encodeIfPresent(schedule.start, forKey: Key("start"))
        try nested.encodeIfPresent(schedule.end, forKey: Key("end"))
    }

    // MARK: Selections

    static func strings(_ container: KeyedDecodingContainer<Key>, _ key: String) throws -> Set<String>? {
        try container.decodeIfPresent([String].self, forKey: Key(key)).map(Set.init)
    }

    static func selection<Element: Decodable & Hashable>(_ container: KeyedDecodingContainer<Key>, _ key: String,
                                                         _ element: Element.Type) throws -> Selection<Element>? {
        guard container.contains(Key(key)), try !container.decodeNil(forKey: Key(key)) else { return nil }
        let nested = try container.nestedContainer(keyedBy: Key.self, forKey: Key(key))
        return Selection(include: Set(try nested.decodeIfPresent([Element].self, forKey: Key("include")) ?? []),
                         exclude: Set(try nested.decodeIfPresent([Element].self, forKey: Key("exclude")) ?? []))
    }

    static func encode<Element: Encodable & Comparable>(_ selection: Selection<Element>?, _ container: inout KeyedEncodingContainer<Key>, _ key: String) throws {
        guard let selection else { return }
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key(key))
        try nested.encode(selection.include.sorted(), forKey: Key("include"))
        try nested.encode(selection.exclude.sorted(), forKey: Key("exclude"))
    }

    static func geoSelection(_ container: KeyedDecodingContainer<Key>, _ key: String) throws -> Selection<GeoTarget>? {
        try selection(container, key, NextRollGeoTarget.self).map {
            Selection(include: Set($0.include.map(\.target)), exclude: Set($0.exclude.map(\.target)))
        }
    }

    static func encode(_ selection: Selection<GeoTarget>?, _ container: inout KeyedEncodingContainer<Key>, _ key: String) throws {
        guard let selection else { return }
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key(key))
        try nested.encode(GeoTarget.sorted(selection.include).map(NextRollGeoTarget.init), forKey: Key("include"))
        try nested.encode(GeoTarget.sorted(selection.exclude).map(NextRollGeoTarget.init), forKey: Key("exclude"))
    }
}
