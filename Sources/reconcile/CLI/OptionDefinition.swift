/// One option a command accepts: `--format FORMAT`, a repeatable `--target ADDRESS`, or a flag such as `--quiet`.
struct OptionDefinition: Sendable {
    /// The long name without dashes: `format`.
    var name: String
    /// A one-letter alias without the dash: `q` for `-q`.
    var shortName: Character?
    /// The placeholder shown in help (`FILE`); nil for a flag that takes no value.
    var valueName: String?
    /// The values the option accepts, when it is a choice.
    var choices: [String]
    /// Whether the option may be given more than once (its values are collected in order).
    var repeatable: Bool
    var help: String

    /// A flag that takes no value.
    static func flag(_ name: String, short: Character? = nil, help: String) -> OptionDefinition {
        OptionDefinition(name: name, shortName: short, valueName: nil, choices: [], repeatable: false, help: help)
    }

    /// An option with a value.
    static func value(_ name: String, _ valueName: String, short: Character? = nil, choices: [String] = [],
                      repeatable: Bool = false, help: String) -> OptionDefinition {
        OptionDefinition(name: name, shortName: short, valueName: valueName, choices: choices, repeatable: repeatable, help: help)
    }

    var takesValue: Bool { valueName != nil }

    /// `-q, --quiet` or `--format text|json`, as shown in help.
    var synopsis: String {
        var text = shortName.map { "-\($0), " } ?? ""
        text += "--\(name)"
        if let valueName { text += " " + (choices.isEmpty ? valueName : choices.joined(separator: "|")) }
        return text
    }
}

/// A positional argument: shown in help, at most `maximumCount` of them.
struct PositionalDefinition: Sendable {
    var name: String
    var help: String
}
