/// A value written in JSON as its text form (`description`) and read back with `init?(parsing:)`.
public protocol TextCodable: Codable, CustomStringConvertible {
    init?(parsing text: String)
    /// What the text should look like, for the error when it does not parse.
    static var textFormDescription: String { get }
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not \(Self.textFormDescription): \"\(text)\""))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
