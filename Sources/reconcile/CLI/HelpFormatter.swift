/// Formats `reconcile help COMMAND`: abstract, usage, discussion, arguments, options, examples.
enum HelpFormatter {
    static func help(for configuration: CommandConfiguration, style: TerminalStyle) -> String {
        var text = "\(configuration.abstract)\n\n\(style.bold("USAGE:")) \(configuration.usage)\n"
        if !configuration.discussion.isEmpty {
            text += "\n" + configuration.discussion.trimmingTrailingNewlines + "\n"
        }
        let rows = configuration.positionals.map { ($0.name, $0.help) }
        if !rows.isEmpty {
            text += "\n\(style.bold("ARGUMENTS:"))\n" + table(rows)
        }
        text += "\n\(style.bold("OPTIONS:"))\n" + table(configuration.options.map { ($0.synopsis, $0.help) })
        if !configuration.examples.isEmpty {
            text += "\n\(style.bold("EXAMPLES:"))\n"
            for example in configuration.examples {
                text += "  # \(example.comment)\n  \(example.command)\n"
            }
        }
        return text
    }

    /// Two columns, the second wrapped at 100 characters and aligned.
    private static func table(_ rows: [(String, String)]) -> String {
        let width = min(30, (rows.map(\.0.count).max() ?? 0) + 2)
        var text = ""
        for (left, right) in rows {
            let lines = wrap(right, width: max(40, 100 - width - 2))
            let padding = left.count + 2 <= width ? String(repeating: " ", count: width - left.count) : "\n" + String(repeating: " ", count: width + 2)
            text += "  " + left + padding + (lines.first ?? "") + "\n"
            for line in lines.dropFirst() {
                text += String(repeating: " ", count: width + 2) + line + "\n"
            }
        }
        return text
    }

    private static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
