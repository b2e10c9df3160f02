/// A live account written as a manifest: the YAML text and the notes on what it leaves out.
public struct ImportedManifest: Sendable, Hashable {
    /// The manifest, format v1, ending in a line break.
    public var yaml: String
    /// What could not be written exactly (also listed as comments at the top of `yaml`).
    public var notes: [ImportNote]

    public init(yaml: String, notes: [ImportNote]) {
        self.yaml = yaml
        self.notes = notes
    }
}
