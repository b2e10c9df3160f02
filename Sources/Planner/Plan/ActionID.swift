/// An action's identity within a plan: its kind and the address it acts on, written
/// `create nextroll-us/campaign/Spring Sale`. Dependencies name actions by it.
public struct ActionID: Sendable, Hashable, Comparable, TextCodable {
    public var kind: ActionKind
    public var address: ResourceAddress

    public init(_ kind: ActionKind, _ address: ResourceAddress) {
        self.kind = kind
        self.address = address
    }

    public var description: String { "\(kind.rawValue) \(address)" }

    public init?(parsing text: String) {
        guard let space = text.firstIndex(of: " "), let kind = ActionKind(rawValue: String(text[..<space])),
              let address = ResourceAddress(parsing: String(text[text.index(after: space)...])) else { return nil }
        self.init(kind, address)
    }

    public static func < (lhs: ActionID, rhs: ActionID) -> Bool {
        lhs.address == rhs.address ? lhs.kind < rhs.kind : lhs.address < rhs.address
    }

    public static let textFormDescription = "an action id (KIND ADDRESS)"
}
