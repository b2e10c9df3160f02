import Foundation

/// Checks YAML nodes (of a loaded `YAMLTree`) against the manifest schema and returns typed, located values.
///
/// Every problem becomes a `Diagnostic`; checking goes on past errors so that all of them are
/// reported together. A value that fails its check is left out of the result.
public struct SchemaChecker {
    /// Provider aliases declared anywhere in the manifests, with their types.
    public var providerKinds: [String: ProviderKind]
    /// Provider aliases declared with a missing or unknown `type`. Resources on them are not checked
    /// against a type and not reported as undeclared: the provider block's own error says what is wrong.
    public var aliasesOfUnknownType: Set<String> = []
    /// Manifest files that could not be read as YAML (their error is reported on its own). A resource
    /// whose alias is written in one of them is not reported as undeclared: the alias is most likely
    /// declared there, and one YAML mistake must not bury the manifests under false errors.
    public var unreadableSources: [ManifestSource] = []
    public private(set) var diagnostics: [Diagnostic] = []

    public init(providerKinds: [String: ProviderKind] = [:]) {
        self.providerKinds = providerKinds
    }

    /// Checks `node` of `tree` as a value of `type`. `key` names the value in messages.
    mutating func check(_ node: Int, in tree: YAMLTree, as type: SchemaType, key: String, kind: ProviderKind?) -> CheckedValue? {
        switch type {
        case .object(let schema):
            return checkObject(node, in: tree, schema: schema, kind: kind).map { CheckedValue(content: .object($0), mark: tree.nodes[node].mark) }
        case .map(let valueType, let keyDescription):
            return checkMap(node, in: tree, valueType: valueType, key: key, keyDescription: keyDescription, kind: kind)
        case .sequence(let itemType, let minItems):
            guard let items = tree.items(node) else { return typeMismatch(node, in: tree, key: key, type: type) }
            if items.count < minItems {
                report(tree.location(node), "`\(key)` needs at least \(minItems) item\(minItems == 1 ? "" : "s"), found \(items.count)")
            }
            var checked: [CheckedValue] = []
            checked.reserveCapacity(items.count)
            for item in items {
                if let value = check(item, in: tree, as: itemType, key: key, kind: kind) { checked.append(value) }
            }
            return CheckedValue(content: .sequence(checked), mark: tree.nodes[node].mark)
        default:
            return checkScalar(node, in: tree, as: type, key: key)
        }
    }

    /// Checks a mapping with fixed keys.
    mutating func checkObject(_ node: Int, in tree: YAMLTree, schema: ObjectSchema, kind inheritedKind: ProviderKind?) -> CheckedObject? {
        guard let entries = tree.entries(node) else {
            _ = typeMismatch(node, in: tree, key: schema.name, type: .object(schema))
            return nil
        }
        var kind = inheritedKind
        // The provider type decides which keys apply, so read it before the other keys.
        if let typeKey = schema.providerTypeKey, let kindEntry = entries.first(where: { tree.text($0.key, is: typeKey) }) {
            kind = tree.text(kindEntry.value).flatMap { ProviderKind(rawValue: $0) }
        }
        if let resourceKinds = schema.resourceProviders, let aliasEntry = entries.first(where: { tree.text($0.key, is: "provider") }),
           let alias = tree.text(aliasEntry.value) {
            kind = resolveProvider(alias: alias, at: tree.location(aliasEntry.value), resource: schema.name, allowed: resourceKinds)
        }

        var object = CheckedObject(mark: tree.nodes[node].mark, providerKind: kind)
        object.reserveCapacity(entries.count)
        var nextProperty = 0
        for entry in entries {
            guard let (keyText, index) = property(for: entry.key, in: tree, schema: schema, kind: kind, from: nextProperty) else { continue }
            nextProperty = index + 1
            object.add(keyText, at: tree.nodes[entry.key].mark,
                       value: check(entry.value, in: tree, as: schema.properties[index].type, key: keyText, kind: kind))
        }

        // By index: the schema's properties are read in place rather than copied one by one.
        for index in schema.properties.indices where schema.properties[index].required && !object.has(schema.properties[index].name) {
            let property = schema.properties[index]
            report(tree.location(node), "\(schema.name) is missing required key `\(property.name)`",
                   hint: "add `\(property.name):` with \(property.type.expectation)")
        }
        checkAlternatives(schema, object: object, in: tree)
        return object
    }

    /// Checks a manifest document one value at a time: each item of a top-level list (each campaign,
    /// segment, …) is checked and handed to `body` on its own, so a checked tree of the whole manifest is
    /// never held. Keys in `skipping` and keys without a value (`campaigns:`) are passed over.
    mutating func checkDocument(_ tree: YAMLTree, schema: ObjectSchema, skipping skipped: Set<String> = [],
                                _ body: (_ key: String, _ value: CheckedValue) -> Void) {
        guard let entries = tree.entries(tree.root) else {
            _ = typeMismatch(tree.root, in: tree, key: schema.name, type: .object(schema))
            return
        }
        for entry in entries {
            if let key = tree.text(entry.key), skipped.contains(key) { continue }
            // The key is checked even when its value is empty: a misspelt `campaings:` must be reported.
            guard let (key, index) = property(for: entry.key, in: tree, schema: schema, kind: nil), !tree.isNull(entry.value) else { continue }
            let type = schema.properties[index].type
            guard case .sequence(let itemType, _) = type, let items = tree.items(entry.value) else {
                if let value = check(entry.value, in: tree, as: type, key: key, kind: nil) { body(key, value) }
                continue
            }
            for item in items {
                if let value = check(item, in: tree, as: itemType, key: key, kind: nil) { body(key, value) }
            }
        }
    }

    /// The property a mapping key names (its index in `schema.properties`); reports keys that are not
    /// plain words, unknown keys (with "did you mean") and keys that do not apply to the provider kind.
    /// Nil for those and for `x-` keys. The search for the name starts at property `hint` and wraps around.
    private mutating func property(for key: Int, in tree: YAMLTree, schema: ObjectSchema,
                                   kind: ProviderKind?, from hint: Int = 0) -> (key: String, index: Int)? {
        // Usually the key is written exactly as a property's name: found by its bytes, and the name
        // (a constant) stands for the text. Other keys take the general path below. Keys are mostly
        // written in the schema's order, so starting after the previous key's property usually finds
        // the name at the first comparison rather than after a scan of the properties before it.
        let count = schema.properties.count
        let start = hint < count ? hint : 0
        for offset in 0..<count {
            let index = start + offset < count ? start + offset : start + offset - count
            guard tree.text(key, isExactly: schema.properties[index].name) else { continue }
            guard schema.properties[index].applies(to: kind) else { break }
            return (schema.properties[index].name, index)
        }
        guard let keyText = tree.text(key) else {
            report(tree.location(key), "keys of a \(schema.name) must be plain words, found \(tree.kindDescription(key))",
                   hint: "write the key as plain text, such as `\(schema.properties.first?.name ?? "name")`")
            return nil
        }
        if schema.allowsExtensionKeys, keyText.hasPrefix("x-") { return nil }
        guard let index = schema.propertyIndex(keyText) else {
            let candidates = schema.properties.filter { $0.applies(to: kind) }.map(\.name)
            let suggestion = NameSuggester.suggestion(for: keyText, among: candidates)
            let hint = suggestion.map { "did you mean `\($0)`?" } ?? "valid keys: " + candidates.joined(separator: ", ")
            // In a credentials or provider block a key that is neither a near miss nor a plain lower-case word
            // may be a pasted secret (`{ sk_live_4eC39Hq… }`).
            let shown = schema.mayHoldSecrets && suggestion == nil && !Self.isPlainKeyName(keyText) ? "" : " `\(clipped(keyText))`"
            report(tree.location(key), "unknown key\(shown) in \(schema.name)\(shown.isEmpty ? " (not shown: it may be a credential)" : "")", hint: hint,
                   quotesSource: !shown.isEmpty)
            return nil
        }
        if !schema.properties[index].applies(to: kind), let kind {
            let owners = (schema.properties[index].providers ?? []).map(\.rawValue).sorted().joined(separator: ", ")
            report(tree.location(key), "`\(keyText)` does not apply to a \(kind.rawValue) \(schema.name)",
                   hint: "it is a \(owners) key; remove it or check the provider")
            return nil
        }
        return (keyText, index)
    }

    /// Lower-case ASCII letters with `_` or `-` between them, as setting names are written (`password`, `api-key`).
    static func isPlainKeyName(_ text: String) -> Bool {
        text.utf8.count <= 32 && !text.isEmpty
            && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    // MARK: - Pieces

    private mutating func checkMap(_ node: Int, in tree: YAMLTree, valueType: SchemaType, key: String, keyDescription: String,
                                   kind: ProviderKind?) -> CheckedValue? {
        guard let entries = tree.entries(node) else {
            return typeMismatch(node, in: tree, key: key, type: .map(of: valueType, keyDescription: keyDescription))
        }
        var checked: [CheckedMapEntry] = []
        for entry in entries {
            guard let name = tree.text(entry.key), !name.isEmpty else {
                report(tree.location(entry.key), "a \(keyDescription) must be a non-empty word, found \(tree.kindDescription(entry.key))")
                continue
            }
            if name.contains("/") || name.contains(where: \.isWhitespace) {
                let suggested = String(name.map { $0 == "/" || $0.isWhitespace ? "-" : $0 })
                report(tree.location(entry.key), "\(keyDescription) `\(clipped(name))` may not contain `/` or spaces",
                       hint: "it is part of plan addresses such as `\(clipped(suggested))/campaign/NAME`; use a name such as `\(clipped(suggested))`")
                continue
            }
            if let value = check(entry.value, in: tree, as: valueType, key: name, kind: kind) {
                checked.append(CheckedMapEntry(key: name, keyMark: tree.nodes[entry.key].mark, value: value))
            }
        }
        return CheckedValue(content: .map(checked), mark: tree.nodes[node].mark)
    }

    private mutating func checkScalar(_ node: Int, in tree: YAMLTree, as type: SchemaType, key: String) -> CheckedValue? {
        guard let text = tree.text(node), !tree.isNull(node) else { return typeMismatch(node, in: tree, key: key, type: type) }
        let mark = tree.nodes[node].mark
        if type.isNumberOrBoolean, let written = Self.textWording(node, in: tree) {
            // A quoted number is text in YAML (and in the JSON Schema editors check against), so it is
            // refused rather than silently read as a number.
            let isBoolean: Bool
            if case .boolean = type { isBoolean = true } else { isBoolean = false }
            report(tree.location(mark), "`\(key)` must be \(type.expectation), found \(written) \"\(clipped(text))\"",
                   hint: isBoolean ? "write true or false without quotes" : "write numbers without quotes")
            return nil
        }
        switch type {
        case .string(let minLength, _):
            // A text has at least as many bytes as characters: most texts settle it without counting characters.
            guard minLength <= 0 || (minLength == 1 ? !text.isEmpty : text.utf8.count >= minLength && text.count >= minLength) else {
                report(tree.location(mark), "`\(key)` must not be empty")
                return nil
            }
            return CheckedValue(content: .string(text), mark: mark)
        case .integer(let minimum, let maximum):
            guard let value = ScalarParser.integer(text) else {
                if ScalarParser.isWholeNumberSyntax(text) {
                    report(tree.location(mark), "`\(key)` is too large: `\(clipped(text))` (at most \(Int.max))")
                    return nil
                }
                return typeMismatch(node, in: tree, key: key, type: type)
            }
            guard inRange(value, minimum, maximum, key: key, text: text, at: mark, in: tree) else { return nil }
            return CheckedValue(content: .integer(value), mark: mark)
        case .decimal(let minimum, let maximum):
            guard let value = ScalarParser.decimal(text) else {
                if let digits = ScalarParser.decimalDigitCount(text) {
                    report(tree.location(mark), "`\(key)` has \(digits) digits; at most \(ScalarParser.maxDecimalDigits) can be held exactly",
                           hint: "use fewer decimals")
                    return nil
                }
                return typeMismatch(node, in: tree, key: key, type: type)
            }
            guard inRange(value, minimum, maximum, key: key, text: text, at: mark, in: tree) else { return nil }
            return CheckedValue(content: .decimal(value), mark: mark)
        case .boolean:
            guard let value = ScalarParser.boolean(text) else {
                if ScalarParser.isLegacyBoolean(text) {
                    report(tree.location(mark), "`\(key)` must be true or false, found `\(text)`", hint: "YAML 1.1 words like yes/no/on/off are not booleans here")
                    return nil
                }
                return typeMismatch(node, in: tree, key: key, type: type)
            }
            return CheckedValue(content: .boolean(value), mark: mark)
        case .date:
            guard let value = ScalarParser.date(text) else {
                if ScalarParser.isDateSyntax(text) {
                    report(tree.location(mark), "`\(key)` is not a day of the calendar: `\(text)`", hint: "check the month and day")
                    return nil
                }
                return typeMismatch(node, in: tree, key: key, type: type)
            }
            return CheckedValue(content: .date(value), mark: mark)
        case .enumeration(let values):
            guard values.contains(text) else {
                let hint = NameSuggester.suggestion(for: text, among: values).map { "did you mean `\($0)`?" }
                report(tree.location(mark), "`\(key)` must be one of \(values.joined(separator: ", ")); found `\(clipped(text))`", hint: hint)
                return nil
            }
            return CheckedValue(content: .string(text), mark: mark)
        case .integerChoice(let values):
            guard let value = ScalarParser.integer(text), values.contains(value) else {
                report(tree.location(mark), "`\(key)` must be one of \(values.map(String.init).joined(separator: ", ")); found `\(clipped(text))`")
                return nil
            }
            return CheckedValue(content: .integer(value), mark: mark)
        case .sequence, .object, .map:
            return typeMismatch(node, in: tree, key: key, type: type)
        }
    }

    /// How a scalar written as text (quoted, a block scalar, or tagged `!!str`) is described; nil for a plain scalar.
    private static func textWording(_ node: Int, in tree: YAMLTree) -> String? {
        guard tree.kind(node) == .scalar else { return nil }
        switch tree.nodes[node].style {
        case .singleQuoted, .doubleQuoted: return "the quoted text"
        case .literal, .folded: return "the block text"
        case .plain: return tree.tag(node) == "tag:yaml.org,2002:str" ? "the text" : nil
        }
    }

    private mutating func inRange<Value: Comparable>(_ value: Value, _ minimum: Value?, _ maximum: Value?, key: String,
                                                      text: String, at mark: YAMLTree.Mark, in tree: YAMLTree) -> Bool {
        if let minimum, value < minimum {
            report(tree.location(mark), "`\(key)` must be at least \(minimum)\(maximum.map { " and at most \($0)" } ?? ""); found \(text)")
            return false
        }
        if let maximum, value > maximum {
            report(tree.location(mark), "`\(key)` must be at most \(maximum)\(minimum.map { " and at least \($0)" } ?? ""); found \(text)")
            return false
        }
        return true
    }

    private mutating func checkAlternatives(_ schema: ObjectSchema, object: CheckedObject, in tree: YAMLTree) {
        guard !schema.alternatives.isEmpty else { return }
        // The usual case, one group given whole, is settled without building lists (it runs for every such object).
        var presentCount = 0
        var completePresent = true
        for group in schema.alternatives where group.contains(where: { object.has($0) }) {
            presentCount += 1
            completePresent = completePresent && group.allSatisfy { object.has($0) }
        }
        if presentCount == 1, completePresent { return }
        let present = schema.alternatives.filter { group in group.contains { object.has($0) } }
        let describe: ([String]) -> String = { group in group.map { "`\($0)`" }.joined(separator: " and ") }
        switch present.count {
        case 0:
            report(tree.location(object.mark), "\(schema.name) needs " + schema.alternatives.map(describe).joined(separator: ", or "))
        case 1:
            if let group = present.first, let missing = group.first(where: { !object.has($0) }) {
                report(tree.location(object.mark), "\(schema.name) is missing `\(missing)` (\(describe(group)) go together)")
            }
        default:
            let keys = present.flatMap { $0 }.filter { object.has($0) }
            let laterKey = keys.max { (object.keyMark($0) ?? object.mark) < (object.keyMark($1) ?? object.mark) }
            let location = tree.location(laterKey.flatMap { object.keyMark($0) } ?? object.mark)
            report(location, "\(schema.name) takes " + schema.alternatives.map(describe).joined(separator: ", or ")
                   + ", not several; found " + keys.map { "`\($0)`" }.joined(separator: ", "))
        }
    }

    private mutating func resolveProvider(alias: String, at location: SourceLocation, resource: String,
                                          allowed: Set<ProviderKind>) -> ProviderKind? {
        guard let kind = providerKinds[alias] else {
            if aliasesOfUnknownType.contains(alias) || mayBeDeclaredInUnreadableFile(alias) { return nil }
            let declared = (Array(providerKinds.keys) + aliasesOfUnknownType).sorted()
            let hint = NameSuggester.suggestion(for: alias, among: declared).map { "did you mean `\($0)`?" }
                ?? (declared.isEmpty ? "declare it under `providers:`" : "declared providers: " + declared.joined(separator: ", "))
            report(location, "\(resource) refers to provider `\(clipped(alias))`, which no manifest declares", hint: hint)
            return nil
        }
        guard allowed.contains(kind) else {
            let owners = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            let fitting = providerKinds.filter { allowed.contains($0.value) }.keys.sorted()
            report(location, "provider `\(alias)` is \(kind.rawValue); a \(resource) belongs on \(owners)",
                   hint: fitting.isEmpty ? "declare a \(owners) provider and refer to it"
                       : "refer to a \(owners) provider: " + fitting.map { "`\($0)`" }.joined(separator: ", "))
            return nil
        }
        return kind
    }

    /// Whether `alias` is written in a file that could not be read (so it may be declared there).
    private func mayBeDeclaredInUnreadableFile(_ alias: String) -> Bool {
        guard !unreadableSources.isEmpty, !alias.isEmpty else { return false }
        let bytes = Data(alias.utf8)
        return unreadableSources.contains { $0.data.range(of: bytes) != nil }
    }

    @discardableResult
    private mutating func typeMismatch(_ node: Int, in tree: YAMLTree, key: String, type: SchemaType) -> CheckedValue? {
        let found: String
        var keptBack = false
        if let text = tree.text(node), !tree.isNull(node) {
            if type.isSecret {
                found = "a scalar"
                keptBack = true
            } else if case .object(let schema) = type, schema.mayHoldSecrets {
                // `credentials: sk_live_…` or a provider written as one scalar: the text may be a secret.
                found = "a scalar (not shown: it may be a credential)"
                keptBack = true
            } else {
                found = "`\(clipped(text))`"
            }
        } else {
            found = tree.kindDescription(node)
        }
        report(tree.location(node), "`\(key)` must be \(type.expectation), found \(found)", quotesSource: !keptBack)
        return nil
    }

    private func clipped(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(37)) + "..." : text
    }

    /// - Parameter quotesSource: false when the source line may hold a secret the message kept back.
    mutating func report(_ location: SourceLocation, _ message: String, hint: String? = nil, quotesSource: Bool = true) {
        var diagnostic = Diagnostic(.error, at: location, message, hint: hint)
        diagnostic.mayQuoteSource = quotesSource
        diagnostics.append(diagnostic)
    }
}
