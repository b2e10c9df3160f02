/// Where a value sits in a document being decoded or encoded. Built as a chain and turned into a
/// coding path only when asked (for an error or a container's `codingPath`), so that large documents
/// do not copy their path at every value.
final class CodingPathNode {
    let parent: CodingPathNode?
    let key: (any CodingKey)?
    let base: [any CodingKey]

    init(base: [any CodingKey]) {
        parent = nil
        key = nil
        self.base = base
    }

    init(parent: CodingPathNode, key: any CodingKey) {
        self.parent = parent
        self.key = key
        base = []
    }

    var path: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: CodingPathNode? = self
        while let current = node {
            if let key = current.key { keys.append(key) } else { keys += current.base.reversed() }
            node = current.parent
        }
        return keys.reversed()
    }
}
