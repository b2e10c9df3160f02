import Foundation
import Testing
@testable import Planner

/// The corpus of broken manifests: each must fail validation with exactly the listed diagnostics,
/// at the listed `file:line:column`, sorted by place, and never repeat a secret it contains.
@Suite struct BrokenManifestTests {
    static let root = TestResources.url("broken-manifests")
    static let cases: [BrokenManifestCase] = root.flatMap { try? BrokenManifestCase.all(in: $0) } ?? []

    @Test func theCorpusIsThere() throws {
        _ = try #require(Self.root, "Resources/broken-manifests is missing from the test bundle")
        #expect(Self.cases.count >= 50)
        for testCase in Self.cases {
            #expect(!testCase.expectations.isEmpty, "\(testCase.name) expects nothing")
        }
    }

    @Test(arguments: cases)
    func reportsExactlyTheExpectedDiagnostics(_ testCase: BrokenManifestCase) throws {
        let diagnostics: [Diagnostic]
        do {
            _ = try ManifestLoader().load(path: testCase.folder.path)
            Issue.record("\(testCase.name) validated")
            return
        } catch {
            diagnostics = error.diagnostics
        }
        let prefix = testCase.folder.path + "/"
        let places = diagnostics.map { diagnostic -> String in
            guard let location = diagnostic.location else { return "(no place)" }
            let file = location.file.hasPrefix(prefix) ? String(location.file.dropFirst(prefix.count)) : location.file
            return "\(file):\(location.line):\(location.column)"
        }
        let report = zip(places, diagnostics).map { "\($0): \($1.message)" + ($1.hint.map { " (\($0))" } ?? "") }.joined(separator: "\n")
        #expect(places == testCase.expectations.map(\.place), "\(testCase.name) gave:\n\(report)")
        for (diagnostic, expectation) in zip(diagnostics, testCase.expectations) {
            let text = diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? "")
            var rest = Substring(text)
            for fragment in expectation.fragments {
                guard let found = rest.range(of: fragment) else {
                    Issue.record("\(testCase.name) at \(expectation.place): `\(fragment)` not in: \(text)")
                    break
                }
                rest = rest[found.upperBound...]
            }
        }
        for secret in testCase.forbidden {
            #expect(!diagnostics.contains { $0.description.contains(secret) }, "\(testCase.name) repeats `\(secret)`")
        }
    }
}
