import Foundation
import Testing
@testable import Planner

/// Loads manifests held in memory, as `ManifestLoader` would read them from files.
enum ManifestFixtures {
    /// Provider blocks for every provider type, for tests that only care about resources.
    static let providers = """
        providers:
          nextroll-us: { type: nextroll, advertisable: ADV0EID000000000000000, currency: USD }
          criteo-eu: { type: criteo, advertiser: "12345", currency: EUR }
          criteo-jp: { type: criteo, advertiser: "777", currency: JPY }
          criteo-kw: { type: criteo, advertiser: "778", currency: KWD }
          topsort-mkt: { type: topsort, vendor: vendor-42, currency: USD }
          topsort-jp: { type: topsort, vendor: vendor-7, currency: JPY }
          jivox-main: { type: jivox, account: acc-7 }
        """

    /// Loads `files` (name, text) in order.
    static func load(_ files: [(String, String)]) -> Result<Manifest, ManifestError> {
        let sources = files.map { ManifestSource(file: $0.0, data: Data($0.1.utf8)) }
        return Result { () throws(ManifestError) -> Manifest in try ManifestLoader().load(sources) }
    }

    /// Loads `resources` (campaigns, segments, ...) in `test.yaml` beside `providers.yaml` holding `providers`.
    static func load(resources: String) -> Result<Manifest, ManifestError> {
        load([("providers.yaml", providers), ("test.yaml", resources)])
    }

    /// The manifest `resources` describe; fails the test when it does not validate.
    static func manifest(_ resources: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Manifest {
        switch load(resources: resources) {
        case .success(let manifest): return manifest
        case .failure(let error):
            Issue.record("manifest did not validate:\n\(error)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// The diagnostics `resources` give; fails the test when it validates.
    static func diagnostics(_ resources: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        switch load(resources: resources) {
        case .success:
            Issue.record("manifest validated, expected errors", sourceLocation: sourceLocation)
            return []
        case .failure(let error):
            return error.diagnostics
        }
    }
}

extension Diagnostic {
    /// `line:column: message (hint)`, without the file, for compact assertions.
    var placeAndText: String {
        let place = location.map { "\($0.line):\($0.column)" } ?? "-"
        return "\(place): \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}
