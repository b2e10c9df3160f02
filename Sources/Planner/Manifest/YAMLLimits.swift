/// Bounds the loader enforces so that no input, however hostile, makes it hang or exhaust memory.
///
/// Aliases make a small file describe a huge tree (the "billion laughs" attack: nine levels of
/// ten aliases each expand to 10⁹ nodes). Every alias use is charged the number of nodes it
/// stands for, and the total is checked against both an absolute cap and a cap relative to the
/// nodes actually written in the file, so a legitimate manifest that reuses a block of defaults
/// thousands of times still loads while a tiny file cannot expand into millions of nodes.
public struct YAMLLimits: Sendable, Hashable {
    /// The most nodes that aliases may add in one `load`, however large the file is.
    public var maxAliasExpansion: Int
    /// Aliases may add at most this many nodes per node written in the file (counted up to the
    /// alias being resolved), on top of `aliasExpansionAllowance`.
    public var maxAliasExpansionPerWrittenNode: Int
    /// Nodes aliases may always add, so that small files can use aliases freely.
    public var aliasExpansionAllowance: Int
    /// The deepest nesting of sequences and mappings allowed, counting nesting reached through aliases.
    public var maxDepth: Int

    public init(
        maxAliasExpansion: Int = 1_000_000,
        maxAliasExpansionPerWrittenNode: Int = 100,
        aliasExpansionAllowance: Int = 10_000,
        maxDepth: Int = 512
    ) {
        self.maxAliasExpansion = maxAliasExpansion
        self.maxAliasExpansionPerWrittenNode = maxAliasExpansionPerWrittenNode
        self.aliasExpansionAllowance = aliasExpansionAllowance
        self.maxDepth = maxDepth
    }

    /// How many nodes aliases may add in total once `writtenNodes` nodes have been read.
    func allowedAliasExpansion(writtenNodes: Int) -> Int {
        let relative = writtenNodes.multipliedReportingOverflow(by: maxAliasExpansionPerWrittenNode)
        let proportional = relative.overflow ? Int.max : relative.partialValue
        let withAllowance = proportional.addingReportingOverflow(aliasExpansionAllowance)
        return min(maxAliasExpansion, withAllowance.overflow ? Int.max : withAllowance.partialValue)
    }
}
