import Foundation
import Testing

/// Credentials set in the environment (the sandbox uses them when they are set, as the platforms
/// would) never come out: not on stdout (the JSON plan, the JSON report), not on stderr (the plan
/// text, progress, errors, a stale plan's drift), not in any file apply or plan writes (saved plan,
/// report, sandbox state, tags), also when calls fail along the way.
@Suite("credentials never appear")
struct CredentialExposureTests {
    /// Values shaped like real ones: a NextRoll key and JWT-style token, a Criteo client id and a
    /// base64-looking secret (`/`, `+`, `=` change when percent-encoded), Topsort and Jivox keys.
    static let secrets = [
        "NEXTROLL_API_KEY": "k9XwQ2mZ7vR4tY8pL3nB6cD1",
        "NEXTROLL_TOKEN": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZHJvbGwifQ.Hk3_Q9x-Lm2Zp7Rt",
        "CRITEO_CLIENT_ID": "3c1f7a2e-9b4d-4e8a-b6f0-5d2c8e1a7b93",
        "CRITEO_CLIENT_SECRET": "Xq7/Lm+9ZpR2=wT4vN8sK1",
        "TOPSORT_API_KEY": "ts_live_8f2d6a1c9e4b7035a2f1c8d9",
        "JIVOX_API_KEY": "jvx.Q4p9Lz2Wm7Rk",
    ]

    /// Each secret as written, percent-encoded (in a URL or form body) and inside Basic credentials.
    static var forms: [(name: String, text: String)] {
        var forms: [(String, String)] = []
        for (name, value) in secrets {
            forms.append((name, value))
            if let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != value { forms.append((name + " (percent-encoded)", encoded)) }
        }
        if let id = secrets["CRITEO_CLIENT_ID"], let secret = secrets["CRITEO_CLIENT_SECRET"] {
            forms.append(("CRITEO_CLIENT_ID:CRITEO_CLIENT_SECRET (Basic)", Data("\(id):\(secret)".utf8).base64EncodedString()))
        }
        return forms
    }

    @Test func notInJSONPlansReportsStderrOrAnyFileEvenWhenCallsFail() async throws {
        let folder = try ManifestFolder.withExamples()
        defer { folder.remove() }
        var failing = Self.secrets
        // Platform errors, a lost create answer and a lost download on the way.
        failing["RECONCILE_SANDBOX_FAULTS"] = "500,path=/nextroll/api/v1/adgroup/create;503,method=PATCH,path=/topsort/*;"
            + "drop,method=POST,path=/criteo/preview/*,times=1;drop,path=/jivox/*/download-tags,times=1;criteo-item,times=1"
        var runs: [ProcessResult] = []

        let plan = try await ReconcileProcess.run(["plan", "--sandbox", "--format", "json", "--out", "plan.json", "examples/manifests"],
                                                  in: folder.url, environment: Self.secrets)
        runs.append(plan)
        #expect(plan.status == 0, "\(plan.allOutput)")
        #expect(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) is [String: Any])

        let partly = try await ReconcileProcess.run(["apply", "--sandbox", "--json", "--report", "report.json", "plan.json"],
                                                    in: folder.url, environment: failing)
        runs.append(partly)
        #expect(partly.status == 3, "partly applied: \(partly.allOutput)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(partly.stdout.utf8)) as? [String: Any])
        let failed = (report["actions"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "failed" }
        #expect(failed.count >= 2, "errors are in the report")
        #expect(partly.stderr.contains("Plan:"), "the plan went to stderr")

        let rest = try await ReconcileProcess.run(["apply", "--sandbox", "--json", "examples/manifests"], in: folder.url, environment: Self.secrets)
        runs.append(rest)
        #expect(rest.status == 0, "\(rest.allOutput)")

        // The saved plan is stale now: refused on stderr, with what drifted.
        let stale = try await ReconcileProcess.run(["apply", "--sandbox", "--json", "plan.json"], in: folder.url, environment: Self.secrets)
        runs.append(stale)
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("is stale"), "\(stale.stderr)")

        var texts = runs.flatMap { [("stdout of reconcile", $0.stdout), ("stderr of reconcile", $0.stderr)] }
        let files = FileManager.default.enumerator(at: folder.url, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where !file.hasDirectoryPath {
            texts.append((file.path, String(decoding: try Data(contentsOf: file), as: UTF8.self)))
        }
        #expect(texts.contains { $0.0.hasSuffix(".reconcile/sandbox.json") } && texts.contains { $0.0.hasSuffix("report.json") })
        for (place, text) in texts {
            for form in Self.forms where text.contains(form.text) {
                Issue.record("\(form.name) appears in \(place)")
            }
        }
    }
}
