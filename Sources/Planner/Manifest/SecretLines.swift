/// The lines of the manifests that may hold a credential pasted by mistake, so that no message
/// quotes them: every line of a provider block's `credentials` value, and of the value of any key
/// in a provider block that is not a known setting (a misspelt `credentails:` may hold secrets too).
struct SecretLines: Sendable {
    private var lines: [String: Set<Int>] = [:]

    /// Provider-block keys whose values are settings, never secrets.
    private static let settingKeys = Set(ManifestSchema.provider.properties.map(\.name)).subtracting(["credentials"])

    init(_ documents: [YAMLNode]) {
        for document in documents {
            guard let providers = document["providers"]?.mapping else { continue }
            for provider in providers {
                guard let entries = provider.value.mapping else {
                    // A provider written as a scalar or list is malformed; treat all of it as possibly secret.
                    add(provider.value, from: provider.key.location.line)
                    continue
                }
                for entry in entries {
                    if let key = entry.key.scalar?.text, Self.settingKeys.contains(key) { continue }
                    add(entry.value, from: entry.key.location.line)
                }
            }
        }
    }

    /// The diagnostic, with `mayQuoteSource` false when its line may hold a secret.
    func marking(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let location = diagnostic.location, lines[location.file]?.contains(location.line) == true else { return diagnostic }
        var marked = diagnostic
        marked.mayQuoteSource = false
        return marked
    }

    /// Every line from `first` to the last line any part of `node` was written on.
    private mutating func add(_ node: YAMLNode, from first: Int) {
        var last = max(first, node.location.line)
        var pending = [node]
        while let next = pending.popLast() {
            last = max(last, next.location.line)
            switch next.content {
            case .scalar(let scalar):
                // A multi-line scalar (block or folded) runs on past its first line.
                let breaks = scalar.text.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
                last = max(last, next.location.line + breaks + (scalar.style == .literal || scalar.style == .folded ? 1 : 0))
            case .sequence(let items):
                pending += items
            case .mapping(let entries):
                for entry in entries { pending += [entry.key, entry.value] }
            }
        }
        lines[node.location.file, default: []].formUnion(first...last)
    }
}
