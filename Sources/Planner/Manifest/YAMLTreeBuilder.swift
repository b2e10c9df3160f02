/// Turns a stream of YAML events (documents, collections, scalars, aliases) into located node trees.
///
/// Independent of libyaml so its rules (anchors, aliases, merges, duplicates, limits) stay in one place.
/// Works with an explicit stack, never recursion, so deep input cannot overflow the call stack.
struct YAMLTreeBuilder {
    typealias Mark = YAMLTree.Mark

    /// A sequence or mapping whose end has not been read yet. Its children wait in `pending`.
    private struct Frame {
        enum Kind { case sequence, mapping }

        let kind: Kind
        let mark: Mark
        let tag: String?
        let anchor: String?
        /// A sequence that is the value of a merge key, so each item must be a mapping.
        let holdsMergeSources: Bool
        /// Where this collection's children begin in `pending`.
        let start: Int
        /// Nodes in this subtree, counting everything aliases in it stand for.
        var size = 1
        /// Levels of collections in this subtree, counting this one.
        var height = 1
        var mapping = YAMLMappingBuilder()
    }

    /// What an anchor names: a node still being read (an alias to it would be a cycle) or a finished one.
    private enum Anchor {
        case open(Mark)
        case closed(Int, size: Int, height: Int)
    }

    private let limits: YAMLLimits
    private let file: String
    /// The document being read.
    private var tree: YAMLTree
    private var stack: [Frame] = []
    /// The children of every open collection, outermost first: a sequence's items, a mapping's keys and
    /// values alternately. One array serves all levels, so it soon stops growing.
    private var pending: [Int] = []
    private var anchors: [String: Anchor] = [:]
    private var hasRoot = false
    /// Nodes (scalars, collections, aliases) written in the input so far.
    private var writtenNodes = 0
    /// Nodes aliases have stood for so far, in all documents.
    private var aliasExpansion = 0
    private(set) var documents: [YAMLTree] = []
    /// Mistakes that do not stop reading (duplicate keys), in reading order.
    private(set) var problems: [YAMLError] = []
    /// Room to make in the first document's tree, from the size of the input (see `init`).
    private var firstDocumentNodes: Int

    /// - Parameter inputBytes: the size of the YAML text. A manifest is usually one document, and block
    ///   YAML has about one node per eight bytes: the first document's tree makes room for one per six
    ///   at once, instead of growing (and copying) its arrays again and again. Room never used is address
    ///   space only; no memory is touched for it.
    init(limits: YAMLLimits, file: String, inputBytes: Int) {
        self.limits = limits
        self.file = file
        tree = YAMLTree(file: file)
        firstDocumentNodes = inputBytes / 6
    }

    mutating func startDocument() {
        // Anchors belong to their document: a later document cannot refer to them.
        anchors.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        pending.removeAll(keepingCapacity: true)
        tree = YAMLTree(file: file, expectedNodes: firstDocumentNodes)
        firstDocumentNodes = 0
        hasRoot = false
    }

    mutating func endDocument() {
        if hasRoot { documents.append(tree) }
        tree = YAMLTree(file: file)
        hasRoot = false
    }

    /// Adds a scalar whose text is the UTF-8 `text`, exactly as written (quotes and escapes resolved).
    mutating func addScalar(_ text: UnsafeBufferPointer<UInt8>, style: YAMLScalar.Style, tag: String?, anchor: String?,
                            at mark: Mark) throws(YAMLError) {
        writtenNodes += 1
        let node = tree.addScalar(text, style: style, tag: tag, at: mark)
        if let anchor { anchors[anchor] = .closed(node, size: 1, height: 0) }
        try attach(node, size: 1, height: 0, writtenAt: mark)
    }

    mutating func startSequence(tag: String?, anchor: String?, at mark: Mark) throws(YAMLError) {
        try startCollection(.sequence, tag: tag, anchor: anchor, at: mark)
    }

    mutating func startMapping(tag: String?, anchor: String?, at mark: Mark) throws(YAMLError) {
        try startCollection(.mapping, tag: tag, anchor: anchor, at: mark)
    }

    /// Ends the innermost open sequence or mapping.
    mutating func endCollection() throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        let node = addCollection(frame)
        pending.removeSubrange(frame.start...)
        if let anchor = frame.anchor { anchors[anchor] = .closed(node, size: frame.size, height: frame.height) }
        try attach(node, size: frame.size, height: frame.height, writtenAt: frame.mark)
    }

    /// Adds a finished collection, with its children from `pending`, to the tree.
    private mutating func addCollection(_ frame: Frame) -> Int {
        // The slice of `pending` is let go on return, before `pending` shrinks (so it shrinks in place).
        let children = pending[frame.start...]
        switch frame.kind {
        case .sequence:
            return tree.addCollection(.sequence, items: children, tag: frame.tag, at: frame.mark)
        case .mapping:
            if let merged = frame.mapping.merged(children, in: tree) {
                return tree.addCollection(.mapping, items: merged, tag: frame.tag, at: frame.mark)
            }
            return tree.addCollection(.mapping, items: children, tag: frame.tag, at: frame.mark)
        }
    }

    /// Resolves `*name` to the anchored node: the same node, standing where the alias is.
    mutating func addAlias(_ name: String, at mark: Mark) throws(YAMLError) {
        writtenNodes += 1
        guard let anchor = anchors[name] else {
            throw YAMLError(
                location: tree.location(mark),
                message: "alias '*\(name)' refers to an anchor that is not defined; "
                    + "define '&\(name)' earlier in the same document, or fix the name")
        }
        switch anchor {
        case .open(let anchorMark):
            throw YAMLError(
                location: tree.location(mark),
                message: "alias '*\(name)' is inside the node it refers to (anchored on line \(anchorMark.line)); "
                    + "recursive structures are not supported, so refer to a finished node instead")
        case .closed(let node, let size, let height):
            aliasExpansion = Self.saturatingSum(aliasExpansion, size)
            let allowed = limits.allowedAliasExpansion(writtenNodes: writtenNodes)
            guard aliasExpansion <= allowed else {
                throw YAMLError(
                    location: tree.location(mark),
                    message: "aliases expand to more than \(allowed) nodes for a file of \(writtenNodes) nodes "
                        + "(alias '*\(name)' alone stands for \(size)); this looks like an alias bomb, "
                        + "so write the data out or reuse smaller anchors")
            }
            try checkDepth(stack.count + height, at: mark)
            try attach(node, size: size, height: height, writtenAt: mark)
        }
    }

    private mutating func startCollection(_ kind: Frame.Kind, tag: String?, anchor: String?, at mark: Mark) throws(YAMLError) {
        writtenNodes += 1
        try checkDepth(stack.count + 1, at: mark)
        if let anchor { anchors[anchor] = .open(mark) }
        let top = stack.count - 1
        let holdsMergeSources = kind == .sequence && top >= 0 && stack[top].kind == .mapping
            && stack[top].mapping.expectsMergeValue
        stack.append(Frame(kind: kind, mark: mark, tag: tag, anchor: anchor, holdsMergeSources: holdsMergeSources, start: pending.count))
    }

    private func checkDepth(_ depth: Int, at mark: Mark) throws(YAMLError) {
        guard depth > limits.maxDepth else { return }
        throw YAMLError(
            location: tree.location(mark),
            message: "sequences and mappings are nested more than \(limits.maxDepth) levels deep here; "
                + "flatten the structure")
    }

    /// Hands a finished node to the collection it belongs to, or makes it the document's root.
    private mutating func attach(_ node: Int, size: Int, height: Int, writtenAt: Mark) throws(YAMLError) {
        let top = stack.count - 1
        guard top >= 0 else {
            tree.root = node
            hasRoot = true
            return
        }
        stack[top].size = Self.saturatingSum(stack[top].size, size)
        stack[top].height = max(stack[top].height, height + 1)
        switch stack[top].kind {
        case .sequence:
            if stack[top].holdsMergeSources {
                try YAMLMappingBuilder.checkMergeSource(node, in: tree, writtenAt: writtenAt)
            }
            pending.append(node)
        case .mapping:
            // Half of a mapping's nodes are ordinary values, which need none of the key rules.
            if stack[top].mapping.takesOrdinaryValue() {
                pending.append(node)
                return
            }
            let start = stack[top].start
            if try stack[top].mapping.takes(node, in: tree, writtenAt: writtenAt, after: pending[start...], problems: &problems) {
                pending.append(node)
            }
        }
    }

    private static func saturatingSum(_ lhs: Int, _ rhs: Int) -> Int {
        let sum = lhs.addingReportingOverflow(rhs)
        return sum.overflow ? Int.max : sum.partialValue
    }
}
