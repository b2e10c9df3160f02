/// One named value a call sends.
public struct CallParameter: Sendable, Hashable, Codable {
    public var name: String
    public var value: FieldValue

    public init(_ name: String, _ value: FieldValue) {
        self.name = name
        self.value = value
    }
}
