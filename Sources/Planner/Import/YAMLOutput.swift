/// A YAML value to write: text (quoted when YAML could read it as something else), a plain scalar
/// written as given (numbers, booleans, dates), a mapping with keys in order, or a sequence.
indirect enum YAMLOutput: Sendable, Hashable {
    case text(String)
    case plain(String)
    case map([Entry])
    case list([YAMLOutput])

    struct Entry: Sendable, Hashable {
        var key: String
        var value: YAMLOutput

        init(_ key: String, _ value: YAMLOutput) {
            self.key = key
            self.value = value
        }
    }

    static func integer(_ value: Int) -> YAMLOutput { .plain(String(value)) }
    static func boolean(_ value: Bool) -> YAMLOutput { .plain(value ? "true" : "false") }
    static func texts(_ values: [String]) -> YAMLOutput { .list(values.map(YAMLOutput.text)) }
}
