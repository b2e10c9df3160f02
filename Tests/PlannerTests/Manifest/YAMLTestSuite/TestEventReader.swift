@testable import Planner

/// Reads a YAML test suite `test.event` file (one parser event per line) into the documents it
/// describes: `+DOC`/`-DOC`, `+MAP`/`+SEQ` with optional `&anchor` and `<tag>`, `=VAL` with a style
/// sigil (`:` plain, `'`, `"`, `|`, `>`) and escaped text, and `=ALI *anchor`.
struct TestEventReader {
    struct Failure: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "test.event line \(line): \(reason)" }
    }

    private enum Open {
        case sequence(items: [ExpectedNode], tag: String?, anchor: String?)
        case mapping(pairs: [ExpectedNode.Pair], pendingKey: ExpectedNode?, tag: String?, anchor: String?)
    }

    private var stack: [Open] = []
    private var anchors: [String: ExpectedNode] = [:]
    private var root: ExpectedNode?
    private(set) var documents: [ExpectedNode] = []

    static func documents(in events: String) throws(Failure) -> [ExpectedNode] {
        var reader = TestEventReader()
        for (index, line) in events.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            try reader.read(String(line), lineNumber: index + 1)
        }
        return reader.documents
    }

    private mutating func read(_ line: String, lineNumber: Int) throws(Failure) {
        let code = line.prefix(4)
        var rest = Substring(line.dropFirst(4))
        switch code {
        case "+STR", "-STR":
            return
        case "+DOC":
            anchors.removeAll()
            root = nil
        case "-DOC":
            guard let root else { throw Failure(line: lineNumber, reason: "document without content") }
            documents.append(root)
            self.root = nil
        case "+SEQ", "+MAP":
            let (anchor, tag) = Self.properties(&rest)
            stack.append(code == "+SEQ" ? .sequence(items: [], tag: tag, anchor: anchor)
                                         : .mapping(pairs: [], pendingKey: nil, tag: tag, anchor: anchor))
        case "-SEQ", "-MAP":
            guard let open = stack.popLast() else { throw Failure(line: lineNumber, reason: "end without start") }
            switch open {
            case let .sequence(items, tag, anchor):
                try finish(.sequence(items, tag: tag), anchor: anchor, lineNumber: lineNumber)
            case let .mapping(pairs, pendingKey, tag, anchor):
                guard pendingKey == nil else { throw Failure(line: lineNumber, reason: "mapping ends after a key") }
                try finish(.mapping(pairs, tag: tag), anchor: anchor, lineNumber: lineNumber)
            }
        case "=VAL":
            let (anchor, tag) = Self.properties(&rest)
            guard rest.first == " ", let sigil = rest.dropFirst().first else { throw Failure(line: lineNumber, reason: "no value") }
            let style: YAMLScalar.Style
            switch sigil {
            case ":": style = .plain
            case "'": style = .singleQuoted
            case "\"": style = .doubleQuoted
            case "|": style = .literal
            case ">": style = .folded
            default: throw Failure(line: lineNumber, reason: "unknown scalar style \(sigil)")
            }
            let text = try Self.unescape(rest.dropFirst(2), lineNumber: lineNumber)
            try finish(.scalar(text: text, style: style, tag: tag), anchor: anchor, lineNumber: lineNumber)
        case "=ALI":
            let name = String(rest.drop { $0 == " " || $0 == "*" })
            guard let node = anchors[name] else { throw Failure(line: lineNumber, reason: "alias to unknown anchor \(name)") }
            try finish(node, anchor: nil, lineNumber: lineNumber)
        default:
            throw Failure(line: lineNumber, reason: "unknown event \(line)")
        }
    }

    /// Reads ` {}`/` []` (flow marker), ` &anchor` and ` <tag>` in any order.
    private static func properties(_ rest: inout Substring) -> (anchor: String?, tag: String?) {
        var anchor: String?
        var tag: String?
        while true {
            if rest.hasPrefix(" {}") || rest.hasPrefix(" []") {
                rest = rest.dropFirst(3)
            } else if rest.hasPrefix(" &") {
                let body = rest.dropFirst(2)
                let name = body.prefix { $0 != " " }
                anchor = String(name)
                rest = body.dropFirst(name.count)
            } else if rest.hasPrefix(" <"), let close = rest.firstIndex(of: ">") {
                tag = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])
                rest = rest[rest.index(after: close)...]
            } else {
                return (anchor, tag)
            }
        }
    }

    private static func unescape(_ text: Substring, lineNumber: Int) throws(Failure) -> String {
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "\\": result.append("\\")
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "b": result.append("\u{08}")
            case "0": result.append("\u{00}")
            default: throw Failure(line: lineNumber, reason: "unknown escape in \(text)")
            }
        }
        return result
    }

    private mutating func finish(_ node: ExpectedNode, anchor: String?, lineNumber: Int) throws(Failure) {
        if let anchor { anchors[anchor] = node }
        guard let top = stack.popLast() else {
            guard root == nil else { throw Failure(line: lineNumber, reason: "second root node") }
            root = node
            return
        }
        switch top {
        case .sequence(var items, let tag, let anchor):
            items.append(node)
            stack.append(.sequence(items: items, tag: tag, anchor: anchor))
        case .mapping(var pairs, let pendingKey, let tag, let anchor):
            if let key = pendingKey {
                pairs.append(ExpectedNode.Pair(key: key, value: node))
                stack.append(.mapping(pairs: pairs, pendingKey: nil, tag: tag, anchor: anchor))
            } else {
                stack.append(.mapping(pairs: pairs, pendingKey: node, tag: tag, anchor: anchor))
            }
        }
    }
}
