import Planner

/// `reconcile validate [PATH]`: checks manifests without any network call.
struct ValidateCommand: Command {
    static let configuration = CommandConfiguration(
        name: "validate",
        abstract: "Check manifests: YAML, keys, types, references and every provider rule. No network.",
        discussion: """
        Reads every *.yaml and *.yml file under PATH (a folder, searched recursively, or one file) and
        reports every problem at once, each with file:line:column, what was expected, what was found and,
        for misspelt keys and values, what was probably meant. Nothing is sent to any platform.

        Exit status: 0 when the manifests are valid, 1 when they are not (or cannot be read).
        """,
        positionals: [PositionalDefinition(name: "PATH", help: "Manifest folder or file (default: the current folder).")],
        options: [
            .value("format", "FORMAT", choices: DiagnosticFormat.allCases.map(\.rawValue),
                   help: "text (default): for people, on stderr. github: ::error annotations on stdout for GitHub Actions pull-request checks. json: one JSON document on stdout."),
        ] + CommonOptions.output,
        examples: [
            ("reconcile validate examples/manifests", "Check the example manifests"),
            ("reconcile validate --format github manifests/", "Annotate a pull request in GitHub Actions"),
        ])

    var path: String
    var format: DiagnosticFormat

    init(arguments: ParsedArguments) throws(UsageError) {
        path = arguments.positional(0, default: ".")
        format = arguments.value("format").flatMap(DiagnosticFormat.init(rawValue:)) ?? .text
    }

    func run(on terminal: Terminal) async -> ExitCode {
        let sources: [ManifestSource]
        do {
            sources = try ManifestSource.files(at: path)
        } catch {
            DiagnosticPrinter(format: format).print(error.diagnostics, on: terminal, title: "reconcile validate")
            return .failure
        }
        let printer = DiagnosticPrinter(format: format, sources: sources)
        do {
            let manifest = try ManifestLoader().load(sources)
            switch format {
            case .text:
                let style = terminal.errorStyle
                terminal.note(style.green("✓") + " " + Self.summary(of: manifest))
            case .github:
                break
            case .json:
                printer.print([], on: terminal, title: "reconcile validate")
            }
            return .success
        } catch {
            printer.print(error.diagnostics, on: terminal, title: "reconcile validate")
            return .failure
        }
    }

    /// "Valid: 4 files, 4 providers, 7 campaigns with 5 ad groups, 2 segments, 1 retail campaign."
    static func summary(of manifest: Manifest) -> String {
        func count(_ number: Int, _ noun: String, _ plural: String? = nil) -> String {
            "\(number) \(number == 1 ? noun : (plural ?? noun + "s"))"
        }
        let adGroups = manifest.campaigns.reduce(0) { $0 + $1.adGroups.count }
        var parts = [count(manifest.files.count, "file"), count(manifest.providers.count, "provider"),
                     count(manifest.campaigns.count, "campaign") + (adGroups > 0 ? " with " + count(adGroups, "ad group") : "")]
        if !manifest.segments.isEmpty { parts.append(count(manifest.segments.count, "segment")) }
        if !manifest.retailCampaigns.isEmpty { parts.append(count(manifest.retailCampaigns.count, "retail campaign")) }
        return "Valid: " + parts.joined(separator: ", ") + "."
    }
}
