/// A command line after parsing: positionals in order, option values by long name.
struct ParsedArguments: Sendable {
    var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    init() {}

    mutating func add(_ value: String, for option: String) {
        values[option, default: []].append(value)
    }

    mutating func set(_ flag: String) {
        flags.insert(flag)
    }

    /// The value given for an option (a non-repeatable option may be given once).
    func value(_ name: String) -> String? {
        values[name]?.last
    }

    /// Every value of a repeatable option, in the order given.
    func values(_ name: String) -> [String] {
        values[name] ?? []
    }

    func flag(_ name: String) -> Bool {
        flags.contains(name)
    }

    /// The positional at `index`, or `defaultValue` when it was not given.
    func positional(_ index: Int, default defaultValue: String) -> String {
        index < positionals.count ? positionals[index] : defaultValue
    }

    /// A whole-number option within `range`, or nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), found `\(text)`")
        }
        return number
    }
}
