/// Turns a stream of YAML events (documents, collections, scalars, aliases) into located node trees.
///
/// Independent of libyaml so its rules (anchors, aliases, merges, duplicates, limits) stay in one place.
/// Works with an explicit stack, never recursion, so deep input cannot overflow the call stack.
struct YAMLTreeBuilder {
    /// A sequence or mapping whose end has not been read yet.
    ///
    /// Frames are reused from one collection to the next at the same depth, so their item and entry
    /// arrays keep their capacity: a collection's children are gathered without regrowing an array and
    /// handed over at its end in an array of exactly their number (millions of nodes in a large manifest).
    private struct Frame {
        enum Kind { case sequence, mapping }

        var kind: Kind
        var location: SourceLocation
        var tag: String?
        var anchor: String?
        /// A sequence that is the value of a merge key, so each item must be a mapping.
        var holdsMergeSources: Bool
        /// Nodes in this subtree, counting everything aliases in it stand for.
        var size = 1
        /// Levels of collections in this subtree, counting this one.
        var height = 1
        var items: [YAMLNode] = []
        var mapping = YAMLMappingBuilder()

        init(_ kind: Kind, location: SourceLocation, tag: String?, anchor: String?, holdsMergeSources: Bool) {
            self.kind = kind
            self.location = location
            self.tag = tag
            self.anchor = anchor
            self.holdsMergeSources = holdsMergeSources
        }

        /// Starts a new collection in this frame, keeping the capacity of its arrays.
        mutating func reopen(_ kind: Kind, location: SourceLocation, tag: String?, anchor: String?, holdsMergeSources: Bool) {
            self.kind = kind
            self.location = location
            self.tag = tag
            self.anchor = anchor
            self.holdsMergeSources = holdsMergeSources
            size = 1
            height = 1
            // Empty already when the last collection here finished; kept safe for a document cut short.
            items.removeAll(keepingCapacity: true)
            mapping.reset()
        }

        /// The finished collection's content. The frame lets go of the children at once (so the new node
        /// is their only owner and can be freed piece by piece later) but keeps its arrays' capacity.
        mutating func finish() -> YAMLNode.Content {
            switch kind {
            case .sequence:
                let content = YAMLNode.Content.sequence(items.exactCopy())
                items.removeAll(keepingCapacity: true)
                return content
            case .mapping:
                let content = YAMLNode.Content.mapping(mapping.finish())
                mapping.reset()
                return content
            }
        }
    }

    /// What an anchor names: a node still being read (an alias to it would be a cycle) or a finished one.
    private enum Anchor {
        case open(SourceLocation)
        case closed(YAMLNode, size: Int, height: Int)
    }

    private let limits: YAMLLimits
    /// Open collections, innermost last, in `stack[..<depth]`; the frames after them wait to be reused.
    private var stack: [Frame] = []
    private var depth = 0
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
        depth = 0
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
        guard depth > 0 else { return }
        depth -= 1
        let content = stack[depth].finish()
        let (location, size, height) = (stack[depth].location, stack[depth].size, stack[depth].height)
        let node = YAMLNode(content, location: location, tag: stack[depth].tag)
        if let anchor = stack[depth].anchor { anchors[anchor] = .closed(node, size: size, height: height) }
        try attach(node, size: size, height: height, writtenAt: location)
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
            try checkDepth(depth + height, at: location)
            try attach(node, size: size, height: height, writtenAt: location)
        }
    }

    private mutating func startCollection(_ kind: Frame.Kind, tag: String?, anchor: String?, at location: SourceLocation) throws(YAMLError) {
        writtenNodes += 1
        try checkDepth(depth + 1, at: location)
        if let anchor { anchors[anchor] = .open(location) }
        let top = depth - 1
        let holdsMergeSources = kind == .sequence && top >= 0 && stack[top].kind == .mapping
            && stack[top].mapping.expectsMergeValue
        if depth < stack.count {
            stack[depth].reopen(kind, location: location, tag: tag, anchor: anchor, holdsMergeSources: holdsMergeSources)
        } else {
            stack.append(Frame(kind, location: location, tag: tag, anchor: anchor, holdsMergeSources: holdsMergeSources))
        }
        depth += 1
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
        let top = depth - 1
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
