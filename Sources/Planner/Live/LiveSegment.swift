import Foundation

/// A NextRoll audience segment's editable settings as the platform reports them.
public struct LiveSegment: Sendable, Hashable, Codable {
    /// The segment EID.
    public var id: String
    public var name: String?
    /// NextRoll keeps conversion values in USD whatever the advertisable's currency.
    public var conversionValue: Money?
    /// Days of inactivity before a user leaves the segment.
    public var duration: Int?

    public init(id: String, name: String? = nil, conversionValue: Money? = nil, duration: Int? = nil) {
        self.id = id
        self.name = name
        self.conversionValue = conversionValue
        self.duration = duration
    }

    static let conversionCurrency = Currency(code: "USD")

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LiveCoding.Key.self)
        id = try container.decode(String.self, forKey: LiveCoding.Key("id"))
        name = try container.decodeIfPresent(String.self, forKey: LiveCoding.Key("name"))
        if let amount = try LiveCoding.decimal(container, "conversion_value"), let usd = LiveSegment.conversionCurrency {
            conversionValue = Money(amount, usd)
        }
        duration = try container.decodeIfPresent(Int.self, forKey: LiveCoding.Key("duration"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LiveCoding.Key.self)
        try container.encode(id, forKey: LiveCoding.Key("id"))
        try container.encodeIfPresent(name, forKey: LiveCoding.Key("name"))
        try LiveCoding.encode(conversionValue, &container, "conversion_value")
        try container.encodeIfPresent(duration, forKey: LiveCoding.Key("duration"))
    }
}
