/// What a command is called, what it does and what it accepts: drives parsing and help alike.
struct CommandConfiguration: Sendable {
    var name: String
    /// One line, shown in the command list.
    var abstract: String
    /// The paragraphs shown under the usage line of `reconcile help NAME`.
    var discussion: String
    var positionals: [PositionalDefinition]
    var options: [OptionDefinition]
    /// Example invocations with a comment each, shown at the end of the help.
    var examples: [(command: String, comment: String)]

    init(name: String, abstract: String, discussion: String = "", positionals: [PositionalDefinition] = [],
         options: [OptionDefinition] = [], examples: [(command: String, comment: String)] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.positionals = positionals
        self.options = options + [CommonOptions.help]
        self.examples = examples
    }

    /// `reconcile validate [PATH] [options]`.
    var usage: String {
        var parts = ["reconcile", name]
        parts += positionals.map { "[\($0.name)]" }
        if options.count > 1 { parts.append("[options]") }
        return parts.joined(separator: " ")
    }

    func option(named name: String) -> OptionDefinition? {
        options.first { $0.name == name }
    }

    func option(short: Character) -> OptionDefinition? {
        options.first { $0.shortName == short }
    }
}
