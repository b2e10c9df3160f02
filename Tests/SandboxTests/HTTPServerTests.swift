import Foundation
import Testing
@testable import Sandbox

/// The server itself: malformed input, limits, keep-alive, concurrency and shutdown, over real sockets.
@Suite struct HTTPServerTests {
    let topsortHeaders = ["Authorization": "Bearer key"]

    func listCampaigns(_ client: TestClient, _ endpoints: SandboxEndpoints) async throws -> TestResponse {
        try await client.send("GET", .at(endpoints.topsort, "/v1/campaign-service/campaigns"), headers: topsortHeaders)
    }

    @Test(arguments: [
        ("GARBAGE\r\n\r\n", 400),
        ("GET /topsort HTTP/1.1 extra\r\n\r\n", 400),
        ("GET noslash HTTP/1.1\r\n\r\n", 400),
        ("GET /topsort HTTP/2.0\r\n\r\n", 505),
        ("GET /topsort HTTP/1.1\r\nBad Header\r\n\r\n", 400),
        ("GET /topsort HTTP/1.1\r\nX: 1\r\n folded\r\n\r\n", 400),
        ("POST /topsort/x HTTP/1.1\r\nContent-Length: abc\r\n\r\n", 400),
        ("POST /topsort/x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
        ("POST /topsort/x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        ("GET /topsort/%zz HTTP/1.1\r\n\r\n", 400),
        ("G(T / HTTP/1.1\r\n\r\n", 400),
    ])
    func malformedRequestsGetAnErrorAndTheServerKeepsServing(_ raw: String, _ status: Int) async throws {
        try await withSandbox { _, endpoints in
            let connection = try RawHTTPClient(port: endpoints.port)
            connection.send(raw)
            let response = await connection.readAll()
            #expect(response.statusCode == status)
            #expect(response.contains("Connection: close"))
            #expect(try await listCampaigns(TestClient(), endpoints).status == 200)
        }
    }

    /// Header values lose the spaces and tabs around them (HTTP's optional whitespace) and nothing else.
    @Test func headerValuesAreTrimmedOfSpacesAndTabsOnly() {
        #expect(" \t application/json \t".trimmingHTTPWhitespace == "application/json")
        #expect("\u{A0}x\u{A0}".trimmingHTTPWhitespace == "\u{A0}x\u{A0}")
        #expect(" \t ".trimmingHTTPWhitespace.isEmpty)
        func request(_ headers: [String: String]) -> HTTPRequest { HTTPRequest(method: "POST", path: "/x", headers: headers) }
        #expect(request(["content-type": " Application/JSON ; charset=utf-8"]).mediaType == "application/json")
        #expect(request(["content-type": ""]).mediaType == "")
        #expect(request(["authorization": "Bearer \tkey\t"]).bearerToken == "key")
        #expect(request(["authorization": "Bearer  \t"]).bearerToken == nil)
    }

    @Test func invalidUTF8InTheHeadIsRejected() async throws {
        try await withSandbox { _, endpoints in
            let connection = try RawHTTPClient(port: endpoints.port)
            connection.send(Data("GET /topsort HTTP/1.1\r\nX: ".utf8) + Data([0xFF, 0xFE]) + Data("\r\n\r\n".utf8))
            #expect(await connection.readAll().statusCode == 400)
        }
    }

    @Test func oversizeBodyIsRefusedWith413InThePlatformsShape() async throws {
        var configuration = SandboxConfiguration()
        configuration.limits.maximumBodyBytes = 1024
        try await withSandbox(configuration) { sandbox, endpoints in
            let client = TestClient()
            let big = Data(repeating: UInt8(ascii: "a"), count: 4096)
            let response = try await client.send("POST", .at(endpoints.topsort, "/public/v1/campaign-service/campaigns"),
                                                 headers: topsortHeaders.merging(["Content-Type": "application/json"]) { $1 }, body: big)
            #expect(response.status == 413)
            #expect(response.json?["errCode"] == .string("payload_too_large"))
            let criteo = try await client.send("PATCH", .at(endpoints.criteo, "/preview/marketing-solutions/campaigns"),
                                               headers: ["Content-Type": "application/json"], body: big)
            #expect(criteo.status == 413)
            #expect(criteo.json?["errors"]?.arrayValue?.count == 1)
            #expect(sandbox.requestLog.entries.map(\.status) == [413, 413])
            #expect(try await listCampaigns(client, endpoints).status == 200)
        }
    }

    @Test func chunkedBodiesOverTheLimitAreRefused() async throws {
        var configuration = SandboxConfiguration()
        configuration.limits.maximumBodyBytes = 16
        try await withSandbox(configuration) { _, endpoints in
            let connection = try RawHTTPClient(port: endpoints.port)
            connection.send("POST /topsort/public/v1/campaign-service/campaigns HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n" +
                            String(repeating: "x", count: 32) + "\r\n0\r\n\r\n")
            #expect(await connection.readAll().statusCode == 413)
        }
    }

    @Test func oversizeHeadersGet431AndLongRequestLines414() async throws {
        var configuration = SandboxConfiguration()
        configuration.limits.maximumHeaderBytes = 512
        try await withSandbox(configuration) { _, endpoints in
            let headers = try RawHTTPClient(port: endpoints.port)
            headers.send("GET /topsort HTTP/1.1\r\n" + String(repeating: "X-Filler: 0123456789\r\n", count: 40) + "\r\n")
            #expect(await headers.readAll().statusCode == 431)
            let line = try RawHTTPClient(port: endpoints.port)
            line.send("GET /" + String(repeating: "a", count: 1000))
            #expect(await line.readAll().statusCode == 414)
        }
    }

    @Test func tooManyHeadersGet431() async throws {
        var configuration = SandboxConfiguration()
        configuration.limits.maximumHeaderCount = 5
        try await withSandbox(configuration) { _, endpoints in
            let connection = try RawHTTPClient(port: endpoints.port)
            connection.send("GET /topsort HTTP/1.1\r\n" + (1...6).map { "X-\($0): y\r\n" }.joined() + "\r\n")
            #expect(await connection.readAll().statusCode == 431)
        }
    }

    @Test func anIncompleteRequestTimesOutWith408() async throws {
        var configuration = SandboxConfiguration()
        configuration.limits.requestTimeout = 0.2
        try await withSandbox(configuration) { _, endpoints in
            let connection = try RawHTTPClient(port: endpoints.port)
            connection.send("GET /topsort/v1/campaign-service/campaigns HTTP/1.1\r\nHost: x")
            #expect(await connection.readAll().statusCode == 408)
            #expect(try await listCampaigns(TestClient(), endpoints).status == 200)
        }
    }

    @Test func anIdleKeepAliveConnectionIsClosedQuietly() async throws {
        var configuration = SandboxConfiguration()
        configuration.limits.idleTimeout = 0.2
        try await withSandbox(configuration) { sandbox, endpoints in
            let connection = try RawHTTPClient(port: endpoints.port)
            #expect(await connection.readAll() == "")
            #expect(await sandbox.openConnections == 0)
        }
    }

    @Test func keepAliveAndPipeliningServeSeveralRequestsOnOneConnection() async throws {
        try await withSandbox { sandbox, endpoints in
            let connection = try RawHTTPClient(port: endpoints.port)
            let request = "GET /topsort/v1/campaign-service/campaigns HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n\r\n"
            connection.send(request + request + request)
            let responses = await connection.readResponses(3)
            #expect(responses.count == 3)
            #expect(responses.allSatisfy { $0.statusCode == 200 && $0.contains("Connection: keep-alive") })
            connection.send(request.replacingOccurrences(of: "Host: x", with: "Host: x\r\nConnection: close"))
            let last = await connection.readAll()
            #expect(last.statusCode == 200)
            #expect(last.contains("Connection: close"))
            #expect(sandbox.requestLog.count(.topsort) == 4)
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() async throws {
        try await withSandbox { _, endpoints in
            let connection = try RawHTTPClient(port: endpoints.port)
            connection.send("GET /topsort/v1/campaign-service/campaigns HTTP/1.0\r\nAuthorization: Bearer k\r\n\r\n")
            let response = await connection.readAll()
            #expect(response.statusCode == 200)
            #expect(response.contains("Connection: close"))
        }
    }

    @Test func chunkedBodiesAndExpectContinueAreRead() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let body = #"{"name":"Chunked","isActive":false}"#
            let chunked = try RawHTTPClient(port: endpoints.port)
            let half = body.count / 2
            chunked.send("PATCH /topsort/public/v1/campaign-service/campaigns/11111111-1111-4111-8111-111111111111 HTTP/1.1\r\n" +
                         "Authorization: Bearer k\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
                         String(half, radix: 16) + ";ext=1\r\n" + body.prefix(half) + "\r\n" +
                         String(body.count - half, radix: 16) + "\r\n" + body.dropFirst(half) + "\r\n0\r\nTrailer: x\r\n\r\n")
            let response = await chunked.readAll()
            #expect(response.statusCode == 200)
            #expect(json(response.responseBody)["name"] == .string("Chunked"))

            let expecting = try RawHTTPClient(port: endpoints.port)
            expecting.send("PATCH /topsort/public/v1/campaign-service/campaigns/11111111-1111-4111-8111-111111111111 HTTP/1.1\r\n" +
                           "Authorization: Bearer k\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n" +
                           "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n")
            let interim = await expecting.readResponses(1)
            #expect(interim.first?.statusCode == 100)
            expecting.send(body)
            #expect(await expecting.readAll().statusCode == 200)
        }
    }

    @Test func twoHundredConcurrentRequestsComplete() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { sandbox, endpoints in
            let client = TestClient(connectionsPerHost: 16)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        switch index % 4 {
                        case 0:
                            return try await client.send("GET", .at(endpoints.topsort, "/v1/campaign-service/campaigns", [("limit", "2")]),
                                                         headers: ["Authorization": "Bearer k"]).status
                        case 1:
                            return try await client.send("GET", .at(endpoints.nextroll, "/api/v1/campaign/get", [("campaign", "CAMGENERICACTIVE000001"), ("apikey", "k")]),
                                                         headers: ["Authorization": "Bearer t"]).status
                        case 2:
                            return try await client.send("GET", .at(endpoints.jivox, "/v2/accounts/acc-1/retail-campaigns/102/trackers"),
                                                         headers: ["Authorization": "Bearer k"]).status
                        default:
                            return try await client.json("PATCH", .at(endpoints.topsort, "/public/v1/campaign-service/campaigns/22222222-2222-4222-8222-222222222222"),
                                                         .object([("name", .string("Concurrent \(index)"))]), headers: ["Authorization": "Bearer k"]).status
                        }
                    }
                }
                var all: [Int] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.count == 200)
            #expect(statuses.allSatisfy { $0 == 200 })
            #expect(sandbox.requestLog.entries.count == 200)
            #expect(Set(sandbox.requestLog.entries.map(\.sequence)).count == 200)
        }
    }

    @Test func connectionsBeyondTheLimitGet503() async throws {
        var configuration = SandboxConfiguration()
        configuration.limits.maximumConnections = 2
        try await withSandbox(configuration) { sandbox, endpoints in
            let first = try RawHTTPClient(port: endpoints.port)
            let second = try RawHTTPClient(port: endpoints.port)
            // The two are admitted once the server has registered them; a request on each proves it.
            for connection in [first, second] {
                connection.send("GET /topsort/v1/campaign-service/campaigns HTTP/1.1\r\nAuthorization: Bearer k\r\n\r\n")
                #expect(await connection.readResponses(1).first?.statusCode == 200)
            }
            let third = try RawHTTPClient(port: endpoints.port)
            #expect(await third.readAll().statusCode == 503)
            #expect(await sandbox.openConnections == 2)
        }
    }

    @Test func stopClosesClientConnectionsAndTheListener() async throws {
        let sandbox = try SandboxServer()
        let endpoints = try await sandbox.start()
        let idle = try RawHTTPClient(port: endpoints.port)
        idle.send("GET /topsort/v1/campaign-service/campaigns HTTP/1.1\r\nAuthorization: Bearer k\r\n\r\n")
        #expect(await idle.readResponses(1).first?.statusCode == 200)
        await sandbox.stop()
        #expect(await idle.isClosedByServer())
        #expect(throws: (any Error).self) { try RawHTTPClient(port: endpoints.port) }
        #expect(await sandbox.endpoints == nil)
        await sandbox.stop()
    }

    @Test func pathsOutsideThePlatformsAre404() async throws {
        try await withSandbox { _, endpoints in
            let response = try await TestClient().send("GET", endpoints.root.appendingPathComponent("elsewhere"))
            #expect(response.status == 404)
            #expect(response.json?["error"]?["status"] == .integer(404))
        }
    }

    @Test func aSecondStartIsRefused() async throws {
        try await withSandbox { sandbox, _ in
            await #expect(throws: SandboxError.alreadyRunning) { _ = try await sandbox.start() }
        }
    }
}
