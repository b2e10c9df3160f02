import Foundation
import Planner

/// Prints manifest diagnostics in the chosen format. Text output quotes the offending source line
/// with a caret under the column, as compilers do, so the problem is seen without opening the file.
struct DiagnosticPrinter {
    var format: DiagnosticFormat
    /// File name (as in locations) to its text, for the source excerpts.
    var sources: [String: String]

    init(format: DiagnosticFormat, sources: [ManifestSource] = []) {
        self.format = format
        var texts: [String: String] = [:]
        for source in sources { texts[source.file] = String(decoding: source.data, as: UTF8.self) }
        self.sources = texts
    }

    /// Writes every diagnostic and, in text format, a closing count.
    func print(_ diagnostics: [Diagnostic], on terminal: Terminal, title: String) {
        switch format {
        case .text:
            let style = terminal.errorStyle
            for diagnostic in diagnostics { terminal.error(text(diagnostic, style: style)) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let files = Set(diagnostics.compactMap { $0.location?.file }).count
            if errors > 0 {
                terminal.error(style.red(style.bold("\(errors) error\(errors == 1 ? "" : "s")"))
                               + (files > 1 ? " in \(files) files" : "") + ".")
            }
        case .github:
            for diagnostic in diagnostics { terminal.write(githubAnnotation(diagnostic, title: title) + "\n") }
        case .json:
            terminal.write(Self.json(diagnostics).serialized() + "\n")
        }
    }

    /// `file:line:column: error: message`, the source line with a caret, and the hint.
    func text(_ diagnostic: Diagnostic, style: TerminalStyle) -> String {
        let label = diagnostic.severity == .error ? style.red(style.bold("error:")) : style.yellow(style.bold("warning:"))
        var text = ""
        if let location = diagnostic.location { text += style.bold("\(location):") + " " }
        text += "\(label) \(diagnostic.message)"
        if diagnostic.location != nil, !diagnostic.mayQuoteSource {
            text += "\n" + style.dim("  (source line not shown: it may hold a credential)")
        } else if let location = diagnostic.location, let line = sourceLine(location) {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            let expanded = SecretRedaction.redact(line.replacingOccurrences(of: "\t", with: " "))
            let caretColumn = min(max(location.column - 1, 0), expanded.count)
            text += "\n\(gutter) \(style.dim("|"))\n\(style.dim(number + " |")) \(expanded)\n\(gutter) \(style.dim("|")) "
                + String(repeating: " ", count: caretColumn) + style.red("^")
        }
        if let hint = diagnostic.hint {
            text += "\n" + (diagnostic.location == nil ? "" : " ") + style.cyan("= ") + hint
        }
        return text
    }

    private func sourceLine(_ location: SourceLocation) -> String? {
        guard let text = sources[location.file], location.line >= 1 else { return nil }
        // The line breaks libyaml counts: LF, CR, CRLF (one Character in Swift), NEL, LS, PS.
        let lines = text.split(omittingEmptySubsequences: false) { $0.isNewline && $0 != "\u{0B}" && $0 != "\u{0C}" }
        guard location.line <= lines.count else { return nil }
        let line = String(lines[location.line - 1])
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    /// A GitHub Actions workflow command; see "Workflow commands for GitHub Actions: Setting an error message".
    func githubAnnotation(_ diagnostic: Diagnostic, title: String) -> String {
        var properties: [String] = []
        if let location = diagnostic.location {
            properties += ["file=\(Self.escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)"]
        }
        properties.append("title=\(Self.escapeProperty(title))")
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += " (\(hint))" }
        let command = diagnostic.severity == .error ? "error" : "warning"
        return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))"
    }

    static func json(_ diagnostics: [Diagnostic]) -> JSONValue {
        .object([
            ("format_version", .integer(1)),
            ("valid", .bool(!diagnostics.contains { $0.severity == .error })),
            ("diagnostics", .array(diagnostics.map { diagnostic in
                var members: [(String, JSONValue)] = [("severity", .string(diagnostic.severity.rawValue))]
                if let location = diagnostic.location {
                    members += [("file", .string(location.file)), ("line", .integer(Int64(location.line))),
                                ("column", .integer(Int64(location.column)))]
                }
                members.append(("message", .string(diagnostic.message)))
                if let hint = diagnostic.hint { members.append(("hint", .string(hint))) }
                return .object(members)
            })),
        ])
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
