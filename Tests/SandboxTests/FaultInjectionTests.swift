import Foundation
import Testing
@testable import Sandbox

@Suite struct FaultSpecTests {
    @Test func parsesEveryFaultAndOption() throws {
        let plan = try FaultPlan.parse("seed=7; latency=5ms..20ms; 429,rate=0.1,retry-after=2; 503,rate=0.05,path=/topsort/*; drop,method=patch,times=1; " +
                                       "hang,path=/jivox/*; criteo-item,rate=0.25,code=campaign--x; jivox-export-fail; latency=1.5s; 500")
        #expect(plan.seed == 7)
        #expect(plan.rules == [
            FaultRule(.latency(minimum: 0.005, maximum: 0.02)),
            FaultRule(.tooManyRequests(retryAfter: 2), rate: 0.1),
            FaultRule(.serverError(status: 503), rate: 0.05, path: "/topsort/*"),
            FaultRule(.dropConnection, method: "PATCH", times: 1),
            FaultRule(.neverRespond, path: "/jivox/*"),
            FaultRule(.criteoItemFailure(code: "campaign--x"), rate: 0.25),
            FaultRule(.jivoxExportFailure),
            FaultRule(.latency(minimum: 1.5, maximum: 1.5)),
            FaultRule(.serverError(status: 500)),
        ])
        #expect(try FaultPlan.parse("") == .none)
    }

    @Test(arguments: ["seed=x", "teapot", "429,rate=2", "429,rate", "500,retry-after=1", "drop,code=x", "latency=fast", "latency=5ms..1ms",
                      "503,path=topsort", "hang,times=-1", "drop,bogus=1", "seed=1,rate=1"])
    func rejectsBadSpecsWithTheEntryNamed(_ spec: String) {
        #expect(throws: FaultSpecError.self) { try FaultPlan.parse(spec) }
        do { _ = try FaultPlan.parse(spec) } catch { #expect(error.description.contains(spec.split(separator: ";")[0].trimmingCharacters(in: .whitespaces))) }
    }
}

@Suite struct FaultInjectionTests {
    let auth = ["Authorization": "Bearer k"]

    func topsortList(_ client: TestClient, _ endpoints: SandboxEndpoints, offset: Int) async throws -> Int {
        try await client.send("GET", .at(endpoints.topsort, "/v1/campaign-service/campaigns", [("offset", String(offset))]), headers: auth).status
    }

    /// Outcomes of 40 distinct requests, each sent twice (a first try and a retry), with rate 0.5 faults.
    func outcomes(seed: UInt64, concurrently: Bool) async throws -> [Int: [Int]] {
        let plan = try FaultPlan.parse("seed=\(seed);503,rate=0.3;429,rate=0.3")
        return try await withSandbox(SandboxConfiguration(faults: plan)) { _, endpoints in
            let client = TestClient(connectionsPerHost: 8)
            var results: [Int: [Int]] = [:]
            for attempt in 0..<2 {
                _ = attempt
                if concurrently {
                    let statuses = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                        for offset in 0..<40 { group.addTask { (offset, try await topsortList(client, endpoints, offset: offset)) } }
                        var all: [(Int, Int)] = []
                        for try await pair in group { all.append(pair) }
                        return all
                    }
                    for (offset, status) in statuses { results[offset, default: []].append(status) }
                } else {
                    for offset in 0..<40 { results[offset, default: []].append(try await topsortList(client, endpoints, offset: offset)) }
                }
            }
            return results
        }
    }

    @Test func faultsRepeatExactlyForASeedWhateverTheInterleaving() async throws {
        let sequential = try await outcomes(seed: 42, concurrently: false)
        let again = try await outcomes(seed: 42, concurrently: false)
        let concurrent = try await outcomes(seed: 42, concurrently: true)
        let otherSeed = try await outcomes(seed: 43, concurrently: false)
        #expect(sequential == again)
        #expect(sequential == concurrent)
        #expect(sequential != otherSeed)
        let all = sequential.values.flatMap { $0 }
        #expect(Set(all) == [200, 429, 503])
        // A retry is a fresh draw: some request fails first and succeeds on its retry.
        #expect(sequential.values.contains { $0[0] != 200 && $0[1] == 200 })
    }

    @Test func tooManyRequestsCarriesRetryAfterInThePlatformShapeAndChangesNothing() async throws {
        let plan = try FaultPlan.parse("429,retry-after=3,method=PATCH,path=/topsort/*")
        try await withSandbox(SandboxConfiguration(fixture: .generic, faults: plan)) { sandbox, endpoints in
            let client = TestClient()
            let url = URL.at(endpoints.topsort, "/public/v1/campaign-service/campaigns/22222222-2222-4222-8222-222222222222")
            let response = try await client.json("PATCH", url, .object([("name", .string("Changed"))]), headers: auth)
            #expect(response.status == 429)
            #expect(response.header("Retry-After") == "3")
            #expect(response.json?["errCode"] == .string("too_many_requests"))
            let list = try await client.send("GET", .at(endpoints.topsort, "/v1/campaign-service/campaigns", [("vendor_id", "vendor-1")]), headers: auth)
            #expect(list.json?["campaigns"]?.arrayValue?.contains { $0["name"] == .string("Changed") } == false)
            let entry = try #require(sandbox.requestLog.entries.first)
            #expect(entry.status == 429)
            #expect(entry.fault == "429")
        }
    }

    @Test(arguments: [(500, "errors"), (503, "errors")])
    func serverErrorsUseThePlatformShape(_ status: Int, _ key: String) async throws {
        let plan = try FaultPlan.parse("\(status),path=/criteo/*")
        try await withSandbox(SandboxConfiguration(faults: plan)) { _, endpoints in
            let response = try await TestClient().send("GET", .at(endpoints.criteo, "/preview/marketing-solutions/campaigns/1"))
            #expect(response.status == status)
            #expect(response.json?[key]?.arrayValue?.first?["traceIdentifier"] != nil)
        }
    }

    @Test func aDroppedConnectionFailsTheCallAndTheNextTryWorks() async throws {
        let plan = try FaultPlan.parse("drop,times=1")
        try await withSandbox(SandboxConfiguration(faults: plan)) { sandbox, endpoints in
            let client = TestClient()
            await #expect(throws: (any Error).self) { _ = try await topsortList(client, endpoints, offset: 0) }
            let retry = try await topsortList(client, endpoints, offset: 0)
            #expect(retry == 200)
            #expect(sandbox.requestLog.entries.map(\.status) == [nil, 200])
            #expect(sandbox.requestLog.entries.first?.fault == "drop")
        }
    }

    @Test func aDroppedConnectionLosesTheAnswerNotTheChange() async throws {
        let plan = try FaultPlan.parse("drop,path=/nextroll/api/v1/campaign/create,times=1")
        try await withSandbox(SandboxConfiguration(fixture: .generic, faults: plan)) { sandbox, endpoints in
            let create = URL.at(endpoints.nextroll, "/api/v1/campaign/create", [("apikey", "k")])
            let fields = [("advertisable", "ADVGENERIC000000000001"), ("budget", "70"), ("name", "Lost Answer"), ("status", "draft")]
            await #expect(throws: (any Error).self) {
                _ = try await TestClient().form("POST", create, fields, headers: ["Authorization": "Bearer t"])
            }
            #expect(sandbox.requestLog.entries.map(\.status) == [nil])
            let list = URL.at(endpoints.nextroll, "/api/v1/advertisable/get_campaigns",
                              [("advertisable", "ADVGENERIC000000000001"), ("is_active", "false"), ("apikey", "k")])
            let inactive = try await TestClient().send("GET", list, headers: ["Authorization": "Bearer t"])
            let names = inactive.json?["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names.filter { $0 == "Lost Answer" }.count == 1)
        }
    }

    @Test func aResponseThatNeverComesMakesTheClientTimeOut() async throws {
        let plan = try FaultPlan.parse("hang,times=1")
        try await withSandbox(SandboxConfiguration(faults: plan)) { sandbox, endpoints in
            // Whole seconds: URLSession on Linux times out at once for a sub-second timeoutIntervalForRequest.
            let impatient = TestClient(timeout: 1)
            await #expect(throws: (any Error).self) { _ = try await topsortList(impatient, endpoints, offset: 0) }
            let retry = try await topsortList(TestClient(), endpoints, offset: 0)
            #expect(retry == 200)
            #expect(sandbox.requestLog.entries.first?.fault == "hang")
            #expect(sandbox.requestLog.entries.first?.status == nil)
        }
    }

    @Test func stopEndsAHangingRequest() async throws {
        let plan = try FaultPlan.parse("hang")
        let sandbox = try SandboxServer(configuration: SandboxConfiguration(faults: plan))
        let endpoints = try await sandbox.start()
        let connection = try RawHTTPClient(port: endpoints.port)
        connection.send("GET /topsort/v1/campaign-service/campaigns HTTP/1.1\r\n\r\n")
        while sandbox.requestLog.entries.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        await sandbox.stop()
        #expect(await connection.readAll() == "")
    }

    @Test func latencyDelaysButAnswers() async throws {
        let plan = try FaultPlan.parse("latency=1ms..3ms,path=/topsort/*")
        try await withSandbox(SandboxConfiguration(faults: plan)) { sandbox, endpoints in
            #expect(try await topsortList(TestClient(), endpoints, offset: 0) == 200)
            _ = try await TestClient().send("GET", .at(endpoints.jivox, "/v2/accounts/a/retail-campaigns/1/trackers"))
            #expect(sandbox.requestLog.entries.map(\.fault) == ["latency", nil])
        }
    }

    @Test func rulesMatchByPathAndMethodAndStopAfterTimes() async throws {
        let plan = try FaultPlan.parse("503,path=/topsort/v1/*,method=GET,times=2")
        try await withSandbox(SandboxConfiguration(faults: plan)) { sandbox, endpoints in
            let client = TestClient()
            _ = try await client.send("GET", .at(endpoints.jivox, "/v2/accounts/a/retail-campaigns/1/trackers"), headers: auth)
            _ = try await client.json("POST", .at(endpoints.topsort, "/public/v1/campaign-service/campaigns"), .object([]), headers: auth)
            for _ in 0..<3 { _ = try await topsortList(client, endpoints, offset: 0) }
            #expect(sandbox.requestLog.entries.map(\.status) == [404, 422, 503, 503, 200])
        }
    }

    @Test func faultsCanBeChangedWhileRunning() async throws {
        try await withSandbox { sandbox, endpoints in
            let client = TestClient()
            #expect(try await topsortList(client, endpoints, offset: 0) == 200)
            sandbox.faults.configure(try FaultPlan.parse("500"))
            #expect(try await topsortList(client, endpoints, offset: 0) == 500)
            sandbox.faults.configure(.none)
            #expect(try await topsortList(client, endpoints, offset: 0) == 200)
        }
    }
}
