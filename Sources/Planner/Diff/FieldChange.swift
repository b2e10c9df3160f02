/// One field of a resource going from `before` (live) to `after` (desired).
public struct FieldChange: Sendable, Hashable, Codable {
    public var field: ResourceField
    public var before: FieldValue
    public var after: FieldValue

    public init(_ field: ResourceField, _ before: FieldValue, _ after: FieldValue) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// For set fields: members the change adds and removes.
    public var added: [String] {
        guard let old = before.setMembers, let new = after.setMembers else { return [] }
        let existing = Set(old)
        return new.filter { !existing.contains($0) }
    }

    public var removed: [String] {
        guard let old = before.setMembers, let new = after.setMembers else { return [] }
        let wanted = Set(new)
        return old.filter { !wanted.contains($0) }
    }
}
