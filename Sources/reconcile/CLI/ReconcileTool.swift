import Planner
import Foundation

/// The `reconcile` executable: picks the subcommand, parses its arguments, prints help and usage errors.
enum ReconcileTool {
    static let version = "0.1.0"

    /// Every subcommand, in the order `reconcile --help` lists them.
    static let commands: [any Command.Type] = [
        ValidateCommand.self,
        PlanCommand.self,
        ApplyCommand.self,
        ImportCommand.self,
        SandboxCommand.self,
        SchemaCommand.self,
    ]

    static func main(_ arguments: [String]) async -> ExitCode {
        let plain = Terminal.current(arguments: ParsedArguments())
        guard let first = arguments.first else {
            plain.error(overview(style: plain.errorStyle))
            return .failure
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1 {
                guard let command = command(named: arguments[1]) else { return unknownCommand(arguments[1], on: plain) }
                plain.write(HelpFormatter.help(for: command.configuration, style: plain.outputStyle))
                return .success
            }
            plain.write(overview(style: plain.outputStyle))
            return .success
        case "--version":
            plain.write("reconcile \(version)\n")
            return .success
        default:
            guard let command = command(named: first) else { return unknownCommand(first, on: plain) }
            return await run(command, Array(arguments.dropFirst()))
        }
    }

    private static func run(_ command: any Command.Type, _ arguments: [String]) async -> ExitCode {
        let configuration = command.configuration
        let plain = Terminal.current(arguments: ParsedArguments())
        do {
            switch try ArgumentParser.parse(arguments, for: configuration) {
            case .help:
                plain.write(HelpFormatter.help(for: configuration, style: plain.outputStyle))
                return .success
            case .run(let parsed):
                let terminal = Terminal.current(arguments: parsed)
                let instance = try command.init(arguments: parsed)
                return await instance.run(on: terminal)
            }
        } catch {
            let style = plain.errorStyle
            plain.error("\(style.red(style.bold("error:"))) \(error)")
            plain.error("Usage: \(configuration.usage)\nSee `reconcile help \(configuration.name)`.")
            return .failure
        }
    }

    private static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.configuration.name == name }
    }

    private static func unknownCommand(_ name: String, on terminal: Terminal) -> ExitCode {
        let names = commands.map { $0.configuration.name }
        let style = terminal.errorStyle
        var message = "\(style.red(style.bold("error:"))) unknown command `\(name)`"
        if let suggestion = NameSuggester.suggestion(for: name, among: names) { message += " (did you mean `\(suggestion)`?)" }
        terminal.error(message)
        terminal.error("Commands: \(names.joined(separator: ", ")). See `reconcile --help`.")
        return .failure
    }

    static func overview(style: TerminalStyle) -> String {
        var text = """
        \(style.bold("reconcile")) \(version): campaigns-as-code for NextRoll, Criteo, Topsort and Jivox.

        Keep campaigns, ad groups, segments, geo targets and budgets in YAML manifests; `plan` diffs
        them against the live accounts and prints an ordered, spend-safe plan; `apply` executes it and
        reports call by call what succeeded, failed or was skipped.

        \(style.bold("USAGE:")) reconcile COMMAND [ARGUMENTS] [OPTIONS]

        \(style.bold("COMMANDS:"))

        """
        let width = (commands.map { $0.configuration.name.count }.max() ?? 0) + 2
        for command in commands {
            let name = command.configuration.name
            text += "  " + name + String(repeating: " ", count: width - name.count) + command.configuration.abstract + "\n"
        }
        text += """

        \(style.bold("EXIT CODES:"))
          0    success (plan --detailed-exitcode: no changes)
          1    error; nothing was changed (invalid manifests, unsafe or stale plan, unreachable accounts)
          2    plan --detailed-exitcode: there are changes
          3    apply: partly applied (some actions failed or were skipped; run apply again)
          130  apply interrupted (SIGINT/SIGTERM); the report was written

        Run `reconcile help COMMAND` (or `reconcile COMMAND --help`) for a command's options.
        `reconcile --version` prints the version.

        """
        return text
    }
}
