import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("reconcile sandbox")
struct SandboxCommandTests {
    /// A `reconcile sandbox` process running in the background.
    final class RunningSandbox: @unchecked Sendable {
        let process: ChildProcess
        let folder: URL
        let stdoutURL: URL
        let stderrURL: URL

        init(_ arguments: [String]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-sandbox-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            stdoutURL = folder.appendingPathComponent("stdout")
            stderrURL = folder.appendingPathComponent("stderr")
            process = try ChildProcess(executable: try ReconcileProcess.executable(), arguments: ["sandbox"] + arguments,
                                       environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1"],
                                       directory: folder, stdin: nil, stdout: stdoutURL, stderr: stderrURL)
        }

        deinit {
            process.send(SIGTERM)
            try? FileManager.default.removeItem(at: folder)
        }

        var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

        /// The base URL printed for each platform, once all four lines are out.
        func baseURLs() async throws -> [String: URL] {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let lines = stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
                if lines.count == 4 {
                    var urls: [String: URL] = [:]
                    for line in lines where line.count == 2 { urls[String(line[0])] = URL(string: String(line[1])) }
                    return urls
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            throw ProcessFailure(message: "no URLs printed; stderr: \(stderr)")
        }

        /// Sends the signal and waits for the exit status.
        func stop(signal: Int32 = SIGINT) async throws -> Int32 {
            process.send(signal)
            do {
                return try await process.wait(timeout: 30)
            } catch {
                throw ProcessFailure(message: "sandbox did not stop within 30 s of signal \(signal)")
            }
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func servesTheFourPlatformsAndStopsOnASignal(_ signal: Int32) async throws {
        let sandbox = try RunningSandbox(["--state", "state.json", "--faults", "seed=1;429,path=/criteo/*,times=1"])
        let urls = try await sandbox.baseURLs()
        #expect(urls.keys.sorted() == ["criteo", "jivox", "nextroll", "topsort"])
        let port = try #require(urls["topsort"]?.port)
        #expect(urls["nextroll"]?.absoluteString == "http://127.0.0.1:\(port)/nextroll")

        // The built-in seed holds the example accounts.
        var request = URLRequest(url: try #require(URL(string: (urls["topsort"]?.absoluteString ?? "") + "/v1/campaign-service/campaigns?vendor_id=vendor-42")))
        request.setValue("Bearer key", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("Bola-Bola Ad campaign"))
        let criteo = try #require(URL(string: (urls["criteo"]?.absoluteString ?? "") + "/preview/marketing-solutions/campaigns/1"))
        let (_, faulted) = try await URLSession.shared.data(from: criteo)
        #expect((faulted as? HTTPURLResponse)?.statusCode == 429)

        #expect(try await sandbox.stop(signal: signal) == 0)
        #expect(sandbox.stderr.contains("GET /topsort/v1/campaign-service/campaigns 200"))
        #expect(sandbox.stderr.contains("[fault: 429]"))
        #expect(sandbox.stderr.contains("Sandbox stopped; state saved in state.json."))
        #expect(!sandbox.stderr.contains("vendor-42"))  // query strings are not printed
        let state = try String(contentsOf: sandbox.folder.appendingPathComponent("state.json"), encoding: .utf8)
        #expect(state.contains("\"format\": \"reconcile-sandbox/1\""))
    }

    @Test func aSeedFileIsLoadedAndCheckedWithItsPath() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"criteo": {"campaigns": [{"id": "1", "name": "x", "advertiserId": "9"}]}}"#.utf8).write(to: bad)
        let result = try await ReconcileProcess.run(["sandbox", "--seed", bad.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad.path): criteo.campaigns[0].advertiserId: advertiser 9 is not in criteo.advertisers"))

        let good = folder.appendingPathComponent("good.json")
        try Data(#"{"topsort": {"vendors": [{"id": "v-1"}]}}"#.utf8).write(to: good)
        let sandbox = try RunningSandbox(["--seed", good.path, "--quiet"])
        let urls = try await sandbox.baseURLs()
        var request = URLRequest(url: try #require(URL(string: (urls["topsort"]?.absoluteString ?? "") + "/v1/campaign-service/campaigns")))
        request.setValue("Bearer key", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        #expect(String(decoding: data, as: UTF8.self) == #"{"campaigns":[],"hasMore":false}"#)
        #expect(try await sandbox.stop() == 0)
        #expect(sandbox.stderr.isEmpty)
    }

    @Test(arguments: [(["--faults", "teapot"], "--faults: invalid fault spec entry \"teapot\""), (["--port", "70000"], "--port must be"),
                      (["--seed", "/nonexistent/seed.json"], "cannot read /nonexistent/seed.json")])
    func badOptionsFailWithAClearMessage(_ arguments: [String], _ message: String) async throws {
        let result = try await ReconcileProcess.run(["sandbox"] + arguments, timeout: 30)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message))
    }

    @Test func helpDocumentsTheFaultSpec() async throws {
        let result = try await ReconcileProcess.run(["help", "sandbox"])
        #expect(result.status == 0)
        for text in ["USAGE: reconcile sandbox [options]", "--faults SPEC", "retry-after=SECONDS", "criteo-item", "rate=P", "path=GLOB", "times=N"] {
            #expect(result.stdout.contains(text), "missing \(text)")
        }
    }
}
