/// Included and excluded members of a targeting set (segments, geo targets); compared as sets.
public struct Selection<Element: Hashable & Sendable & Codable>: Sendable, Hashable, Codable {
    public var include: Set<Element>
    public var exclude: Set<Element>

    public init(include: Set<Element> = [], exclude: Set<Element> = []) {
        self.include = include
        self.exclude = exclude
    }

    public var isEmpty: Bool { include.isEmpty && exclude.isEmpty }
}
