import Foundation
import Planner
import Providers

/// `reconcile apply [PATH | PLANFILE]`: makes the live accounts match the manifests (or a saved
/// plan), spend-safely, and reports call by call what succeeded, failed or was skipped.
struct ApplyCommand: Command {
    static let configuration = CommandConfiguration(
        name: "apply",
        abstract: "Execute the plan: make the live accounts match the manifests, and report every call.",
        discussion: """
        With a manifest folder or file, apply plans first (as `reconcile plan` would), prints the plan and
        executes it. On a terminal it asks for confirmation unless --yes is given; in a pipeline (stdin not
        a terminal) it proceeds. With a plan saved by `reconcile plan --out FILE`, it re-reads the
        resources the plan touches and refuses a plan that is stale, listing every address that changed.

        Actions run concurrently as far as their order allows: pauses and budget decreases first, new
        campaigns built dark and fully configured before anything serves, resumes last. A failed action's
        dependents are skipped (the report names the failure), so a campaign whose ad groups failed stays
        dark. A create whose answer was lost is looked up before anything is made again: no duplicates.
        Running apply again after a partial failure does only what is left.

        Ctrl-C or SIGTERM: nothing new starts, calls in flight get up to 30 seconds to finish, the report
        is written, and apply exits 130. A second Ctrl-C stops at once.

        Exit status: 0 every action succeeded (or nothing to do); 1 nothing was applied (invalid
        manifests, unsafe or stale plan, unreachable accounts, or every action failed); 3 partly applied
        (some actions succeeded, some failed or were skipped); 130 interrupted.
        """,
        positionals: [PositionalDefinition(name: "PATH", help: "Manifest folder or file, or a plan saved with `reconcile plan --out` (default: the current folder).")],
        options: [
            .value("report", "FILE", help: "Write the JSON report (every action, its calls and errors) to FILE."),
            .flag("json", help: "Print the JSON report on stdout instead of the text report (the plan goes to stderr)."),
            .value("parallelism", "N", help: "Actions in flight at once per provider (default: the provider's concurrency limit, 8 unless `limits:` says)."),
            .flag("yes", short: "y", help: "Do not ask for confirmation on a terminal."),
            .flag("allow-unsafe", help: "Apply a plan that breaks a safety threshold."),
            CommonOptions.provider,
            CommonOptions.target,
            CommonOptions.sandbox,
        ] + CommonOptions.output,
        examples: [
            ("reconcile apply --sandbox examples/manifests", "Apply the examples to the built-in simulators"),
            ("reconcile apply --yes --report report.json manifests/", "Apply in a deploy pipeline and keep the report"),
            ("reconcile plan --out plan.json manifests/ && reconcile apply plan.json", "Review a plan, then apply exactly it"),
        ])

    var path: String
    var reportFile: String?
    var json: Bool
    var parallelism: Int?
    var assumeYes: Bool
    var allowUnsafe: Bool
    var providers: [String]
    var targets: [ResourceAddress]
    var sandbox: Bool

    init(arguments: ParsedArguments) throws(UsageError) {
        path = arguments.positional(0, default: ".")
        reportFile = arguments.value("report")
        json = arguments.flag("json")
        parallelism = try arguments.integer("parallelism", in: 1...256)
        assumeYes = arguments.flag("yes")
        allowUnsafe = arguments.flag("allow-unsafe")
        providers = arguments.values("provider")
        sandbox = arguments.flag(CommonOptions.sandbox.name)
        var targets: [ResourceAddress] = []
        for text in arguments.values("target") {
            guard let address = ResourceAddress(parsing: text) else {
                throw UsageError("--target `\(text)` is not a resource address",
                                 hint: "write PROVIDER, PROVIDER/campaign/NAME or PROVIDER/campaign/NAME/adgroup/NAME (a `/` in a name is %2F)")
            }
            targets.append(address)
        }
        self.targets = targets
    }

    /// Whether PATH is a saved plan rather than manifests: a file that holds a JSON object.
    private var isSavedPlan: Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64)) ?? Data()
        return String(decoding: head, as: UTF8.self).drop { $0.isWhitespace }.first == "{"
    }

    func run(on terminal: Terminal) async -> ExitCode {
        // Checked before any call: an apply must not run without the report a pipeline asked to keep.
        if let reportFile, let problem = Self.unwritableReason(reportFile) {
            return fail("cannot write the report to \(reportFile): \(problem); nothing was applied", on: terminal,
                        hint: "create the folder, or give another --report path")
        }
        return isSavedPlan ? await applySavedPlan(on: terminal) : await applyManifests(on: terminal)
    }

    /// Why `file` cannot be written (its folder is missing or read-only, or it is a folder), or nil.
    static func unwritableReason(_ file: String) -> String? {
        let manager = FileManager.default
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "the folder \(folder) does not exist"
        }
        if manager.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue { return "it is a folder" }
        return manager.isWritableFile(atPath: folder) ? nil : "the folder \(folder) is not writable"
    }

    // MARK: From manifests

    private func applyManifests(on terminal: Terminal) async -> ExitCode {
        guard let input = ManifestInput.load(path, on: terminal, title: "reconcile apply") else { return .failure }
        do {
            return try await LiveConnection.using(for: input.manifest, sandbox: sandbox, terminal: terminal) { connection throws(SessionError) in
                let clients = try connection.clients(for: LiveConnection.providers(in: input.manifest, only: providers, targets: targets))
                let live = try await connection.fetch(input.manifest, clients: clients, terminal: terminal)
                let options = PlanOptions(today: PlanCommand.today(), providers: providers, targets: targets, allowUnsafe: allowUnsafe)
                guard let plan = input.plan(against: live, options: options, on: terminal, title: "reconcile apply") else { return .failure }
                return await execute(plan, clients: clients, on: terminal)
            }
        } catch {
            return fail(error.description, on: terminal)
        }
    }

    // MARK: From a saved plan

    private func applySavedPlan(on terminal: Terminal) async -> ExitCode {
        let plan: Plan
        do {
            plan = try Plan(contentsOf: path)
        } catch {
            return fail("\(error)", on: terminal)
        }
        if !providers.isEmpty || !targets.isEmpty {
            return fail("--provider and --target narrow a plan when it is made; a saved plan is applied as it was saved",
                        on: terminal, hint: "make the plan again with `reconcile plan --out` and those options")
        }
        let scope = SavedPlanScope.manifest(for: plan, file: path)
        do {
            return try await LiveConnection.using(for: scope, sandbox: sandbox, terminal: terminal) { connection throws(SessionError) in
                let clients = try connection.clients(for: scope.providers)
                let live = try await connection.fetch(scope, clients: clients, terminal: terminal)
                let drift = plan.drift(against: live)
                guard drift.isEmpty else {
                    let style = terminal.errorStyle
                    terminal.error("\(style.red(style.bold("error:"))) the plan in \(path) is stale: \(drift.count) resource\(drift.count == 1 ? "" : "s") changed since it was made, so nothing was applied:")
                    for change in drift { terminal.error("  - \(change)") }
                    terminal.error("Make a new plan (`reconcile plan --out \(path)`), review it, and apply that.")
                    return .failure
                }
                return await execute(plan, clients: clients, on: terminal)
            }
        } catch {
            return fail(error.description, on: terminal)
        }
    }

    // MARK: Executing

    private func execute(_ plan: Plan, clients: [any ProviderClient], on terminal: Terminal) async -> ExitCode {
        let style = terminal.errorStyle
        let planText = TextPlanRenderer(style: PlanCommand.renderStyle(json ? terminal.errorStyle : terminal.outputStyle)).render(plan)
        if json {
            terminal.note(planText.trimmingTrailingNewlines)
        } else if !terminal.quiet {
            terminal.write(planText)
        }
        if plan.safety.refuses {
            return fail(plan.safety.refusal, on: terminal)
        }
        guard !plan.actions.isEmpty else {
            return finish(ApplyReport(plan: plan, outcomes: [], interrupted: false, startedAt: Date(), finishedAt: Date()), on: terminal)
        }
        if terminal.isInteractive, !assumeYes {
            terminal.error(style.bold("\nApply these \(plan.actions.count) actions to the live accounts\(sandbox ? " (sandbox)" : "")?")
                           + " Only 'yes' is accepted:")
            guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                terminal.error("Apply cancelled; nothing was changed.")
                return .failure
            }
        }

        let interruption = ApplyInterruption()
        Task {
            let signal = await TerminationSignal.next()
            interruption.raise()
            terminal.error(style.yellow("\nInterrupted (\(signal == SIGTERM ? "SIGTERM" : "SIGINT")): starting nothing new, letting calls in flight finish (up to 30 s). Press Ctrl-C again to stop at once."))
        }
        var executors: [String: any ActionExecutor] = [:]
        var limits: [String: Int] = [:]
        for client in clients {
            executors[client.provider.alias] = client
            limits[client.provider.alias] = parallelism ?? ClientLimits.resolved(for: client.provider).concurrency
        }
        let printer = ApplyProgressPrinter(terminal: terminal)
        terminal.note(style.dim("Applying \(plan.actions.count) actions…"))
        let report = await PlanApplier(plan: plan, executors: executors, parallelism: limits, interruption: interruption,
                                       gracePeriod: .seconds(30), progress: { printer.report($0) }).run()
        return finish(report, on: terminal)
    }

    /// Prints and writes the report; the exit status follows from how the apply ended.
    private func finish(_ report: ApplyReport, on terminal: Terminal) -> ExitCode {
        let document = report.json().serialized() + "\n"
        if let reportFile {
            do {
                try Data(document.utf8).write(to: URL(fileURLWithPath: reportFile), options: .atomic)
            } catch {
                terminal.error("\(terminal.errorStyle.red("error:")) cannot write the report to \(reportFile): \(error.localizedDescription)")
            }
        }
        if json {
            terminal.write(document)
        } else {
            terminal.write((report.outcomes.isEmpty ? "" : "\n") + ApplyReportRenderer(style: PlanCommand.renderStyle(terminal.outputStyle)).render(report))
        }
        if !report.blocked.isEmpty {
            terminal.note("\(report.blocked.count) change\(report.blocked.count == 1 ? " is" : "s are") blocked (the API cannot make \(report.blocked.count == 1 ? "it" : "them")) and \(report.blocked.count == 1 ? "was" : "were") not attempted; the reasons are above.")
        }
        switch report.result {
        case .succeeded:
            return .success
        case .partlyApplied:
            terminal.note("Some changes were applied and some were not. Run apply again to retry what is left: it converges.")
            return .partiallyApplied
        case .nothingApplied:
            return .failure
        case .interrupted:
            terminal.note("Interrupted. Run apply again to finish what is left.")
            return .interrupted
        }
    }

    private func fail(_ message: String, on terminal: Terminal, hint: String? = nil) -> ExitCode {
        let style = terminal.errorStyle
        terminal.error("\(style.red(style.bold("error:"))) \(message)" + (hint.map { "\n  \($0)" } ?? ""))
        return .failure
    }
}
