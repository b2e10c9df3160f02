import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

/// The shared HTTP layer against the sandbox: waits, retries, timeouts, giving up, redaction.
/// Topsort's simulator serves as the platform (a bearer key, a read, a create and an update).
@Suite("HTTP retries")
struct APIClientRetryTests {
    static let provider = providerConfig("topsort-mkt", .topsort, account: "vendor-1", currency: "USD")
    static let list = APIRequest(.get, "/v1/campaign-service/campaigns", query: [URLQueryItem(name: "vendor_id", value: "vendor-1")])
    static let key = SandboxHarness.environment["TOPSORT_API_KEY"] ?? ""

    static func create(_ name: String) -> APIRequest {
        let body = #"{"vendorId": "vendor-1", "name": "\#(name)", "budget": {"amount": 100, "type": "daily"}, "#
            + #""startDate": "2030-01-01T00:00:00Z", "endDate": "2030-02-01T00:00:00Z"}"#
        return APIRequest.json(.post, "/public/v1/campaign-service/campaigns", body: Data(body.utf8))
    }

    /// A sandbox with `faults` and an API client for Topsort on it whose waits `sleeper` records.
    func withAPI(_ faults: String, sleeper: RecordingSleeper = RecordingSleeper(),
                 retryPolicy: RetryPolicy = RetryPolicy(requestTimeout: ProviderTestKit.patientTimeout),
                 _ body: (SandboxHarness, APIClient) async throws -> Void) async throws {
        try await ProviderTestKit.withClient(Self.provider, faults: try FaultPlan.parse(faults), sleeper: sleeper, retryPolicy: retryPolicy,
                                             client: Self.apiClient, body)
    }

    static func apiClient(_ provider: ProviderConfig, _ connection: ProviderConnection) -> APIClient {
        connection.apiClient(alias: provider.alias, authenticator: StaticCredentialAuthenticator(headers: ["Authorization": "Bearer \(key)"]),
                             errorReader: TopsortClient.errorReader)
    }

    func statuses(_ harness: SandboxHarness) -> [Int?] { harness.server.requestLog.entries.map(\.status) }

    @Test func aTooManyRequestsAnswerIsRetriedAfterTheRetryAfterWait() async throws {
        let sleeper = RecordingSleeper()
        try await withAPI("429,retry-after=7,times=2", sleeper: sleeper) { harness, api in
            let trace = CallTrace()
            let response = try await api.send(Self.list, trace: trace)
            #expect(response.status == 200)
            #expect(sleeper.waits == [7, 7], "Retry-After is honoured, not the shorter backoff")
            #expect(statuses(harness) == [429, 429, 200])
            #expect(await trace.records.map(\.status) == [429, 429, 200])
            #expect(await api.counter.total == 3)
        }
    }

    @Test func aCreateIsRetriedAfter429BecauseThePlatformDidNothing() async throws {
        let sleeper = RecordingSleeper()
        try await withAPI("429,retry-after=2,times=1", sleeper: sleeper) { harness, api in
            let response = try await api.send(Self.create("After 429"))
            #expect(response.status == 201)
            #expect(statuses(harness) == [429, 201])
            #expect(sleeper.waits == [2])
        }
    }

    @Test func aServerErrorIsRetriedForIdempotentCallsOnly() async throws {
        let sleeper = RecordingSleeper()
        try await withAPI("503,times=2", sleeper: sleeper) { harness, api in
            let response = try await api.send(Self.list)
            #expect(response.status == 200)
            #expect(statuses(harness) == [503, 503, 200])
            #expect(sleeper.waits.count == 2)
            #expect(sleeper.waits[0] < 0.5 && sleeper.waits[1] < 1, "exponential backoff with full jitter from 0.5 s")

            harness.server.faults.configure(try FaultPlan.parse("503,times=1"))
            harness.server.requestLog.clear()
            let error = try #require(await #expect(throws: APIError.self) { _ = try await api.send(Self.create("After 503")) })
            #expect(error.httpStatus == 503)
            #expect(error.outcomeIsUnknown, "a 5xx may come after the platform acted")
            #expect(statuses(harness) == [503], "a create is never sent twice")
        }
    }

    @Test func aDroppedConnectionIsRetriedForAReadAndNotForACreate() async throws {
        try await withAPI("drop,times=1") { harness, api in
            let response = try await api.send(Self.list)
            #expect(response.status == 200)
            #expect(statuses(harness) == [nil, 200])

            harness.server.faults.configure(try FaultPlan.parse("drop,times=1"))
            harness.server.requestLog.clear()
            let error = try #require(await #expect(throws: APIError.self) { _ = try await api.send(Self.create("After drop")) })
            #expect(error.outcomeIsUnknown)
            #expect(error.httpStatus == nil)
            #expect(statuses(harness) == [nil], "a create is never sent twice (the sandbox made it; only the answer was lost)")
        }
    }

    /// Requests that follow others never share their connection: on Linux, URLSession silently sends a
    /// request again when the reused connection it went out on is dropped (the platform sees it twice, the
    /// client once), and a request with a body on such a connection waits out the whole request timeout.
    @Test func aDroppedAnswerAfterEarlierRequestsIsReportedAtOnceAndEveryAttemptIsRecorded() async throws {
        // Long enough for a busy machine; a request stuck on a dead connection would fail with "timed out".
        try await withAPI("", retryPolicy: RetryPolicy(requestTimeout: 20)) { harness, api in
            for _ in 0..<3 { _ = try await api.send(Self.list) }
            harness.server.faults.configure(try FaultPlan.parse("drop,times=1"))
            harness.server.requestLog.clear()
            let trace = CallTrace()
            _ = try await api.send(Self.list, trace: trace)
            #expect(statuses(harness) == [nil, 200])
            #expect(await trace.records.map(\.status) == [nil, 200], "the client knows of both requests the platform received")

            for request in [Self.create("After reads"), APIRequest.json(.patch, "/public/v1/campaign-service/campaigns/11111111-1111-4111-8111-111111111111",
                                                                         body: Data(#"{"name": "Renamed"}"#.utf8), isIdempotent: false)] {
                harness.server.faults.configure(try FaultPlan.parse("drop,times=1"))
                harness.server.requestLog.clear()
                let error = try #require(await #expect(throws: APIError.self) { _ = try await api.send(request) })
                #expect(error.outcomeIsUnknown)
                #expect(error.description.hasSuffix("failed: the connection was closed before the answer came"), "not a timeout: \(error)")
                #expect(statuses(harness) == [nil], "sent once")
            }
        }
    }

    @Test func aHangTimesOutAndTheReadIsTriedAgain() async throws {
        try await withAPI("hang,times=1", retryPolicy: RetryPolicy(requestTimeout: ProviderTestKit.hangTimeout)) { harness, api in
            let trace = CallTrace()
            let response = try await api.send(Self.list, trace: trace)
            #expect(response.status == 200)
            let records = await trace.records
            #expect(records.map(\.status) == [nil, 200])
            #expect(records.first?.error?.contains("timed out") == true)
            #expect(harness.server.requestLog.entries.first?.fault == "hang")
        }
    }

    @Test func itGivesUpAfterTheConfiguredAttemptsWithAClearRedactedError() async throws {
        let sleeper = RecordingSleeper()
        try await withAPI("503", sleeper: sleeper, retryPolicy: RetryPolicy(maxAttempts: 3, requestTimeout: ProviderTestKit.patientTimeout)) { harness, api in
            let error = try #require(await #expect(throws: APIError.self) { _ = try await api.send(Self.list) })
            guard case .gaveUp(let attempts, let last) = error else {
                Issue.record("expected gaveUp, got \(error)")
                return
            }
            #expect(attempts == 3)
            #expect(last.httpStatus == 503)
            #expect(error.description == "GET /v1/campaign-service/campaigns failed with HTTP 503 service_unavailable: injected fault: Service Unavailable (gave up after 3 attempts)")
            #expect(statuses(harness) == [503, 503, 503])
            #expect(sleeper.waits.count == 2)
            // Through a client: the provider and the operation are named too.
            let client = TopsortClient(provider: Self.provider, connection: try harness.unthrottledConnection(
                for: Self.provider, sleeper: sleeper, retryPolicy: RetryPolicy(maxAttempts: 2, requestTimeout: ProviderTestKit.patientTimeout)))
            let failure = try #require(await #expect(throws: ProviderError.self) { _ = try await client.fetch(for: Manifest()) })
            #expect(failure.description.hasPrefix("topsort-mkt: fetching the campaigns of vendor vendor-1 failed: GET /v1/campaign-service/campaigns failed with HTTP 503"))
            #expect(failure.description.hasSuffix("(gave up after 2 attempts)"))
            ProviderTestKit.expectNoCredentials(in: [error.description, failure.description])
        }
    }

    @Test func aCredentialInAnAnsweredPathIsRedactedFromTheError() async throws {
        try await withAPI("") { _, api in
            // A path that echoes the key back (the platform answers 404 naming it).
            let request = APIRequest.json(.patch, "/public/v1/campaign-service/campaigns/\(Self.key)", body: Data("{}".utf8))
            let trace = CallTrace()
            let error = try #require(await #expect(throws: APIError.self) { _ = try await api.send(request, trace: trace) })
            #expect(error.httpStatus == 422)
            #expect(error.description.contains(SecretRedactor.mask))
            let records = await trace.records
            ProviderTestKit.expectNoCredentials(in: [error.description] + records.compactMap(\.error))
        }
    }

    @Test func aLongerRetryAfterThanAllowedFailsNowWithThePlatformAnswer() async throws {
        let sleeper = RecordingSleeper()
        try await withAPI("429,retry-after=600", sleeper: sleeper, retryPolicy: RetryPolicy(maxRetryAfter: 120, requestTimeout: ProviderTestKit.patientTimeout)) { harness, api in
            let error = try #require(await #expect(throws: APIError.self) { _ = try await api.send(Self.list) })
            #expect(error.httpStatus == 429)
            #expect(sleeper.waits.isEmpty)
            #expect(statuses(harness) == [429])
        }
    }
}
