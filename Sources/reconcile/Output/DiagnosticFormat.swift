/// How diagnostics are printed: for people, as GitHub Actions annotations, or as JSON.
enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `file:line:column: error: message`, with the source line and a caret, on stderr.
    case text
    /// `::error file=…,line=…,col=…::message` workflow commands on stdout, which GitHub shows on the pull request.
    case github
    /// One JSON document on stdout.
    case json
}
