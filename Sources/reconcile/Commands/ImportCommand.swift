import Foundation
import Planner
import Providers

/// `reconcile import --provider ALIAS [--account ID] [PATH]`: prints one provider account's live state
/// as manifest YAML that validates and that, planned again, changes nothing.
struct ImportCommand: Command {
    static let configuration = CommandConfiguration(
        name: "import",
        abstract: "Print a provider account's live state as manifest YAML, to start managing it with reconcile.",
        discussion: """
        Reads the provider block ALIAS from the manifests under PATH (for its platform, account, currency,
        endpoint and credential variables), fetches that account, and prints it on stdout as a manifest:
        the provider block, then every campaign with its ad groups, the segments, or the retail campaigns.
        Saved as a file and planned, it shows no changes.

        Values are written as a manifest declares them to match what the platform stores: money exactly at
        its currency's precision, NextRoll's weekly budget shown daily as the daily amount, text quoted
        wherever YAML could misread it (`NO`, `2026.10`, `007`). Campaigns are pinned with `id:` where their
        name would not find them again. What a manifest cannot hold exactly (two ad groups sharing a name,
        a weekly budget no daily amount makes) is left out, listed on stderr and as comments at the top of
        the YAML, and stays unmanaged. Jivox cannot list retail campaigns: those the manifests name are
        written. `prune:` is not carried over.

        Exit status: 0 on success; 1 on an error (nothing is printed on stdout then).
        """,
        positionals: [PositionalDefinition(name: "PATH", help: "Manifest folder or file that declares the provider block (default: the current folder).")],
        options: [
            .value("provider", "ALIAS", help: "The provider block whose account to import (required)."),
            .value("account", "ID", help: "Import this account instead of the block's own (advertisable, advertiser, vendor or account id)."),
            CommonOptions.sandbox,
        ] + CommonOptions.output,
        examples: [
            ("reconcile import --provider nextroll-us > manifests/nextroll-us.yaml", "Start managing an existing account"),
            ("reconcile import --provider criteo-eu --account 67890 manifests/", "Import another advertiser with the same settings"),
            ("reconcile import --provider jivox-main --sandbox examples/manifests", "Try it against the built-in simulators"),
        ])

    var path: String
    var alias: String
    var account: String?
    var sandbox: Bool

    init(arguments: ParsedArguments) throws(UsageError) {
        path = arguments.positional(0, default: ".")
        guard let alias = arguments.value("provider"), !alias.isEmpty else {
            throw UsageError("import needs --provider ALIAS", hint: "name the provider block whose account to import, such as --provider nextroll-us")
        }
        self.alias = alias
        account = arguments.value("account")
        if account?.isEmpty == true { throw UsageError("--account needs an account id") }
        sandbox = arguments.flag(CommonOptions.sandbox.name)
    }

    func run(on terminal: Terminal) async -> ExitCode {
        let title = "reconcile import"
        guard let input = ManifestInput.load(path, on: terminal, title: title) else { return .failure }
        let style = terminal.errorStyle
        func fail(_ message: String) -> ExitCode {
            terminal.error("\(style.red(style.bold("error:"))) \(message)")
            return .failure
        }
        guard var provider = input.manifest.provider(alias) else {
            let aliases = input.manifest.providers.map(\.alias)
            let hint = NameSuggester.suggestion(for: alias, among: aliases).map { "did you mean `\($0)`?" }
                ?? (aliases.isEmpty ? "declare it under `providers:`" : "the manifests declare " + aliases.map { "`\($0)`" }.joined(separator: ", "))
            return fail("no provider block `\(alias)` in the manifests at \(path)\n  \(hint)")
        }
        if let account { provider.account = account }
        let scope = Self.scope(input.manifest, provider: provider)
        if provider.kind == .jivox, scope.retailCampaigns.isEmpty {
            terminal.note("note: Jivox cannot list retail campaigns, and the manifests name none for `\(alias)`: only the provider block is written.")
        }

        let live: LiveAccount
        do {
            live = try await LiveConnection.using(for: scope, sandbox: sandbox, terminal: terminal) { connection throws(SessionError) in
                let clients = try connection.clients(for: [provider])
                let state = try await connection.fetch(scope, clients: clients, terminal: terminal)
                guard let account = state[provider.alias] else { throw SessionError("the \(provider.kind.displayName) client returned no account for `\(alias)`") }
                return account
            }
        } catch {
            return fail("\(error)")
        }

        let imported: ImportedManifest
        do {
            imported = try ManifestWriter().write(live, provider: provider)
        } catch {
            return fail("\(error)")
        }
        if let problem = Self.replanProblem(imported, live: live) {
            return fail("the imported manifest would not plan empty: \(problem)\n  this is a bug in reconcile import; please report it with the account's shape")
        }
        terminal.write(imported.yaml)
        for note in imported.notes {
            terminal.note("\(style.yellow("note:")) \(note)")
        }
        terminal.note("Imported \(live.campaigns.count) campaign\(live.campaigns.count == 1 ? "" : "s")"
                      + (live.segments.isEmpty ? "" : ", \(live.segments.count) segment\(live.segments.count == 1 ? "" : "s")")
                      + (live.retailCampaigns.isEmpty ? "" : ", \(live.retailCampaigns.count) retail campaign\(live.retailCampaigns.count == 1 ? "" : "s")")
                      + " from `\(alias)`\(imported.notes.isEmpty ? "" : " (\(imported.notes.count) note\(imported.notes.count == 1 ? "" : "s") above)").")
        return .success
    }

    /// The manifest the fetch reads for: this one provider block, and the segments and retail
    /// campaigns the manifests name on it (Jivox cannot list retail campaigns; the sandbox provisions
    /// what is named).
    static func scope(_ manifest: Manifest, provider: ProviderConfig) -> Manifest {
        Manifest(providers: [provider], campaigns: manifest.campaigns.filter { $0.provider == provider.alias },
                 segments: manifest.segments.filter { $0.provider == provider.alias },
                 retailCampaigns: manifest.retailCampaigns.filter { $0.provider == provider.alias }, files: manifest.files)
    }

    /// Checks the promise of import before printing: the YAML loads, and planned against the account it
    /// came from, gives no action and no blocked change. Nil when it holds.
    static func replanProblem(_ imported: ImportedManifest, live: LiveAccount) -> String? {
        do {
            let manifest = try ManifestLoader().load([ManifestSource(file: "imported.yaml", data: Data(imported.yaml.utf8))])
            let plan = try PlanBuilder.plan(manifest, live: LiveState(accounts: [live]), options: PlanOptions(today: PlanCommand.today()))
            guard !plan.hasChanges else {
                return (plan.actions.map { "\($0.id)" } + plan.blocked.map { "\($0.kind) \($0.address) (blocked)" }).joined(separator: ", ")
            }
            return nil
        } catch let error as ManifestError {
            return error.diagnostics.map(\.description).joined(separator: "; ")
        } catch let error as PlanningError {
            return error.problems.map(\.diagnostic.description).joined(separator: "; ")
        } catch {
            return "\(error)"
        }
    }
}
