import Foundation
import Testing

/// One case of the YAML test suite: a folder with `in.yaml`, `test.event`, `===` (its name) and,
/// when the input must be rejected, `error`. Cases with variants live in numbered subfolders,
/// whose id is `ID/NN`.
struct YAMLTestSuiteCase: CustomTestStringConvertible, Sendable {
    var id: String
    var name: String
    var input: Data
    var events: String
    var isError: Bool

    var testDescription: String { "\(id) \(name)" }

    /// Every case under `folder`, sorted by id.
    static func all(in folder: URL) throws -> [YAMLTestSuiteCase] {
        let manager = FileManager.default
        var cases: [YAMLTestSuiteCase] = []
        for name in try manager.contentsOfDirectory(atPath: folder.path).sorted() {
            let caseFolder = folder.appendingPathComponent(name)
            if manager.fileExists(atPath: caseFolder.appendingPathComponent("in.yaml").path) {
                cases.append(try YAMLTestSuiteCase(id: name, folder: caseFolder))
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: caseFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for variant in try manager.contentsOfDirectory(atPath: caseFolder.path).sorted() {
                let variantFolder = caseFolder.appendingPathComponent(variant)
                if manager.fileExists(atPath: variantFolder.appendingPathComponent("in.yaml").path) {
                    cases.append(try YAMLTestSuiteCase(id: "\(name)/\(variant)", folder: variantFolder))
                }
            }
        }
        return cases
    }

    init(id: String, folder: URL) throws {
        self.id = id
        let title = (try? String(contentsOf: folder.appendingPathComponent("==="), encoding: .utf8))
            ?? (try? String(contentsOf: folder.deletingLastPathComponent().appendingPathComponent("==="), encoding: .utf8))
        name = title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        input = try Data(contentsOf: folder.appendingPathComponent("in.yaml"))
        events = try String(contentsOf: folder.appendingPathComponent("test.event"), encoding: .utf8)
        isError = FileManager.default.fileExists(atPath: folder.appendingPathComponent("error").path)
    }
}
