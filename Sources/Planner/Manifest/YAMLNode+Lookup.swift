extension YAMLNode {
    /// The value under the scalar key `key` when this node is a mapping; nil otherwise or when absent.
    public subscript(key: String) -> YAMLNode? {
        entry(forKey: key)?.value
    }

    /// The entry (key node and value node, both located) under the scalar key `key`, if this is a mapping.
    public func entry(forKey key: String) -> YAMLMappingEntry? {
        guard let entries = mapping else { return nil }
        return entries.first { $0.key.scalar?.text == key }
    }

    /// The scalar keys of a mapping in the order written (merged keys where `<<` stood); empty otherwise.
    public var keys: [String] {
        mapping?.compactMap { $0.key.scalar?.text } ?? []
    }
}
