import Foundation
import Testing
@testable import Planner

/// Runs `YAMLLoader` over the official YAML test suite (vendored under `Resources/yaml-test-suite`).
///
/// Valid cases must load to the structure their `test.event` describes (scalar text, style and tag,
/// sequences, mappings, aliases resolved to copies); error cases must be rejected with a location
/// inside the file. Cases where libyaml 0.2.5 departs from the suite are listed, with the reason, in
/// `YAMLTestSuiteDeviation.known`; the runner checks that each still departs in the listed way.
@Suite struct YAMLTestSuiteTests {
    static let folder = TestResources.url("yaml-test-suite")
    static let cases: [YAMLTestSuiteCase] = folder.flatMap { try? YAMLTestSuiteCase.all(in: $0) } ?? []

    /// The original suite beside the package, when this checkout has it (`../shared/yaml-test-suite`).
    static let sharedFolder: URL? = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/yaml-test-suite")
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()

    @Test func theVendoredSuiteIsComplete() throws {
        let folder = try #require(Self.folder, "Resources/yaml-test-suite is missing from the test bundle")
        #expect(Self.cases.count == 402, "the suite at commit 6ad3d2c has 402 cases")
        #expect(Self.cases.filter(\.isError).count == 94)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("LICENSE").path))
    }

    @Test func everyListedDeviationIsASuiteCase() {
        let ids = Set(Self.cases.map(\.id))
        for id in YAMLTestSuiteDeviation.known.keys.sorted() {
            #expect(ids.contains(id), "deviation \(id) names no case of the suite")
        }
    }

    @Test(arguments: cases)
    func suiteCase(_ testCase: YAMLTestSuiteCase) throws {
        let outcome = Result { () throws(YAMLError) -> [YAMLNode] in try YAMLLoader().load(testCase.input, file: "in.yaml") }
        switch YAMLTestSuiteDeviation.known[testCase.id] {
        case .rejectsValid(let reason)?:
            #expect(!testCase.isError, "\(testCase.id) is listed as valid but the suite marks it as an error case")
            guard case .failure(let error) = outcome else {
                Issue.record("\(testCase.id) now loads; remove its deviation (\(reason))")
                return
            }
            expectLocatedInInput(error, testCase)
        case .acceptsInvalid(let reason)?:
            #expect(testCase.isError, "\(testCase.id) is listed as an error case but the suite marks it valid")
            if case .failure(let error) = outcome {
                Issue.record("\(testCase.id) is now rejected (\(error)); remove its deviation (\(reason))")
            }
        case .loadsDifferently(let reason)?:
            let documents = try outcome.get()
            let expected = try TestEventReader.documents(in: testCase.events)
            #expect(firstMismatch(documents, expected) != nil, "\(testCase.id) now loads as expected; remove its deviation (\(reason))")
        case nil:
            if testCase.isError {
                guard case .failure(let error) = outcome else {
                    Issue.record("\(testCase.id) (\(testCase.name)) must be rejected, but loaded")
                    return
                }
                expectLocatedInInput(error, testCase)
            } else {
                let documents = try outcome.get()
                let expected = try TestEventReader.documents(in: testCase.events)
                if let mismatch = firstMismatch(documents, expected) {
                    Issue.record("\(testCase.id) (\(testCase.name)): \(mismatch)")
                }
            }
        }
    }

    @Test(.enabled(if: sharedFolder != nil, "../shared/yaml-test-suite is not beside this checkout; the vendored copy is used as it is"))
    func theVendoredSuiteMatchesTheSharedOne() throws {
        let vendored = try #require(Self.folder)
        let shared = try #require(Self.sharedFolder)
        let walker = try #require(FileManager.default.enumerator(atPath: vendored.path))
        var compared = 0
        for case let relative as String in walker where relative != "PROVENANCE.md" {
            let ours = vendored.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: ours.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let theirs = try Data(contentsOf: shared.appendingPathComponent(relative))
            #expect(try Data(contentsOf: ours) == theirs, "\(relative) differs from ../shared/yaml-test-suite")
            compared += 1
        }
        #expect(compared == 1301)
    }

    private func firstMismatch(_ documents: [YAMLNode], _ expected: [ExpectedNode]) -> String? {
        guard documents.count == expected.count else { return "\(documents.count) documents, expected \(expected.count)" }
        for (index, (node, expectedNode)) in zip(documents, expected).enumerated() {
            if let mismatch = expectedNode.mismatch(in: node) { return "document \(index + 1): \(mismatch)" }
        }
        return nil
    }

    /// The error names `in.yaml` and a line and column that exist in it (or just past its end).
    private func expectLocatedInInput(_ error: YAMLError, _ testCase: YAMLTestSuiteCase,
                                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let lines = String(decoding: testCase.input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let location = error.location
        #expect(location.file == "in.yaml", sourceLocation: sourceLocation)
        guard (1...lines.count).contains(location.line) else {
            Issue.record("\(testCase.id): line \(location.line) is outside the file's \(lines.count) lines (\(error))", sourceLocation: sourceLocation)
            return
        }
        let lineLength = lines[location.line - 1].unicodeScalars.count
        #expect((1...lineLength + 1).contains(location.column),
                "\(testCase.id): column \(location.column) is outside line \(location.line) (\(lineLength) characters): \(error)",
                sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    }
}
