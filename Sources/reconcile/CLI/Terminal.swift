import Foundation

/// Where the tool writes: machine output and results on stdout; diagnostics, progress and
/// summaries on stderr. Colour only on a terminal, never with `NO_COLOR` or `--no-color`.
struct Terminal: Sendable {
    /// Whether stdout gets ANSI colour.
    var colorsStandardOutput: Bool
    /// Whether stderr gets ANSI colour.
    var colorsStandardError: Bool
    /// With `--quiet`: no progress and no summaries, only errors and machine output.
    var quiet: Bool
    /// Whether stdin and stderr are a terminal a person can answer prompts on.
    var isInteractive: Bool

    /// The terminal as this process sees it, shaped by `--no-color` and `--quiet`.
    static func current(arguments: ParsedArguments, environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        // https://no-color.org: any non-empty NO_COLOR disables colour; TERM=dumb cannot show it.
        let colourAllowed = !arguments.flag(CommonOptions.noColor.name)
            && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        return Terminal(colorsStandardOutput: colourAllowed && isatty(STDOUT_FILENO) == 1,
                        colorsStandardError: colourAllowed && isatty(STDERR_FILENO) == 1,
                        quiet: arguments.flag(CommonOptions.quiet.name),
                        isInteractive: isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1)
    }

    /// Writes to stdout as is (add the newline yourself).
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes a line to stderr.
    func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes a line to stderr unless `--quiet`: progress and summaries meant for people.
    func note(_ text: String) {
        guard !quiet else { return }
        error(text)
    }

    /// Styles for stdout text.
    var outputStyle: TerminalStyle { TerminalStyle(enabled: colorsStandardOutput) }
    /// Styles for stderr text.
    var errorStyle: TerminalStyle { TerminalStyle(enabled: colorsStandardError) }
}
