import Foundation

/// One loaded YAML document, stored flat: every node in one array, referred to by its index.
///
/// This is what the manifest loader reads. It holds what a `YAMLNode` tree holds (text and style as
/// written, explicit tags, the place of every node; aliases resolved, merge keys applied) without a
/// heap array per mapping and sequence, without a string per scalar (texts are bytes in one buffer)
/// and without copying nodes to read them: a 10,000-campaign manifest has millions of nodes.
/// `YAMLLoader.load` turns it into `YAMLNode`s for the public API.
///
/// An alias is the anchored node itself (the same index), so it reads as a copy of that node with its
/// locations, as a `YAMLNode` alias does.
struct YAMLTree: Sendable {
    enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
    }

    /// Where a node was written: 1-based line and column. A `SourceLocation` without the file, which
    /// the tree holds once.
    struct Mark: Sendable, Hashable, Comparable {
        // 32 bits each keep nodes small; they always fit, as the loader refuses files of 2 GiB or more.
        private let storedLine: Int32
        private let storedColumn: Int32

        var line: Int { Int(storedLine) }
        var column: Int { Int(storedColumn) }

        init(line: Int, column: Int) {
            storedLine = Int32(clamping: line)
            storedColumn = Int32(clamping: column)
        }

        /// Reading order within one file.
        static func < (lhs: Mark, rhs: Mark) -> Bool {
            (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
        }
    }

    /// A node: 24 bytes, with nothing to release. A scalar's text is `count` bytes of `texts` from
    /// `first`; a collection's children are in `children` from `first`: a sequence's items, a mapping's
    /// keys and values alternately (`count` is the number of items or of entries).
    struct Node: Sendable {
        var kind: Kind
        var style: YAMLScalar.Style
        /// Whether a scalar's text is all ASCII, where string equality is byte equality.
        var isASCII: Bool
        /// Index of the node's explicit tag in `tags`, or -1 (fewer tags than nodes, so 32 bits hold it).
        var tag: Int32
        var mark: Mark
        // 32 bits each, as for marks: offsets into a file's texts and children fit, as the loader refuses
        // files of 2 GiB or more and bounds what aliases add (`YAMLLimits`). A quarter less memory to
        // fill for the millions of nodes of a large manifest.
        private var storedFirst: Int32
        private var storedCount: Int32

        var first: Int { Int(storedFirst) }
        var count: Int { Int(storedCount) }

        init(kind: Kind, style: YAMLScalar.Style, isASCII: Bool, tag: Int32, mark: Mark, first: Int, count: Int) {
            self.kind = kind
            self.style = style
            self.isASCII = isASCII
            self.tag = tag
            self.mark = mark
            storedFirst = Int32(truncatingIfNeeded: first)
            storedCount = Int32(truncatingIfNeeded: count)
        }
    }

    /// The file path as given to the loader, used verbatim in locations.
    let file: String
    private(set) var nodes: [Node] = []
    /// Children of collections, as node indices (see `Node`).
    private(set) var children: [Int] = []
    /// The UTF-8 text of every scalar, one after another (see `Node`).
    private var texts: [UInt8] = []
    /// Explicit tags, expanded, each once; nodes refer to them by index.
    private var tags: [String] = []
    private var tagIndexes: [String: Int32] = [:]
    /// The document's top node.
    var root = 0

    /// An empty tree; `expectedNodes` is room made at once for a document about that large.
    init(file: String, expectedNodes: Int = 0) {
        self.file = file
        nodes.reserveCapacity(expectedNodes)
        children.reserveCapacity(expectedNodes)
        texts.reserveCapacity(expectedNodes * 4)
    }

    // MARK: Building (for YAMLTreeBuilder)

    /// Adds a scalar whose text is the UTF-8 `text`; returns its index.
    mutating func addScalar(_ text: UnsafeBufferPointer<UInt8>, style: YAMLScalar.Style, tag: String?, at mark: Mark) -> Int {
        nodes.append(Node(kind: .scalar, style: style, isASCII: text.allSatisfy { $0 < 0x80 }, tag: index(ofTag: tag), mark: mark,
                          first: texts.count, count: text.count))
        texts.append(contentsOf: text)
        return nodes.count - 1
    }

    /// Adds a finished collection whose children (node indices; keys and values alternately for a
    /// mapping) are `items`; returns its index.
    mutating func addCollection(_ kind: Kind, items: some Collection<Int>, tag: String?, at mark: Mark) -> Int {
        let first = children.count
        children.append(contentsOf: items)
        nodes.append(Node(kind: kind, style: .plain, isASCII: true, tag: index(ofTag: tag), mark: mark,
                          first: first, count: kind == .mapping ? items.count / 2 : items.count))
        return nodes.count - 1
    }

    private mutating func index(ofTag tag: String?) -> Int32 {
        guard let tag else { return -1 }
        if let known = tagIndexes[tag] { return known }
        tags.append(tag)
        let index = Int32(clamping: tags.count - 1)
        tagIndexes[tag] = index
        return index
    }

    // MARK: Reading

    func kind(_ node: Int) -> Kind { nodes[node].kind }

    func location(_ node: Int) -> SourceLocation {
        location(nodes[node].mark)
    }

    func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    func tag(_ node: Int) -> String? {
        let index = Int(nodes[node].tag)
        return index < 0 ? nil : tags[index]
    }

    /// The text of a scalar; nil for a collection.
    func text(_ node: Int) -> String? {
        guard nodes[node].kind == .scalar else { return nil }
        return textBytes(of: node) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether `node` is a scalar whose text is `string`, by Swift's string equality. Compared as bytes
    /// without making a string; only texts that differ in bytes and are not all ASCII (which Unicode
    /// may still call equal, such as a composed and a decomposed é) are compared as strings.
    func text(_ node: Int, is string: String) -> Bool {
        guard nodes[node].kind == .scalar else { return false }
        if text(node, isExactly: string) { return true }
        return !(nodes[node].isASCII && string.utf8.allSatisfy { $0 < 0x80 }) && text(node) == string
    }

    /// Whether `node` is a scalar whose text has exactly the bytes of `string`.
    func text(_ node: Int, isExactly string: String) -> Bool {
        guard nodes[node].kind == .scalar, nodes[node].count == string.utf8.count else { return false }
        var string = string
        return string.withUTF8 { expected in textBytes(of: node) { Self.sameBytes($0, expected) } }
    }

    private static func sameBytes(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        return memcmp(left, right, lhs.count) == 0
    }

    /// Whether two nodes are scalars with the same text (by Swift's string equality, as `text(_:is:)`).
    func sameText(_ node: Int, _ other: Int) -> Bool {
        guard nodes[node].kind == .scalar, nodes[other].kind == .scalar else { return false }
        // ASCII texts of different lengths differ (the usual case among a mapping's keys).
        if nodes[node].count != nodes[other].count, nodes[node].isASCII, nodes[other].isASCII { return false }
        let sameBytes = textBytes(of: other) { bytes in textBytes(of: node) { Self.sameBytes($0, bytes) } }
        if sameBytes { return true }
        return !(nodes[node].isASCII && nodes[other].isASCII) && text(node) == text(other)
    }

    private func textBytes<Result>(of node: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = nodes[node].first..<nodes[node].first + nodes[node].count
        return texts.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    func scalar(_ node: Int) -> YAMLScalar? {
        text(node).map { YAMLScalar(text: $0, style: nodes[node].style) }
    }

    /// The items of a sequence (node indices); nil for anything else.
    func items(_ node: Int) -> ArraySlice<Int>? {
        guard nodes[node].kind == .sequence else { return nil }
        return children[nodes[node].first..<nodes[node].first + nodes[node].count]
    }

    /// The entries of a mapping, in order (merged ones where `<<` stood); nil for anything else.
    func entries(_ node: Int) -> Entries? {
        guard nodes[node].kind == .mapping else { return nil }
        return Entries(children: children[nodes[node].first..<nodes[node].first + 2 * nodes[node].count])
    }

    /// The value under the scalar key `key` of a mapping; nil otherwise or when absent.
    func value(_ node: Int, forKey key: String) -> Int? {
        entries(node)?.first { text($0.key) == key }?.value
    }

    /// The key and value node of each entry of a mapping.
    struct Entries: RandomAccessCollection {
        let children: ArraySlice<Int>

        var startIndex: Int { 0 }
        var endIndex: Int { children.count / 2 }

        subscript(position: Int) -> (key: Int, value: Int) {
            let base = children.startIndex + 2 * position
            return (children[base], children[base + 1])
        }
    }

    /// True for a plain `null`, `Null`, `NULL`, `~` or empty scalar without a tag (YAML 1.2 core schema),
    /// or a scalar tagged `!!null`; the same rule as `YAMLNode.isNull`.
    func isNull(_ node: Int) -> Bool {
        guard nodes[node].kind == .scalar else { return false }
        switch tag(node) {
        case nil:
            guard nodes[node].style == .plain else { return false }
            // The null texts are ASCII: an ASCII text is one of them only byte for byte.
            guard nodes[node].isASCII else { return YAMLNode.nullTexts.contains { text(node) == $0 } }
            return nodes[node].count <= 4 && YAMLNode.nullTexts.contains { text(node, isExactly: $0) }
        case "tag:yaml.org,2002:null": return true
        default: return false
        }
    }

    /// A short word for what a node is, for messages; the same words as `YAMLNode.kindDescription`.
    func kindDescription(_ node: Int) -> String {
        switch nodes[node].kind {
        case .scalar: return isNull(node) ? "null" : "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        }
    }

    // MARK: Nodes

    /// The document as a `YAMLNode` tree. Every child comes before its parent in `nodes`, so one pass in
    /// order builds each node from its finished children; a node an alias repeats is built once and shared.
    func yamlNode() -> YAMLNode {
        var built: [YAMLNode] = []
        built.reserveCapacity(root + 1)
        for index in 0...root {
            let node = nodes[index]
            let content: YAMLNode.Content
            switch node.kind {
            case .scalar:
                content = .scalar(YAMLScalar(text: text(index) ?? "", style: node.style))
            case .sequence:
                content = .sequence(children[node.first..<node.first + node.count].map { built[$0] })
            case .mapping:
                content = .mapping((entries(index) ?? Entries(children: [])).map { YAMLMappingEntry(key: built[$0.key], value: built[$0.value]) })
            }
            built.append(YAMLNode(content, location: location(node.mark), tag: tag(index)))
        }
        return built[root]
    }
}
