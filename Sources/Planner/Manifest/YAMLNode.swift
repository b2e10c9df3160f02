/// One node of a loaded YAML document, with the place it was written.
///
/// Aliases are resolved (an alias yields a copy of the anchored node, keeping the anchor's
/// locations) and merge keys (`<<`) are expanded into the mapping that holds them, so code that
/// reads a `YAMLNode` never sees either.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLMappingEntry])
        case sequence([YAMLNode])
    }

    public var content: Content
    public var location: SourceLocation
    /// An explicit tag written in the document (`!!str`, `!custom`), expanded; nil when none.
    public var tag: String?

    public init(_ content: Content, location: SourceLocation, tag: String? = nil) {
        self.content = content
        self.location = location
        self.tag = tag
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let value) = content { return value }
        return nil
    }

    public var mapping: [YAMLMappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// True for a plain `null`, `Null`, `NULL`, `~` or empty scalar without a tag (YAML 1.2 core schema).
    public var isNull: Bool {
        guard let scalar, tag == nil || tag == "tag:yaml.org,2002:null" else { return false }
        if tag == "tag:yaml.org,2002:null" { return true }
        return Self.isNullText(scalar.text, style: scalar.style)
    }

    /// Whether an untagged scalar written so is null: plain `null`, `Null`, `NULL`, `~` or nothing.
    static func isNullText(_ text: String, style: YAMLScalar.Style) -> Bool {
        style == .plain && nullTexts.contains(text)
    }

    /// The texts of a plain scalar that mean null (YAML 1.2 core schema).
    static let nullTexts = ["", "~", "null", "Null", "NULL"]

    /// A short word for what this node is, for messages such as "expected a mapping, found a sequence".
    public var kindDescription: String {
        switch content {
        case .scalar: return isNull ? "null" : "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        }
    }
}

/// A scalar exactly as written: its text is never re-typed by YAML 1.1 guessing.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var text: String
    public var style: Style

    public init(text: String, style: Style) {
        self.text = text
        self.style = style
    }
}

/// One `key: value` pair of a mapping. Keys may be any node; manifests only use scalar keys.
public struct YAMLMappingEntry: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
