import Foundation
import Testing

@Suite("reconcile validate")
struct ValidateCommandTests {
    @Test func examplesAreValid() async throws {
        let result = try await ReconcileProcess.run(["validate", "examples/manifests"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Valid: 6 files, 4 providers"))
        #expect(result.stdout.isEmpty)
    }

    @Test func quietPrintsNothingOnSuccess() async throws {
        let result = try await ReconcileProcess.run(["validate", "examples/manifests", "--quiet"])
        #expect(result.status == 0)
        #expect(result.allOutput.isEmpty)
    }

    @Test func everyErrorIsReportedWithItsPlaceAndSourceLine() async throws {
        let folder = try ManifestFolder([
            "providers.yaml": """
            providers:
              nr: { type: nextroll, advertisable: ADV1, currency: USD }
            """,
            "campaigns/a.yaml": """
            campaigns:
              - name: Spring
                provider: nr
                budjet: { amount: 10, period: daily }
                status: actve
              - name: Summer
                provider: nx
            """,
        ])
        defer { folder.remove() }
        let result = try await ReconcileProcess.run(["validate", "."], in: folder.url)
        #expect(result.status == 1)
        let lines = result.stderr
        #expect(lines.contains("campaigns/a.yaml:4:5: error: unknown key `budjet` in campaign"))
        #expect(lines.contains("= did you mean `budget`?"))
        #expect(lines.contains("4 |     budjet: { amount: 10, period: daily }"))
        #expect(lines.contains("campaigns/a.yaml:5:13: error: `status` must be one of active, paused; found `actve`"))
        #expect(lines.contains("campaigns/a.yaml:7:15: error: campaign refers to provider `nx`, which no manifest declares"))
        #expect(lines.contains("3 errors."))
        #expect(!lines.contains("\u{1B}["), "no colour when stderr is not a terminal")
    }

    @Test func githubFormatPrintsAnnotationsOnStdout() async throws {
        let folder = try ManifestFolder(["m.yaml": """
            providers:
              nr: { type: nextroll, advertisable: ADV1, currency: USD }
            campaigns:
              - { name: "A, b: c", provider: nr, budget: { amount: 10.001, period: daily } }
            """])
        defer { folder.remove() }
        let result = try await ReconcileProcess.run(["validate", "--format", "github", "m.yaml"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file=m.yaml,line=4,col="))
        #expect(result.stdout.contains("title=reconcile validate::`amount` has more decimals than USD allows (2)"))
    }

    @Test func jsonFormatIsOneDocument() async throws {
        let folder = try ManifestFolder(["m.yaml": "campaigns: 3\n"])
        defer { folder.remove() }
        let result = try await ReconcileProcess.run(["validate", "--format=json", "."], in: folder.url)
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["format_version"] as? Int == 1)
        #expect(document["valid"] as? Bool == false)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["line"] as? Int == 1)
        #expect(diagnostics.first?["column"] as? Int == 12)
    }

    @Test func missingPathIsAClearError() async throws {
        let result = try await ReconcileProcess.run(["validate", "no/such/folder"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no such file or folder: no/such/folder"))
    }

    @Test func malformedYAMLIsLocatedNotACrash() async throws {
        let folder = try ManifestFolder(["m.yaml": "campaigns:\n  - name: [unclosed\n"])
        defer { folder.remove() }
        let result = try await ReconcileProcess.run(["validate", "."], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("m.yaml:3:1: error:") || result.stderr.contains("m.yaml:2:"))
    }

    /// A secret pasted into a manifest is refused, and never echoed: not in the message, not in the
    /// quoted source line, in any format.
    @Test(arguments: ["text", "github", "json"])
    func literalCredentialsAreRefusedAndNeverEchoed(format: String) async throws {
        let secret = "sk_live_51HqZk2LmNoPqRsTuVwXyZ"
        let folder = try ManifestFolder(["m.yaml": """
            providers:
              nr:
                type: nextroll
                advertisable: ADV1
                currency: USD
                credentials: { api_key: \(secret), token: "\(secret)2" }
              ts: { type: topsort, vendor: v1, currency: USD, credentials: { api_key: '\(secret)3' } }
              cr:
                type: criteo
                advertiser: "1"
                currency: EUR
                credentails:
                  client_secret: \(secret)4
              nr2:
                type: nextroll
                advertisable: ADV2
                currency: USD
                credentials:
                  api_key:
                    - \(secret)5
                  token: [\(secret)6]
            """])
        defer { folder.remove() }
        let result = try await ReconcileProcess.run(["validate", "--format", format, "."], in: folder.url)
        #expect(result.status == 1)
        #expect(result.allOutput.contains("literal credentials are not allowed") || format == "json" && result.stdout.contains("literal credentials"))
        #expect(!result.allOutput.contains("sk_live"), "a secret was printed: \(result.allOutput)")
    }

    /// The quoted source line is masked also where the manifest could not say what the line holds: a
    /// credentials block outside any provider, a flow list or mapping of bare secrets, a file that is
    /// not valid YAML, a secret written as a key.
    @Test(arguments: ["text", "github", "json"])
    func secretsOnQuotedLinesOutsideProviderBlocksAreMasked(format: String) async throws {
        let folder = try ManifestFolder([
            "top.yaml": "credentials: [sk_live_4eC39HqLyjW1]\nsk_live_4eC39HqLyjW4: 1\n",
            "broken.yaml": "providers:\n  nr:\n    type: nextroll\n      credentials: { sk_live_4eC39HqLyjW2 }\n",
            "keys.yaml": "campaigns:\n  - name: a\n    provider: nr\n    token:\n      sk_live_4eC39HqLyjW3: x\n",
        ])
        defer { folder.remove() }
        let result = try await ReconcileProcess.run(["validate", "--format", format, "."], in: folder.url)
        #expect(result.status == 1)
        #expect(!result.allOutput.contains("sk_live"), "a secret was printed: \(result.allOutput)")
        if format == "text" { #expect(result.stderr.contains("credentials: [********************]"), "\(result.stderr)") }
    }

    @Test func usageErrorsSuggestTheOption() async throws {
        let result = try await ReconcileProcess.run(["validate", "--fromat", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown option `--fromat` for `reconcile validate` (did you mean `--format`?)"))
        let choice = try await ReconcileProcess.run(["validate", "--format", "githb"])
        #expect(choice.stderr.contains("--format must be one of text, github, json; found `githb` (did you mean `github`?)"))
    }
}
