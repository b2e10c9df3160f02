import Planner

/// `reconcile schema`: the manifest format as a JSON Schema, for editors.
struct SchemaCommand: Command {
    static let configuration = CommandConfiguration(
        name: "schema",
        abstract: "Print the manifest JSON Schema (draft 2020-12) for editor completion and checking.",
        discussion: """
        The schema describes manifest format v1: every key, type, enum and range. Editors that use
        yaml-language-server (VS Code's YAML extension, Neovim, Helix, ...) complete and check manifests
        with it. Save it next to your manifests and point each file at it with a first line of

            # yaml-language-server: $schema=./reconcile.schema.json

        Rules that need more than one file (references to provider aliases, duplicates, which keys
        apply to which provider type) are checked by `reconcile validate`, not by the schema.
        """,
        examples: [("reconcile schema > reconcile.schema.json", "Save the schema for your editor")])

    init(arguments: ParsedArguments) throws(UsageError) {}

    func run(on terminal: Terminal) async -> ExitCode {
        terminal.write(JSONSchemaEmitter.manifestSchema().serialized() + "\n")
        return .success
    }
}
