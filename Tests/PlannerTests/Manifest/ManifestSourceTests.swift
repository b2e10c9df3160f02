import Foundation
import Testing
@testable import Planner

/// Which files `reconcile` reads for a manifest path, and how they are named in messages.
@Suite struct ManifestSourceTests {
    /// A fresh folder under the temporary directory, removed by `remove()`.
    struct Folder {
        let url: URL

        init(_ files: [String: String]) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-source-\(UUID().uuidString)")
            for (name, text) in files {
                let file = url.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
            }
        }

        func remove() {
            try? FileManager.default.removeItem(at: url)
        }
    }

    @Test func aFolderGivesEveryYAMLFileBelowItInNameOrder() throws {
        let folder = try Folder([
            "b.yaml": "campaigns: []\n", "a.yml": "segments: []\n", "nested/c.YAML": "x-a: 1\n",
            ".hidden/d.yaml": "nope: 1\n", "notes.txt": "not yaml", "e.yaml.bak": "nope: 1\n",
        ])
        defer { folder.remove() }
        let sources = try ManifestSource.files(at: folder.url.path)
        #expect(sources.map { String($0.file.dropFirst(folder.url.path.count + 1)) } == ["a.yml", "b.yaml", "nested/c.YAML"])
        #expect(sources.first?.data == Data("segments: []\n".utf8))
    }

    @Test func namesKeepThePathAsGiven() throws {
        let folder = try Folder(["m/x.yaml": "campaigns: []\n"])
        defer { folder.remove() }
        let withSlash = try ManifestSource.files(at: folder.url.path + "/m/")
        #expect(withSlash.map(\.file) == [folder.url.path + "/m/x.yaml"])
        let file = try ManifestSource.files(at: folder.url.path + "/m/x.yaml")
        #expect(file.map(\.file) == [folder.url.path + "/m/x.yaml"])
    }

    @Test func aMissingPathOrAnEmptyFolderIsAnError() throws {
        let folder = try Folder(["readme.md": "# nothing here"])
        defer { folder.remove() }
        #expect {
            try ManifestSource.files(at: folder.url.path + "/absent")
        } throws: { error in
            (error as? ManifestError)?.diagnostics.first?.message.contains("no such file or folder") == true
        }
        #expect {
            try ManifestSource.files(at: folder.url.path)
        } throws: { error in
            (error as? ManifestError)?.diagnostics.first?.message.contains("no manifests (*.yaml, *.yml) under") == true
        }
    }

    @Test func loadingAFolderReportsEveryFilesProblems() throws {
        let folder = try Folder([
            "providers.yaml": "providers:\n  nextroll-us: { type: nextroll, advertisable: ADV1, currency: USD }\n",
            "a.yaml": "campaigns:\n  - { name: A, provider: nextroll-us, status: on }\n",
            "b.yaml": "campaigns: [\n",
        ])
        defer { folder.remove() }
        #expect {
            try ManifestLoader().load(path: folder.url.path)
        } throws: { error in
            let places = (error as? ManifestError)?.diagnostics.compactMap { $0.location.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line)" } }
            return places == ["a.yaml:2", "b.yaml:2"]
        }
    }
}
