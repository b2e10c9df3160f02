import Foundation
import Testing
@testable import Planner

/// Small helpers to load YAML text in tests.
enum YAMLFixtures {
    /// The single document of `text`, loaded as `file`.
    static func document(_ text: String, file: String = "test.yaml") throws -> YAMLNode {
        let documents = try YAMLLoader().load(Data(text.utf8), file: file)
        return try #require(documents.count == 1 ? documents.first : nil, "expected one document, found \(documents.count)")
    }

    /// The error loading `data` gives, or nil when it loads.
    static func error(_ data: Data, file: String = "test.yaml", limits: YAMLLimits = YAMLLimits()) -> YAMLError? {
        do {
            _ = try YAMLLoader(limits: limits).load(data, file: file)
            return nil
        } catch {
            return error
        }
    }

    static func error(_ text: String, file: String = "test.yaml") -> YAMLError? {
        error(Data(text.utf8), file: file)
    }
}

extension YAMLNode {
    /// `file:line:column` of this node, for compact assertions.
    var place: String { "\(location.line):\(location.column)" }

    /// The node at a path of mapping keys and sequence indexes, such as `["campaigns", 0, "name"]`.
    func at(_ path: any PathComponent...) -> YAMLNode? {
        var node: YAMLNode? = self
        for component in path {
            node = component.step(node)
        }
        return node
    }

    /// The key node of `key` in this mapping.
    func keyNode(_ key: String) -> YAMLNode? {
        entry(forKey: key)?.key
    }
}

protocol PathComponent {
    func step(_ node: YAMLNode?) -> YAMLNode?
}

extension String: PathComponent {
    func step(_ node: YAMLNode?) -> YAMLNode? { node?[self] }
}

extension Int: PathComponent {
    func step(_ node: YAMLNode?) -> YAMLNode? {
        guard let items = node?.sequence, items.indices.contains(self) else { return nil }
        return items[self]
    }
}
