import Planner

/// Reads a command's arguments against its configuration: `--name value`, `--name=value`, `-q`,
/// `--` to end options, choices checked, unknown options answered with "did you mean".
enum ArgumentParser {
    /// What the user asked for: to run the command with these arguments, or to see its help.
    enum Outcome: Sendable {
        case run(ParsedArguments)
        case help
    }

    static func parse(_ arguments: [String], for configuration: CommandConfiguration) throws(UsageError) -> Outcome {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let option: OptionDefinition
            var inlineValue: String?
            if argument.hasPrefix("--") {
                var name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                guard let found = configuration.option(named: name) else {
                    throw unknownOption("--\(name)", configuration: configuration)
                }
                option = found
            } else {
                let letters = Array(argument.dropFirst())
                guard letters.count == 1, let found = configuration.option(short: letters[0]) else {
                    throw unknownOption(argument, configuration: configuration)
                }
                option = found
            }
            if option.name == CommonOptions.help.name { return .help }
            guard option.takesValue else {
                if inlineValue != nil { throw UsageError("--\(option.name) takes no value") }
                parsed.set(option.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError("--\(option.name) needs a value", hint: "give it as --\(option.name) \(option.valueName ?? "VALUE")")
            }
            if !option.choices.isEmpty, !option.choices.contains(value) {
                let suggestion = NameSuggester.suggestion(for: value, among: option.choices).map { "did you mean `\($0)`? " } ?? ""
                throw UsageError("--\(option.name) must be one of \(option.choices.joined(separator: ", ")); found `\(value)`",
                                 hint: suggestion.isEmpty ? nil : String(suggestion.dropLast()))
            }
            if !option.repeatable, parsed.value(option.name) != nil {
                throw UsageError("--\(option.name) was given more than once", hint: "give it once")
            }
            parsed.add(value, for: option.name)
        }
        if parsed.positionals.count > configuration.positionals.count {
            let extra = parsed.positionals[configuration.positionals.count]
            let expected = configuration.positionals.isEmpty
                ? "`reconcile \(configuration.name)` takes no arguments"
                : "`reconcile \(configuration.name)` takes at most \(configuration.positionals.count) argument\(configuration.positionals.count == 1 ? "" : "s") (\(configuration.positionals.map(\.name).joined(separator: ", ")))"
            throw UsageError("unexpected argument `\(extra)`: \(expected)",
                             hint: extra.contains(" ") ? nil : "quote paths that contain spaces")
        }
        return .run(parsed)
    }

    private static func unknownOption(_ written: String, configuration: CommandConfiguration) -> UsageError {
        let names = configuration.options.map { "--\($0.name)" }
        let hint = NameSuggester.suggestion(for: written, among: names).map { "did you mean `\($0)`?" }
            ?? "`reconcile help \(configuration.name)` lists its options"
        return UsageError("unknown option `\(written)` for `reconcile \(configuration.name)`", hint: hint)
    }
}
