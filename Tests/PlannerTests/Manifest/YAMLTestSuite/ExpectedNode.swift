@testable import Planner

/// A node as a YAML test suite case's `test.event` describes it, with aliases already replaced by
/// copies of their anchored nodes (which is what `YAMLLoader` does).
indirect enum ExpectedNode: Equatable {
    case scalar(text: String, style: YAMLScalar.Style, tag: String?)
    case sequence([ExpectedNode], tag: String?)
    case mapping([Pair], tag: String?)

    struct Pair: Equatable {
        var key: ExpectedNode
        var value: ExpectedNode
    }

    /// The first difference between `actual` and this node, described with its path; nil when they agree.
    func mismatch(in actual: YAMLNode, path: String = "$") -> String? {
        switch (self, actual.content) {
        case let (.scalar(text, style, tag), .scalar(scalar)):
            if scalar.text != text { return "\(path): text \(Self.quoted(scalar.text)), expected \(Self.quoted(text))" }
            if scalar.style != style { return "\(path): style \(scalar.style), expected \(style)" }
            if actual.tag != tag { return "\(path): tag \(actual.tag ?? "none"), expected \(tag ?? "none")" }
            return nil
        case let (.sequence(items, tag), .sequence(actualItems)):
            if actual.tag != tag { return "\(path): tag \(actual.tag ?? "none"), expected \(tag ?? "none")" }
            if actualItems.count != items.count { return "\(path): \(actualItems.count) items, expected \(items.count)" }
            for (index, (item, actualItem)) in zip(items, actualItems).enumerated() {
                if let problem = item.mismatch(in: actualItem, path: "\(path)[\(index)]") { return problem }
            }
            return nil
        case let (.mapping(pairs, tag), .mapping(entries)):
            if actual.tag != tag { return "\(path): tag \(actual.tag ?? "none"), expected \(tag ?? "none")" }
            if entries.count != pairs.count { return "\(path): \(entries.count) entries, expected \(pairs.count)" }
            for (index, (pair, entry)) in zip(pairs, entries).enumerated() {
                if let problem = pair.key.mismatch(in: entry.key, path: "\(path){key \(index)}") { return problem }
                if let problem = pair.value.mismatch(in: entry.value, path: "\(path){value \(index)}") { return problem }
            }
            return nil
        default:
            return "\(path): found \(actual.kindDescription), expected \(kindDescription)"
        }
    }

    private var kindDescription: String {
        switch self {
        case .scalar: return "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined() + "\""
    }
}
