/// The rules of a mapping being read: rejects duplicate keys and applies merge keys (`<<`).
///
/// Keys and values arrive alternately; the tree builder keeps them (key, value, key, value…) and
/// hands them back at the end. Duplicate detection stays O(n) per mapping: small mappings (the usual
/// case in manifests) are scanned linearly, larger ones switch to a dictionary.
struct YAMLMappingBuilder {
    typealias Mark = YAMLTree.Mark

    /// Mappings up to this size are checked for duplicates by scanning; a dictionary costs more there.
    private static let linearScanLimit = 8

    /// Which entry each scalar key is (or will be), once the mapping outgrew `linearScanLimit`.
    private var keyPositions: [String: Int] = [:]
    private var isIndexed = false
    /// Whether the next node is a value (a key waits for it), or a key.
    private var awaitsValue = false
    private var pendingKeyIsMerge = false
    /// The waiting key repeated an earlier one and was dropped, so its value is dropped too.
    private var dropsPendingValue = false
    private var merge: Merge?

    /// The `<<` of this mapping: where it was written and the mappings it brings in, first one winning.
    private struct Merge {
        var keyMark: Mark
        /// Entry number where the merged entries go, so they keep the place `<<` was written.
        var position: Int
        /// The mappings merged (node indices).
        var sources: [Int] = []
    }

    /// True when the next node is the value of a merge key, so a sequence starting there holds merge sources.
    var expectsMergeValue: Bool { pendingKeyIsMerge }

    /// Takes the next node when it is the value of an ordinary key (not `<<`, not a repeated key whose
    /// value is dropped), which is simply kept;
    /// false, taking nothing, otherwise (then `takes` takes it).
    mutating func takesOrdinaryValue() -> Bool {
        guard awaitsValue, !pendingKeyIsMerge, !dropsPendingValue else { return false }
        awaitsValue = false
        return true
    }

    /// Takes the next node: a key if no key is waiting, otherwise that key's value. Returns whether the
    /// node is kept among the mapping's keys and values (a merge key and its value are not: the merge
    /// is applied by `merged`).
    /// - Parameters:
    ///   - writtenAt: where the node was written here (for an alias, the alias itself).
    ///   - keysAndValues: the keys and values kept so far, alternately.
    ///   - problems: where a duplicate key is reported. It is not thrown: the first value is kept and
    ///     reading goes on, so every other mistake in the file is still reported with it.
    mutating func takes(_ node: Int, in tree: YAMLTree, writtenAt: Mark, after keysAndValues: ArraySlice<Int>,
                        problems: inout [YAMLError]) throws(YAMLError) -> Bool {
        if awaitsValue {
            awaitsValue = false
            if dropsPendingValue {
                dropsPendingValue = false
                return false
            }
            guard pendingKeyIsMerge else { return true }
            pendingKeyIsMerge = false
            merge?.sources = try Self.mergeSources(in: node, tree: tree, writtenAt: writtenAt)
            return false
        }
        awaitsValue = true
        let entry = keysAndValues.count / 2
        if Self.isMergeKey(node, in: tree) {
            if let merge {
                throw YAMLError(
                    location: tree.location(writtenAt),
                    message: "duplicate merge key '<<' (the first is on line \(merge.keyMark.line)); "
                        + "list several mappings in one '<<: [*a, *b]' instead")
            }
            merge = Merge(keyMark: writtenAt, position: entry)
            pendingKeyIsMerge = true
            return false
        }
        if tree.kind(node) == .scalar {
            if let first = firstKey(like: node, in: tree, among: keysAndValues) {
                problems.append(YAMLError(
                    location: tree.location(writtenAt),
                    message: "duplicate key '\(tree.text(node) ?? "")' in this mapping (first defined on line \(tree.nodes[first].mark.line)); "
                        + "remove one of them or merge their contents"))
                dropsPendingValue = true
                return false
            }
            if isIndexed || entry >= Self.linearScanLimit, let text = tree.text(node) {
                register(text, asEntry: entry, in: tree, among: keysAndValues)
            }
        }
        return true
    }

    /// The finished mapping's keys and values when a merge key changes them: explicit entries in order,
    /// merged ones where `<<` stood, minus every merged key that an explicit key (anywhere in the
    /// mapping) or an earlier merge source already provides. Nil when they are `keysAndValues` as kept.
    func merged(_ keysAndValues: ArraySlice<Int>, in tree: YAMLTree) -> [Int]? {
        guard let merge else { return nil }
        var taken = Set<String>(minimumCapacity: keysAndValues.count / 2)
        for key in stride(from: keysAndValues.startIndex, to: keysAndValues.endIndex, by: 2) {
            if let text = tree.text(keysAndValues[key]) { taken.insert(text) }
        }
        var merged: [Int] = []
        for source in merge.sources {
            for entry in tree.entries(source) ?? YAMLTree.Entries(children: []) {
                if let text = tree.text(entry.key), !taken.insert(text).inserted { continue }
                merged += [entry.key, entry.value]
            }
        }
        if merged.isEmpty { return nil }
        let split = keysAndValues.startIndex + 2 * merge.position
        return Array(keysAndValues[..<split]) + merged + Array(keysAndValues[split...])
    }

    /// A plain, untagged `<<` or one tagged `!!merge` (YAML's merge key type); a quoted '<<' is an ordinary key.
    static func isMergeKey(_ node: Int, in tree: YAMLTree) -> Bool {
        guard tree.text(node, is: "<<") else { return false }
        let tag = tree.tag(node)
        if tag == "tag:yaml.org,2002:merge" { return true }
        return tag == nil && tree.nodes[node].style == .plain
    }

    /// Checks that one item of a merge key's sequence is a mapping.
    static func checkMergeSource(_ node: Int, in tree: YAMLTree, writtenAt: Mark) throws(YAMLError) {
        guard tree.kind(node) != .mapping else { return }
        throw YAMLError(
            location: tree.location(writtenAt),
            message: "a merge key '<<' can only merge mappings, but this item is \(tree.kindDescription(node)); "
                + "use an alias to a mapping such as '*defaults'")
    }

    private static func mergeSources(in value: Int, tree: YAMLTree, writtenAt: Mark) throws(YAMLError) -> [Int] {
        switch tree.kind(value) {
        case .mapping:
            return [value]
        case .sequence:
            let items = tree.items(value) ?? []
            for (index, item) in items.enumerated() where tree.kind(item) != .mapping {
                // Items written inline were checked where they were written, so a bad item here came in
                // with an aliased list: report it at the alias, which is where the merge is written.
                let place = tree.nodes[item].mark
                throw YAMLError(
                    location: tree.location(writtenAt),
                    message: "a merge key '<<' can only merge mappings, but item \(index + 1) of the list this alias "
                        + "stands for (line \(place.line), column \(place.column)) is \(tree.kindDescription(item)); "
                        + "list only mappings in it")
            }
            return Array(items)
        case .scalar:
            throw YAMLError(
                location: tree.location(writtenAt),
                message: "a merge key '<<' needs a mapping, an alias to one, or a sequence of them, "
                    + "but found \(tree.kindDescription(value)); use '<<: *anchor' or quote '<<' if it is meant as a key")
        }
    }

    /// The key node first written with the text of the scalar `node` among the keys kept so far (every
    /// other node, from the first).
    private func firstKey(like node: Int, in tree: YAMLTree, among keysAndValues: ArraySlice<Int>) -> Int? {
        if isIndexed {
            return tree.text(node).flatMap { keyPositions[$0] }.map { keysAndValues[keysAndValues.startIndex + 2 * $0] }
        }
        for key in stride(from: keysAndValues.startIndex, to: keysAndValues.endIndex, by: 2) where tree.sameText(keysAndValues[key], node) {
            return keysAndValues[key]
        }
        return nil
    }

    /// Records that the key `text` will be entry number `entry`.
    private mutating func register(_ text: String, asEntry entry: Int, in tree: YAMLTree, among keysAndValues: ArraySlice<Int>) {
        if isIndexed {
            keyPositions[text] = entry
            return
        }
        guard entry >= Self.linearScanLimit else { return }
        keyPositions.reserveCapacity(entry * 2)
        for (position, key) in stride(from: keysAndValues.startIndex, to: keysAndValues.endIndex, by: 2).enumerated() {
            if let existing = tree.text(keysAndValues[key]) { keyPositions[existing] = position }
        }
        keyPositions[text] = entry
        isIndexed = true
    }
}
