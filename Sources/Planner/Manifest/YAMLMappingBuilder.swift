/// A mapping being read: collects its entries, rejects duplicate keys and applies merge keys (`<<`).
///
/// Keys and values arrive alternately. Duplicate detection stays O(n) per mapping: small mappings
/// (the usual case in manifests) are scanned linearly, larger ones switch to a dictionary.
struct YAMLMappingBuilder {
    /// Mappings up to this size are checked for duplicates by scanning; a dictionary costs more there.
    private static let linearScanLimit = 8

    private var entries: [YAMLMappingEntry] = []
    /// Where each scalar key's entry is (or will be), once the mapping outgrew `linearScanLimit`.
    private var keyPositions: [String: Int] = [:]
    private var isIndexed = false
    /// A key that waits for its value.
    private var pendingKey: YAMLNode?
    private var pendingKeyIsMerge = false
    private var merge: Merge?

    /// The `<<` of this mapping: where it was written and the mappings it brings in, first one winning.
    private struct Merge {
        var keyLocation: SourceLocation
        /// Index in `entries` where the merged entries go, so they keep the place `<<` was written.
        var position: Int
        var sources: [[YAMLMappingEntry]] = []
    }

    /// True when the next node is the value of a merge key, so a sequence starting there holds merge sources.
    var expectsMergeValue: Bool { pendingKeyIsMerge }

    /// Adds the next node: a key if no key is waiting, otherwise that key's value.
    /// - Parameter writtenAt: where the node was written here (for an alias, the alias itself).
    mutating func add(_ node: YAMLNode, writtenAt: SourceLocation) throws(YAMLError) {
        if let key = pendingKey {
            pendingKey = nil
            if pendingKeyIsMerge {
                pendingKeyIsMerge = false
                merge?.sources = try Self.mergeSources(in: node, writtenAt: writtenAt)
            } else {
                entries.append(YAMLMappingEntry(key: key, value: node))
            }
            return
        }
        if Self.isMergeKey(node) {
            if let merge {
                throw YAMLError(
                    location: writtenAt,
                    message: "duplicate merge key '<<' (the first is on line \(merge.keyLocation.line)); "
                        + "list several mappings in one '<<: [*a, *b]' instead")
            }
            merge = Merge(keyLocation: writtenAt, position: entries.count)
            pendingKeyIsMerge = true
            pendingKey = node
            return
        }
        if let text = node.scalar?.text {
            if let first = firstLocation(ofKey: text) {
                throw YAMLError(
                    location: writtenAt,
                    message: "duplicate key '\(text)' in this mapping (first defined on line \(first.line)); "
                        + "remove one of them or merge their contents")
            }
            register(text)
        }
        pendingKey = node
    }

    /// Empties the builder for the next mapping, keeping the capacity it grew.
    mutating func reset() {
        entries.removeAll(keepingCapacity: true)
        if isIndexed { keyPositions.removeAll(keepingCapacity: true) }
        isIndexed = false
        pendingKey = nil
        pendingKeyIsMerge = false
        merge = nil
    }

    /// The finished entries, in an array of exactly their number: explicit ones in order, merged ones
    /// where `<<` stood, minus every merged key that an explicit key (anywhere in the mapping) or an
    /// earlier merge source already provides. Call `reset` afterwards, before the next mapping.
    mutating func finish() -> [YAMLMappingEntry] {
        guard let merge else { return entries.exactCopy() }
        var taken = Set<String>(minimumCapacity: entries.count)
        for entry in entries {
            if let text = entry.key.scalar?.text { taken.insert(text) }
        }
        var merged: [YAMLMappingEntry] = []
        for source in merge.sources {
            for entry in source {
                if let text = entry.key.scalar?.text, !taken.insert(text).inserted { continue }
                merged.append(entry)
            }
        }
        if merged.isEmpty { return entries.exactCopy() }
        var result: [YAMLMappingEntry] = []
        result.reserveCapacity(entries.count + merged.count)
        result.append(contentsOf: entries[..<merge.position])
        result.append(contentsOf: merged)
        result.append(contentsOf: entries[merge.position...])
        return result
    }

    /// A plain, untagged `<<` or one tagged `!!merge` (YAML's merge key type); a quoted '<<' is an ordinary key.
    static func isMergeKey(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar, scalar.text == "<<" else { return false }
        if node.tag == "tag:yaml.org,2002:merge" { return true }
        return node.tag == nil && scalar.style == .plain
    }

    /// Checks that one item of a merge key's sequence is a mapping.
    static func checkMergeSource(_ node: YAMLNode, writtenAt: SourceLocation) throws(YAMLError) {
        guard node.mapping == nil else { return }
        throw YAMLError(
            location: writtenAt,
            message: "a merge key '<<' can only merge mappings, but this item is \(node.kindDescription); "
                + "use an alias to a mapping such as '*defaults'")
    }

    private static func mergeSources(in value: YAMLNode, writtenAt: SourceLocation) throws(YAMLError) -> [[YAMLMappingEntry]] {
        switch value.content {
        case .mapping(let entries):
            return [entries]
        case .sequence(let items):
            var sources: [[YAMLMappingEntry]] = []
            sources.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                // Items written inline were checked where they were written, so a bad item here came in
                // with an aliased list: report it at the alias, which is where the merge is written.
                guard let entries = item.mapping else {
                    throw YAMLError(
                        location: writtenAt,
                        message: "a merge key '<<' can only merge mappings, but item \(index + 1) of the list this alias "
                            + "stands for (line \(item.location.line), column \(item.location.column)) is \(item.kindDescription); "
                            + "list only mappings in it")
                }
                sources.append(entries)
            }
            return sources
        case .scalar:
            throw YAMLError(
                location: writtenAt,
                message: "a merge key '<<' needs a mapping, an alias to one, or a sequence of them, "
                    + "but found \(value.kindDescription); use '<<: *anchor' or quote '<<' if it is meant as a key")
        }
    }

    private func firstLocation(ofKey text: String) -> SourceLocation? {
        if isIndexed {
            guard let index = keyPositions[text] else { return nil }
            return entries[index].key.location
        }
        for entry in entries where entry.key.scalar?.text == text {
            return entry.key.location
        }
        return nil
    }

    /// Records that the key `text` will be the entry at `entries.count`.
    private mutating func register(_ text: String) {
        if isIndexed {
            keyPositions[text] = entries.count
            return
        }
        guard entries.count >= Self.linearScanLimit else { return }
        keyPositions.reserveCapacity(entries.count * 2)
        for (index, entry) in entries.enumerated() {
            if let key = entry.key.scalar?.text { keyPositions[key] = index }
        }
        keyPositions[text] = entries.count
        isIndexed = true
    }
}
