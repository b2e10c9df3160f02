import Foundation
import Testing

@Suite("reconcile import")
struct ImportCommandTests {
    static let examples = ReconcileProcess.packageRoot.appendingPathComponent("examples/manifests").path

    /// A folder to run in: the sandbox keeps its state in `.reconcile/` under it.
    static func emptyFolder() throws -> ManifestFolder {
        let folder = try ManifestFolder([:])
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        return folder
    }

    /// Imports `alias` from the examples against the sandbox (state in `folder`), saves the YAML, and
    /// checks it validates and plans with no changes against the same sandbox.
    static func importValidatePlan(_ alias: String, in folder: ManifestFolder, arguments: [String] = [],
                                   environment: [String: String] = [:]) async throws -> ProcessResult {
        let imported = try await ReconcileProcess.run(["import", "--provider", alias, "--sandbox", examples] + arguments, in: folder.url,
                                                      environment: environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        let output = folder.url.appendingPathComponent("imported/\(alias).yaml")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(imported.stdout.utf8).write(to: output)

        let validated = try await ReconcileProcess.run(["validate", "imported"], in: folder.url)
        #expect(validated.status == 0, "\(validated.allOutput)\n\(imported.stdout)")
        let planned = try await ReconcileProcess.run(["plan", "--sandbox", "--detailed-exitcode", "imported"], in: folder.url, environment: environment)
        #expect(planned.status == 0, "\(planned.allOutput)\n\(imported.stdout)")
        #expect(planned.stdout.hasSuffix("No changes. The live accounts match the manifests.\n"))
        return imported
    }

    // The other platforms join this list as their clients land in the client factory.
    @Test(arguments: ["criteo-eu", "jivox-main", "nextroll-us", "topsort-mkt"])
    func importValidatesAndPlansWithNoChanges(_ alias: String) async throws {
        let folder = try Self.emptyFolder()
        defer { folder.remove() }
        let imported = try await Self.importValidatePlan(alias, in: folder)
        #expect(imported.stdout.contains("providers:\n  \(alias):\n"))
    }

    @Test func jivoxRetailCampaignsAreWrittenAsTheSandboxHasThem() async throws {
        let folder = try Self.emptyFolder()
        defer { folder.remove() }
        let imported = try await Self.importValidatePlan("jivox-main", in: folder)
        #expect(imported.stdout == """
            # The live state of Jivox account acc-7 (provider `jivox-main`), written by reconcile import.
            providers:
              jivox-main:
                type: jivox
                account: acc-7

            retail_campaigns:
              - provider: jivox-main
                idx: 5373
              - provider: jivox-main
                idx: 5374
                trackers: []
                exports: [{ format: jpg, resolution: 1 }]

            """)
        #expect(imported.stderr.contains("Imported 0 campaigns, 2 retail campaigns from `jivox-main`."))
    }

    @Test func anotherAccountCanBeImportedWithTheBlocksSettings() async throws {
        let folder = try Self.emptyFolder()
        defer { folder.remove() }
        let imported = try await Self.importValidatePlan("jivox-main", in: folder, arguments: ["--account", "acc-9"])
        #expect(imported.stdout.contains("    account: acc-9\n"))
        #expect(imported.stderr.contains("Sandbox: provisioned what the APIs cannot create"))
    }

    @Test func credentialsNeverAppearInTheOutput() async throws {
        let folder = try Self.emptyFolder()
        defer { folder.remove() }
        let secret = "jivox-secret-5d1e77c0"
        let imported = try await Self.importValidatePlan("jivox-main", in: folder, environment: ["JIVOX_API_KEY": secret])
        #expect(!imported.allOutput.contains(secret))
        #expect(!imported.stdout.contains("credentials"), "default credential variables are not written")
    }

    @Test func withoutCredentialsNothingIsPrintedOnStdout() async throws {
        let result = try await ReconcileProcess.run(["import", "--provider", "jivox-main", Self.examples])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("JIVOX_API_KEY"))
        #expect(result.stderr.contains("--sandbox"))
    }

    @Test func theProviderIsRequiredAndMustBeDeclared() async throws {
        let missing = try await ReconcileProcess.run(["import", Self.examples])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: import needs --provider ALIAS"))
        #expect(missing.stderr.contains("Usage: reconcile import"))

        let unknown = try await ReconcileProcess.run(["import", "--provider", "jivox-mian", "--sandbox", Self.examples])
        #expect(unknown.status == 1)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("no provider block `jivox-mian` in the manifests at \(Self.examples)"))
        #expect(unknown.stderr.contains("did you mean `jivox-main`?"))
    }

    @Test func invalidManifestsAreReportedAndNothingIsFetched() async throws {
        let folder = try ManifestFolder(["m.yaml": "providers:\n  jx: { type: jivox }\n"])
        defer { folder.remove() }
        let result = try await ReconcileProcess.run(["import", "--provider", "jx", "--sandbox", "."], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("jivox provider `jx` is missing required key `account`"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".reconcile").path))
    }
}
