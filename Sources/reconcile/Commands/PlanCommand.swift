import Foundation
import Planner

/// `reconcile plan [PATH]`: diffs the manifests against the live accounts and prints the ordered,
/// spend-safe plan, without changing anything.
struct PlanCommand: Command {
    static let configuration = CommandConfiguration(
        name: "plan",
        abstract: "Show the ordered, spend-safe changes that would make the live accounts match the manifests.",
        discussion: """
        Reads the manifests under PATH, compares them with the live accounts and prints every change
        apply would make, in the order it would make them: pauses and budget decreases first, then
        edits, then new campaigns built without serving, then budget increases, and resumes last.
        The daily-equivalent spend ceiling per provider comes first. Changes an API cannot make are
        listed as blocked, with the reason. Nothing is changed.

        A plan that breaks a safety threshold (share of live campaigns paused or edited, rise of the
        spend ceiling; see `safety:` in the manifests) is printed and then refused unless
        \(SafetyReport.overrideFlag) is given.

        Exit status: 0 on success; 1 on an error or a refused plan. With --detailed-exitcode: 0 when
        there is nothing to change, 2 when there are changes (actions or blocked changes), 1 on error.
        """,
        positionals: [PositionalDefinition(name: "PATH", help: "Manifest folder or file (default: the current folder).")],
        options: [
            .value("format", "FORMAT", choices: PlanFormat.allCases.map(\.rawValue),
                   help: "text (default): for people, coloured on a terminal. json: the versioned plan document. markdown: for a pull-request comment."),
            .value("out", "FILE", help: "Also save the plan (JSON, with fingerprints of the live state) to FILE for `reconcile apply FILE`."),
            .flag("detailed-exitcode", help: "Exit 0 when there are no changes, 2 when there are, 1 on error."),
            CommonOptions.provider,
            CommonOptions.target,
            .flag("allow-unsafe", help: "Do not refuse a plan that breaks a safety threshold (the violations are still shown)."),
            CommonOptions.sandbox,
            .value("live-state", "FILE",
                   help: "Plan against the live state in this JSON file instead of fetching the accounts (a testing aid; the format is in the README)."),
        ] + CommonOptions.output,
        examples: [
            ("reconcile plan manifests/", "See what apply would change"),
            ("reconcile plan --format markdown --detailed-exitcode manifests/ > plan.md", "Plan in a pull-request check"),
            ("reconcile plan --out plan.json --target 'nextroll-us/campaign/Spring Sale' manifests/", "Save a plan for one campaign"),
        ])

    var path: String
    var format: PlanFormat
    var outFile: String?
    var detailedExitCode: Bool
    var providers: [String]
    var targets: [ResourceAddress]
    var allowUnsafe: Bool
    var liveStateFile: String?
    var sandbox: Bool

    init(arguments: ParsedArguments) throws(UsageError) {
        path = arguments.positional(0, default: ".")
        format = arguments.value("format").flatMap(PlanFormat.init(rawValue:)) ?? .text
        outFile = arguments.value("out")
        detailedExitCode = arguments.flag("detailed-exitcode")
        providers = arguments.values("provider")
        var targets: [ResourceAddress] = []
        for text in arguments.values("target") {
            guard let address = ResourceAddress(parsing: text) else {
                throw UsageError("--target `\(text)` is not a resource address",
                                 hint: "write PROVIDER, PROVIDER/campaign/NAME or PROVIDER/campaign/NAME/adgroup/NAME (a `/` in a name is %2F)")
            }
            targets.append(address)
        }
        self.targets = targets
        allowUnsafe = arguments.flag("allow-unsafe")
        liveStateFile = arguments.value("live-state")
        sandbox = arguments.flag(CommonOptions.sandbox.name)
        if sandbox, liveStateFile != nil {
            throw UsageError("--sandbox and --live-state cannot be used together", hint: "--live-state plans against a file, --sandbox against the simulators")
        }
    }

    func run(on terminal: Terminal) async -> ExitCode {
        guard let input = ManifestInput.load(path, on: terminal, title: "reconcile plan") else { return .failure }
        let style = terminal.errorStyle
        func fail(_ message: String) -> ExitCode {
            terminal.error("\(style.red(style.bold("error:"))) \(message)")
            return .failure
        }

        let live: LiveState
        if let liveStateFile {
            do {
                live = try LiveState(contentsOf: liveStateFile)
            } catch {
                return fail("\(error)")
            }
        } else {
            do {
                live = try await LiveConnection.using(for: input.manifest, sandbox: sandbox, terminal: terminal) { connection throws(SessionError) in
                    let clients = try connection.clients(for: LiveConnection.providers(in: input.manifest, only: providers, targets: targets))
                    return try await connection.fetch(input.manifest, clients: clients, terminal: terminal)
                }
            } catch {
                return fail("\(error)")
            }
        }
        let options = PlanOptions(today: Self.today(), providers: providers, targets: targets, allowUnsafe: allowUnsafe)
        guard let plan = input.plan(against: live, options: options, on: terminal, title: "reconcile plan") else { return .failure }

        let rendered: String
        switch format {
        case .text: rendered = TextPlanRenderer(style: Self.renderStyle(terminal.outputStyle)).render(plan)
        case .markdown: rendered = MarkdownPlanRenderer().render(plan)
        case .json:
            do { rendered = try JSONPlanRenderer().render(plan) } catch { return fail("cannot write the plan as JSON: \(error)") }
        }
        terminal.write(rendered)

        if plan.safety.refuses {
            return fail(plan.safety.refusal)
        }
        if let outFile {
            do {
                try Data(try plan.jsonText().utf8).write(to: URL(fileURLWithPath: outFile))
            } catch {
                return fail("cannot write the plan to \(outFile): \(error.localizedDescription) (check that the folder exists and is writable)")
            }
            terminal.note("Saved the plan to \(outFile); apply it with `reconcile apply \(outFile)\(sandbox ? " --sandbox" : "")`.")
        }
        if format != .text { terminal.note(plan.summaryLine) }
        return detailedExitCode && plan.hasChanges ? .changesPresent : .success
    }

    /// Today in UTC, the day dates are compared against.
    static func today() -> CalendarDate { CalendarDate(utcDayOf: Date()) }

    /// The terminal's colours for the plan's roles.
    static func renderStyle(_ terminal: TerminalStyle) -> RenderStyle {
        RenderStyle { text, role in
            switch role {
            case .added: return terminal.green(text)
            case .changed: return terminal.yellow(text)
            case .removed, .blocked: return terminal.red(text)
            case .started: return terminal.cyan(text)
            case .heading: return terminal.bold(text)
            case .muted: return terminal.dim(text)
            }
        }
    }
}

/// How `reconcile plan` prints the plan.
enum PlanFormat: String, Sendable, CaseIterable {
    case text, json, markdown
}
