/// Turns a stream of YAML events (documents, collections, scalars, aliases) into located node trees.
///
/// Independent of libyaml so its rules (anchors, aliases, merges, duplicates, limits) stay in one place.
/// Works with an explicit stack, never recursion, so deep input cannot overflow the call stack.
struct YAMLTreeBuilder {
    /// A sequence or mapping whose end has not been read yet.
    private struct Frame {
        enum Kind { case sequence, mapping }

        let kind: Kind
        let location: SourceLocation
        let tag: String?
        let anchor: String?
        /// A sequence that is the value of a merge key, so each item must be a mapping.
        let holdsMergeSources: Bool
        /// Nodes in this subtree, counting everything aliases in it stand for.
        var size = 1
        /// Levels of collections in this subtree, counting this one.
        var height = 1
        var items: [YAMLNode] = []
        var mapping = YAMLMappingBuilder()
    }

    /// What an anchor names: a node still being read (an alias to it would be a cycle) or a finished one.
    private enum Anchor {
        case open(SourceLocation)
        case closed(YAMLNode, size: Int, height: Int)
    }

    private let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: Anchor] = [:]
    private var root: YAMLNode?
    /// Nodes (scalars, collections, aliases) written in the input so far.
    private var writtenNodes = 0
    /// Nodes aliases have stood for so far, in all documents.
    private var aliasExpansion = 0
    private(set) var documents: [YAMLNode] = []

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    mutating func startDocument() {
        // Anchors belong to their document: a later document cannot refer to them.
        anchors.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        root = nil
    }

    mutating func endDocument() {
        if let root { documents.append(root) }
        root = nil
    }

    mutating func addScalar(_ scalar: YAMLScalar, tag: String?, anchor: String?, at location: SourceLocation) throws(YAMLError) {
        writtenNodes += 1
        let node = YAMLNode(.scalar(scalar), location: location, tag: tag)
        if let anchor { anchors[anchor] = .closed(node, size: 1, height: 0) }
        try attach(node, size: 1, height: 0, writtenAt: location)
    }

    mutating func startSequence(tag: String?, anchor: String?, at location: SourceLocation) throws(YAMLError) {
        try startCollection(.sequence, tag: tag, anchor: anchor, at: location)
    }

    mutating func startMapping(tag: String?, anchor: String?, at location: SourceLocation) throws(YAMLError) {
        try startCollection(.mapping, tag: tag, anchor: anchor, at: location)
    }

    /// Ends the innermost open sequence or mapping.
    mutating func endCollection() throws(YAMLError) {
        guard var frame = stack.popLast() else { return }
        let content: YAMLNode.Content
        switch frame.kind {
        case .sequence: content = .sequence(frame.items)
        case .mapping: content = .mapping(frame.mapping.finish())
        }
        let node = YAMLNode(content, location: frame.location, tag: frame.tag)
        if let anchor = frame.anchor { anchors[anchor] = .closed(node, size: frame.size, height: frame.height) }
        try attach(node, size: frame.size, height: frame.height, writtenAt: frame.location)
    }

    /// Resolves `*name` to a copy of the anchored node (arrays are shared, not duplicated, until changed).
    mutating func addAlias(_ name: String, at location: SourceLocation) throws(YAMLError) {
        writtenNodes += 1
        guard let anchor = anchors[name] else {
            throw YAMLError(
                location: location,
                message: "alias '*\(name)' refers to an anchor that is not defined; "
                    + "define '&\(name)' earlier in the same document, or fix the name")
        }
        switch anchor {
        case .open(let anchorLocation):
            throw YAMLError(
                location: location,
                message: "alias '*\(name)' is inside the node it refers to (anchored on line \(anchorLocation.line)); "
                    + "recursive structures are not supported, so refer to a finished node instead")
        case .closed(let node, let size, let height):
            aliasExpansion = Self.saturatingSum(aliasExpansion, size)
            let allowed = limits.allowedAliasExpansion(writtenNodes: writtenNodes)
            guard aliasExpansion <= allowed else {
                throw YAMLError(
                    location: location,
                    message: "aliases expand to more than \(allowed) nodes for a file of \(writtenNodes) nodes "
                        + "(alias '*\(name)' alone stands for \(size)); this looks like an alias bomb, "
                        + "so write the data out or reuse smaller anchors")
            }
            try checkDepth(stack.count + height, at: location)
            try attach(node, size: size, height: height, writtenAt: location)
        }
    }

    private mutating func startCollection(_ kind: Frame.Kind, tag: String?, anchor: String?, at location: SourceLocation) throws(YAMLError) {
        writtenNodes += 1
        try checkDepth(stack.count + 1, at: location)
        if let anchor { anchors[anchor] = .open(location) }
        let top = stack.count - 1
        let holdsMergeSources = kind == .sequence && top >= 0 && stack[top].kind == .mapping
            && stack[top].mapping.expectsMergeValue
        stack.append(Frame(kind: kind, location: location, tag: tag, anchor: anchor, holdsMergeSources: holdsMergeSources))
    }

    private func checkDepth(_ depth: Int, at location: SourceLocation) throws(YAMLError) {
        guard depth > limits.maxDepth else { return }
        throw YAMLError(
            location: location,
            message: "sequences and mappings are nested more than \(limits.maxDepth) levels deep here; "
                + "flatten the structure")
    }

    /// Hands a finished node to the collection it belongs to, or makes it the document's root.
    private mutating func attach(_ node: YAMLNode, size: Int, height: Int, writtenAt: SourceLocation) throws(YAMLError) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].size = Self.saturatingSum(stack[top].size, size)
        stack[top].height = max(stack[top].height, height + 1)
        switch stack[top].kind {
        case .sequence:
            if stack[top].holdsMergeSources {
                try YAMLMappingBuilder.checkMergeSource(node, writtenAt: writtenAt)
            }
            stack[top].items.append(node)
        case .mapping:
            try stack[top].mapping.add(node, writtenAt: writtenAt)
        }
    }

    private static func saturatingSum(_ lhs: Int, _ rhs: Int) -> Int {
        let sum = lhs.addingReportingOverflow(rhs)
        return sum.overflow ? Int.max : sum.partialValue
    }
}
