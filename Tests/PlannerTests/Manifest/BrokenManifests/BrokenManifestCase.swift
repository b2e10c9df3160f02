import Foundation
import Testing

/// One folder of `Resources/broken-manifests`: manifest files that must not validate, and
/// `expected.txt` listing every diagnostic they must give, in order:
///
///     # why the case exists
///     campaigns.yaml:3:5: a fragment of the message or hint ... and another, in this order
///     !not: text that must appear in no diagnostic (a secret)
struct BrokenManifestCase: CustomTestStringConvertible, Sendable {
    struct Expectation: Sendable {
        /// `file:line:column`, the file relative to the case folder.
        var place: String
        /// Pieces the diagnostic's `message (hint)` must contain, in this order (` ... ` between them).
        var fragments: [String]
    }

    var name: String
    var folder: URL
    var expectations: [Expectation]
    var forbidden: [String]

    var testDescription: String { name }

    /// Every case under `root`, sorted by name.
    static func all(in root: URL) throws -> [BrokenManifestCase] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().compactMap { name in
            let folder = root.appendingPathComponent(name)
            let expected = folder.appendingPathComponent("expected.txt")
            guard FileManager.default.fileExists(atPath: expected.path) else { return nil }
            return try BrokenManifestCase(name: name, folder: folder, expected: String(contentsOf: expected, encoding: .utf8))
        }
    }

    init(name: String, folder: URL, expected: String) throws {
        self.name = name
        self.folder = folder
        expectations = []
        forbidden = []
        for line in expected.split(separator: "\n").map(String.init) where !line.hasPrefix("#") && !line.isEmpty {
            if line.hasPrefix("!not: ") {
                forbidden.append(String(line.dropFirst(6)))
                continue
            }
            let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, Int(parts[1]) != nil, Int(parts[2]) != nil else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(name)/expected.txt: bad line \(line)"])
            }
            let text = parts[3].trimmingCharacters(in: .whitespaces)
            expectations.append(Expectation(place: parts[0...2].joined(separator: ":"),
                                            fragments: text.components(separatedBy: " ... ")))
        }
    }
}
