import Foundation
import Testing

/// The emitted JSON Schema is checked by an independent validator (python3 `jsonschema`, which
/// `.ci/run` installs), reading the YAML with PyYAML set to YAML 1.2 scalars (no dates or yes/no
/// guessing), as yaml-language-server reads it.
@Suite("reconcile schema")
struct SchemaCommandTests {
    static let checker = """
    import json, re, sys, yaml, jsonschema
    class Loader(yaml.SafeLoader):
        pass
    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in ('tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:bool')]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    Loader.add_implicit_resolver('tag:yaml.org,2002:bool', re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$'), list('tTfF'))
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    results = {}
    for path in sys.argv[2:]:
        with open(path) as handle:
            documents = [d for d in yaml.load_all(handle, Loader=Loader) if d is not None]
        results[path] = [error.message for d in documents for error in validator.iter_errors(d)]
    print(json.dumps(results))
    """

    /// Runs the checker over `files`; returns each file's schema errors.
    func schemaErrors(_ files: [URL]) async throws -> [String: [String]] {
        let schema = try await ReconcileProcess.run(["schema"])
        #expect(schema.status == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemaFile = folder.appendingPathComponent("schema.json")
        try Data(schema.stdout.utf8).write(to: schemaFile)
        let script = folder.appendingPathComponent("check.py")
        try Data(Self.checker.utf8).write(to: script)

        let output = folder.appendingPathComponent("out"), errors = folder.appendingPathComponent("err")
        let python = try ChildProcess(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                      arguments: ["python3", script.path, schemaFile.path] + files.map(\.path),
                                      environment: ProcessInfo.processInfo.environment, directory: folder,
                                      stdin: nil, stdout: output, stderr: errors)
        let status = try await python.wait(timeout: 120)
        let stderr = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        try #require(status == 0, "python3 with jsonschema and PyYAML is needed (.ci/run installs them): \(stderr)")
        return try JSONDecoder().decode([String: [String]].self, from: Data(contentsOf: output))
    }

    @Test func everyExampleValidatesAgainstTheSchema() async throws {
        let examples = ReconcileProcess.packageRoot.appendingPathComponent("examples/manifests")
        let files = try #require(FileManager.default.enumerator(at: examples, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { ["yaml", "yml"].contains($0.pathExtension) })
        #expect(files.count >= 6)
        for (file, errors) in try await schemaErrors(files) {
            #expect(errors.isEmpty, "\(file): \(errors)")
        }
    }

    @Test func theSchemaRejectsBrokenManifests() async throws {
        let broken: [String: String] = [
            "unknown-key.yaml": "campaigns:\n  - { name: A, provider: p, budjet: { amount: 1, period: daily } }\n",
            "bad-enum.yaml": "campaigns:\n  - { name: A, provider: p, status: actve }\n",
            "missing-name.yaml": "campaigns:\n  - { provider: p }\n",
            "literal-secret.yaml": "providers:\n  p: { type: topsort, vendor: v, currency: USD, credentials: { api_key: abc123 } }\n",
            "provider-missing-account.yaml": "providers:\n  p: { type: criteo, currency: EUR }\n",
            "roas-range.yaml": "campaigns:\n  - { name: A, provider: p, bidding: { target_roas: 25 } }\n",
            "both-budgets.yaml": "campaigns:\n  - { name: A, provider: p, budget: { amount: 1, period: daily, uncapped: true } }\n",
            "bad-date.yaml": "campaigns:\n  - { name: A, provider: p, schedule: { start: 2026-3-1 } }\n",
            "export-resolution.yaml": "retail_campaigns:\n  - { provider: j, idx: 1, exports: [{ format: png, resolution: 3 }] }\n",
            "wrong-type.yaml": "campaigns: { name: A }\n",
        ]
        let folder = try ManifestFolder(broken)
        defer { folder.remove() }
        let results = try await schemaErrors(broken.keys.sorted().map { folder.url.appendingPathComponent($0) })
        for name in broken.keys {
            let errors = results.first { $0.key.hasSuffix("/" + name) }?.value ?? []
            #expect(!errors.isEmpty, "the schema accepted \(name)")
        }
    }

    /// `reconcile.schema.json` at the package root is what editors of the examples use; it must be current.
    @Test func committedSchemaIsCurrent() async throws {
        let schema = try await ReconcileProcess.run(["schema"])
        let committed = try String(contentsOf: ReconcileProcess.packageRoot.appendingPathComponent("reconcile.schema.json"), encoding: .utf8)
        #expect(committed == schema.stdout, "run `swift run reconcile schema > reconcile.schema.json`")
    }
}
