/// The lines of the manifests that may hold a credential pasted by mistake, so that no message
/// quotes them: every line of a provider block's `credentials` value, and of the value of any key
/// in a provider block that is not a known setting (a misspelt `credentails:` may hold secrets too).
struct SecretLines: Sendable {
    private var lines: [String: Set<Int>] = [:]

    /// Provider-block keys whose values are settings, never secrets.
    private static let settingKeys = Set(ManifestSchema.provider.properties.map(\.name)).subtracting(["credentials"])

    init(_ documents: [YAMLTree]) {
        for document in documents {
            guard let providersBlock = document.value(document.root, forKey: "providers"),
                  let providers = document.entries(providersBlock) else { continue }
            for provider in providers {
                guard let entries = document.entries(provider.value) else {
                    // A provider written as a scalar or list is malformed; treat all of it as possibly secret.
                    add(provider.value, of: document, from: document.nodes[provider.key].mark.line)
                    continue
                }
                for entry in entries {
                    if let key = document.text(entry.key), Self.settingKeys.contains(key) { continue }
                    add(entry.value, of: document, from: document.nodes[entry.key].mark.line)
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
    private mutating func add(_ node: Int, of document: YAMLTree, from first: Int) {
        var last = max(first, document.nodes[node].mark.line)
        var pending = [node]
        while let next = pending.popLast() {
            let line = document.nodes[next].mark.line
            last = max(last, line)
            switch document.kind(next) {
            case .scalar:
                // A multi-line scalar (block or folded) runs on past its first line.
                let text = document.text(next) ?? ""
                let style = document.nodes[next].style
                let breaks = text.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
                last = max(last, line + breaks + (style == .literal || style == .folded ? 1 : 0))
            case .sequence:
                pending += document.items(next) ?? []
            case .mapping:
                for entry in document.entries(next) ?? YAMLTree.Entries(children: []) { pending += [entry.key, entry.value] }
            }
        }
        lines[document.file, default: []].formUnion(first...last)
    }
}
