import Foundation

/// Reads manifests into a validated `Manifest`: YAML, schema check, decoding, then the rules that
/// span resources and files. Every problem is collected; nothing is returned unless there are none.
public struct ManifestLoader: Sendable {
    public var yaml: YAMLLoader

    public init(yaml: YAMLLoader = YAMLLoader()) {
        self.yaml = yaml
    }

    /// Loads every manifest at `path` (a file or a folder).
    public func load(path: String) throws(ManifestError) -> Manifest {
        try load(ManifestSource.files(at: path))
    }

    /// Loads manifests from already-read files; top-level lists from several files are concatenated.
    public func load(_ sources: [ManifestSource]) throws(ManifestError) -> Manifest {
        var diagnostics: [Diagnostic] = []
        var documents: [YAMLTree] = []
        var unreadable: [ManifestSource] = []
        for source in sources {
            let reading = yaml.read(source.data, file: source.file)
            documents += reading.trees
            for problem in reading.problems { diagnostics.append(Diagnostic(.error, at: problem.location, problem.message)) }
            if reading.stopped { unreadable.append(source) }
        }

        let secretLines = SecretLines(documents)
        var checker = SchemaChecker()
        checker.unreadableSources = unreadable
        // Providers first: resources anywhere may refer to an alias declared in any file.
        var providerObjects: [(alias: String, keyLocation: SourceLocation, file: String, object: CheckedObject)] = []
        for document in documents where !document.isNull(document.root) {
            guard let entries = document.entries(document.root) else {
                diagnostics.append(Diagnostic(.error, at: document.location(document.root),
                                              "a manifest must be a mapping of top-level keys, found \(document.kindDescription(document.root))",
                                              hint: "start with `providers:`, `campaigns:`, `segments:` or `retail_campaigns:`"))
                continue
            }
            if let providers = entries.first(where: { document.text($0.key) == "providers" }), !document.isNull(providers.value),
               let property = ManifestSchema.document.property("providers"),
               let checked = checker.check(providers.value, in: document, as: property.type, key: "providers", kind: nil)?.map {
                for entry in checked {
                    if let object = entry.value.object {
                        providerObjects.append((entry.key, document.location(entry.keyMark), document.file, object))
                    }
                }
            }
        }
        var decoder = ManifestDecoder()
        var providers: [ProviderConfig] = []
        var declared: [String: SourceLocation] = [:]
        for entry in providerObjects {
            if let first = declared[entry.alias] {
                diagnostics.append(Diagnostic(.error, at: entry.keyLocation, "provider `\(entry.alias)` is declared twice",
                                              hint: "first declared at \(first)"))
                continue
            }
            declared[entry.alias] = entry.keyLocation
            if let kind = entry.object.providerKind {
                checker.providerKinds[entry.alias] = kind
            } else {
                checker.aliasesOfUnknownType.insert(entry.alias)
            }
            decoder.file = entry.file
            if let provider = decoder.provider(alias: entry.alias, entry.object) { providers.append(provider) }
        }

        // Then everything else, with the provider types known, one resource at a time so that only one
        // resource's checked values are held at once (large manifests stay small).
        let providersByAlias = Dictionary(providers.map { ($0.alias, $0) }, uniquingKeysWith: { first, _ in first })
        var manifest = Manifest(providers: providers, files: sources.map(\.file))
        // One growth of the campaign list instead of many copies of a large one.
        manifest.campaigns.reserveCapacity(documents.reduce(0) { count, document in
            count + (document.value(document.root, forKey: "campaigns").flatMap { document.items($0)?.count } ?? 0)
        })
        var safetyLocation: SourceLocation?
        for document in documents where document.kind(document.root) == .mapping {
            decoder.file = document.file
            checker.checkDocument(document, schema: ManifestSchema.document, skipping: ["providers"]) { key, value in
                guard let object = value.object else { return }
                let provider = object["provider"]?.string.flatMap { providersByAlias[$0] }
                switch key {
                case "campaigns":
                    if let campaign = decoder.campaign(object, provider: provider) { manifest.campaigns.append(campaign) }
                case "segments":
                    if let segment = decoder.segment(object, provider: provider) { manifest.segments.append(segment) }
                case "retail_campaigns":
                    if let retail = decoder.retailCampaign(object, provider: provider) { manifest.retailCampaigns.append(retail) }
                case "safety":
                    // One place sets the thresholds: a second block would override the first by file order.
                    if let first = safetyLocation {
                        decoder.report(document.location(object.mark), "top-level `safety` is declared twice",
                                       hint: "first declared at \(first); keep one block (provider blocks take their own `safety`)")
                    } else {
                        safetyLocation = document.location(object.mark)
                        manifest.safety = decoder.safety(object)
                    }
                default:
                    break
                }
            }
        }

        diagnostics += checker.diagnostics + decoder.diagnostics + ManifestValidator.duplicates(in: manifest)
        guard diagnostics.isEmpty else {
            throw ManifestError(diagnostics: Self.inReadingOrder(diagnostics).map(secretLines.marking))
        }
        return manifest
    }

    /// Diagnostics sorted by place (then message, so the order never depends on how they were found),
    /// each reported once: a mistake inside an anchored node is found again at every alias and merge
    /// of it, all located at the anchor.
    static func inReadingOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let unplaced = SourceLocation(file: "", line: 0, column: 0)
        let sorted = diagnostics.sorted { lhs, rhs in
            let (left, right) = (lhs.location ?? unplaced, rhs.location ?? unplaced)
            if left != right { return left < right }
            return (lhs.message, lhs.hint ?? "") < (rhs.message, rhs.hint ?? "")
        }
        var unique: [Diagnostic] = []
        unique.reserveCapacity(sorted.count)
        for diagnostic in sorted where unique.last != diagnostic {
            unique.append(diagnostic)
        }
        return unique
    }
}
