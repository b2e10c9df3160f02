/// Options several commands share, defined once so they read and behave the same everywhere.
enum CommonOptions {
    static let help = OptionDefinition.flag("help", short: "h", help: "Show help for this command.")
    static let noColor = OptionDefinition.flag(
        "no-color", help: "Never colour output. Colour is used only on a terminal, and never when NO_COLOR is set.")
    static let quiet = OptionDefinition.flag("quiet", short: "q", help: "Print only errors and machine output; no progress or summaries.")
    static let provider = OptionDefinition.value(
        "provider", "ALIAS", repeatable: true, help: "Only this provider alias (repeatable).")
    static let target = OptionDefinition.value(
        "target", "ADDRESS", repeatable: true,
        help: "Only this resource address and what it contains, such as `nextroll-us/campaign/Spring Sale` (repeatable).")
    static let sandbox = OptionDefinition.flag(
        "sandbox", help: "Run against the built-in simulators of the four platforms instead of the real APIs; state is kept in .reconcile/sandbox.json.")

    /// The options that shape terminal output.
    static let output = [noColor, quiet]
}
