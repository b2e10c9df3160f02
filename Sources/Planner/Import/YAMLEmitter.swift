/// Writes `YAMLOutput` values as YAML text: block style for the document's structure, flow style
/// (`{ amount: 100.00, period: daily }`, `[A, B]`) for small values that fit on one line, and text
/// scalars plain only when no YAML reader could take them for anything but that text.
struct YAMLEmitter {
    /// Flow collections longer than this are written in block style.
    static let flowWidth = 100

    private(set) var text = ""

    /// Writes `line` as a comment; characters YAML reads as line breaks (which would end the comment)
    /// and other control characters become spaces.
    mutating func comment(_ line: String) {
        let flat = String(String.UnicodeScalarView(line.unicodeScalars.map { Self.isControl($0) ? " " : $0 }))
        text += "#" + (flat.isEmpty ? "" : " " + flat) + "\n"
    }

    /// C0 and C1 controls, DEL, the line and paragraph separators, and the byte-order mark.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }

    mutating func blankLine() {
        text += "\n"
    }

    /// Writes `key: value` at `indent` spaces. The first `blockLevels` levels of mappings and sequences
    /// are written in block style even when they would fit on a line (a document's sections, the provider
    /// blocks); with `blockItems`, so are the mappings in a sequence (a manifest's campaigns read best so).
    mutating func entry(_ key: String, _ value: YAMLOutput, indent: Int = 0, blockLevels: Int = 0, blockItems: Bool = false) {
        let block = blockLevels > 0
        let pad = String(repeating: " ", count: indent)
        let head = pad + Self.scalar(key) + ":"
        switch value {
        case .text, .plain:
            text += head + " " + Self.flow(value) + "\n"
        case .map(let entries):
            if !block, let flow = Self.flowIfShort(value, prefix: head) {
                text += head + " " + flow + "\n"
            } else {
                text += head + "\n"
                for entry in entries { self.entry(entry.key, entry.value, indent: indent + 2, blockLevels: blockLevels - 1) }
            }
        case .list(let items):
            if !block, !blockItems, let flow = Self.flowIfShort(value, prefix: head) {
                text += head + " " + flow + "\n"
            } else {
                text += head + "\n"
                for item in items { listItem(item, indent: indent + 2, block: blockItems) }
            }
        }
    }

    /// Writes `- item` at `indent` spaces; a mapping's first entry shares the dash's line.
    mutating func listItem(_ value: YAMLOutput, indent: Int, block: Bool = false) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .map(let entries) where !entries.isEmpty:
            if !block, let flow = Self.flowIfShort(value, prefix: pad + "- ") {
                text += pad + "- " + flow + "\n"
                return
            }
            var first = YAMLEmitter()
            first.entry(entries[0].key, entries[0].value, indent: indent + 2)
            text += pad + "- " + first.text.dropFirst(indent + 2)
            for entry in entries.dropFirst() { self.entry(entry.key, entry.value, indent: indent + 2) }
        case .list where Self.flowIfShort(value, prefix: pad + "- ") == nil:
            // A nested block sequence starts on its own line below the dash.
            text += pad + "-\n"
            if case .list(let items) = value { for item in items { listItem(item, indent: indent + 2) } }
        default:
            text += pad + "- " + Self.flow(value) + "\n"
        }
    }

    private static func flowIfShort(_ value: YAMLOutput, prefix: String) -> String? {
        let flow = flow(value)
        return prefix.count + 1 + flow.count <= flowWidth ? flow : nil
    }

    /// The value in flow style, on one line.
    static func flow(_ value: YAMLOutput) -> String {
        switch value {
        case .text(let text): return scalar(text)
        case .plain(let text): return text
        case .map(let entries):
            guard !entries.isEmpty else { return "{}" }
            return "{ " + entries.map { scalar($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + " }"
        case .list(let items):
            return "[" + items.map(flow).joined(separator: ", ") + "]"
        }
    }

    // MARK: Scalars

    /// Words YAML 1.1 or 1.2 readers take for booleans or null, in any case.
    static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"]

    /// `text` as a YAML scalar that every reader takes for exactly this text: plain when it is an
    /// ordinary word or phrase, double-quoted otherwise (`"NO"`, `"2026.10"`, `"007"`, `"a: b"`, `"#1"`).
    static func scalar(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// Plain only when it starts with an ASCII letter, holds only letters, digits, spaces and `_-./()+@&'`,
    /// does not end in a space, and is not a word YAML reads as a boolean or null. That leaves out every
    /// number, date, indicator (`-`, `?`, `:`, `#`, `&`, `*`, `!`, `|`, `>`, `%`, `@`, `` ` ``, quotes at the
    /// start), flow character (`,[]{}`) and `: ` or ` #` inside.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              text.unicodeScalars.last != " ", !reservedWords.contains(text.lowercased()) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " _-./()+@&'".unicodeScalars.contains(scalar))
        }
    }

    /// A double-quoted scalar: `"` and `\` escaped, and every control or line-breaking character written
    /// as an escape, so the text survives exactly.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            default:
                if Self.isControl(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
