import Planner

/// The manifests a command reads, with their sources kept for quoting lines in messages.
struct ManifestInput {
    var manifest: Manifest
    var sources: [ManifestSource]

    /// Loads and validates the manifests at `path`; on failure prints every diagnostic and returns nil.
    static func load(_ path: String, on terminal: Terminal, title: String) -> ManifestInput? {
        let sources: [ManifestSource]
        do {
            sources = try ManifestSource.files(at: path)
        } catch {
            DiagnosticPrinter(format: .text).print(error.diagnostics, on: terminal, title: title)
            return nil
        }
        do {
            return ManifestInput(manifest: try ManifestLoader().load(sources), sources: sources)
        } catch {
            DiagnosticPrinter(format: .text, sources: sources).print(error.diagnostics, on: terminal, title: title)
            return nil
        }
    }

    /// Plans against `live`, printing planning problems (ambiguous matches, unknown targets) on failure.
    func plan(against live: LiveState, options: PlanOptions, on terminal: Terminal, title: String) -> Plan? {
        do {
            return try PlanBuilder.plan(manifest, live: live.addingLocalTags(for: manifest), options: options)
        } catch {
            DiagnosticPrinter(format: .text, sources: sources).print(error.problems.map(\.diagnostic), on: terminal, title: title)
            return nil
        }
    }
}
