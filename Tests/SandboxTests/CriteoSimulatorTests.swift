import Foundation
import Testing
@testable import Sandbox

/// Criteo, following the examples of the campaigns reference.
@Suite struct CriteoSimulatorTests {
    static let campaigns = "/preview/marketing-solutions/campaigns"

    /// A client with a token from the token endpoint.
    struct Session {
        let client = TestClient()
        let base: URL
        let token: String

        var auth: [String: String] { ["Authorization": "Bearer \(token)"] }

        static func open(_ endpoints: SandboxEndpoints, id: String = "client", secret: String = "secret") async throws -> Session {
            let client = TestClient()
            let response = try await client.form("POST", .at(endpoints.criteo, "/oauth2/token"),
                                                 [("grant_type", "client_credentials"), ("client_id", id), ("client_secret", secret)])
            let token = try #require(response.json?["access_token"]?.stringValue)
            return Session(base: endpoints.criteo, token: token)
        }

        func call(_ method: String, _ path: String, _ body: SandboxJSON? = nil) async throws -> TestResponse {
            try await client.json(method, .at(base, path), body, headers: auth)
        }

        func patch(_ items: String) async throws -> TestResponse {
            try await call("PATCH", CriteoSimulatorTests.campaigns, json(#"{"data": \#(items)}"#))
        }
    }

    func spendLimit(_ renewal: String, _ amount: String) -> String {
        #"{"spendLimit": {"spendLimitRenewal": "\#(renewal)", "spendLimitType": "capped", "spendLimitAmount": \#(amount)}}"#
    }

    @Test func tokenEndpointIssuesExpiringBearerTokens() async throws {
        var configuration = SandboxConfiguration(credentials: SandboxCredentials(criteoClientID: "id", criteoClientSecret: "s3cr3t-value"))
        configuration.criteoTokenLifetime = 900
        try await withSandbox(configuration) { sandbox, endpoints in
            let client = TestClient()
            let url = URL.at(endpoints.criteo, "/oauth2/token")
            let response = try await client.form("POST", url, [("grant_type", "client_credentials"), ("client_id", "id"), ("client_secret", "s3cr3t-value")])
            #expect(response.status == 200)
            #expect(response.json?["token_type"] == .string("Bearer"))
            #expect(response.json?["expires_in"] == .integer(900))
            #expect(response.json?["access_token"]?.stringValue?.isEmpty == false)

            let basic = Data("id:s3cr3t-value".utf8).base64EncodedString()
            let viaBasic = try await client.form("POST", url, [("grant_type", "client_credentials")], headers: ["Authorization": "Basic \(basic)"])
            #expect(viaBasic.status == 200)

            let wrong = try await client.form("POST", url, [("grant_type", "client_credentials"), ("client_id", "id"), ("client_secret", "nope")])
            #expect(wrong.status == 401)
            #expect(wrong.json?["error"] == .string("invalid_client"))
            let grant = try await client.form("POST", url, [("grant_type", "password"), ("client_id", "id"), ("client_secret", "s3cr3t-value")])
            #expect(grant.status == 400)
            #expect(grant.json?["error"] == .string("unsupported_grant_type"))
            let json = try await client.json("POST", url, .object([("grant_type", .string("client_credentials"))]))
            #expect(json.status == 400)
            #expect(await sandbox.criteo.issuedTokenCount == 2)
            // The secret never reaches the request log.
            #expect(!sandbox.requestLog.entries.contains { $0.bodyText.contains("s3cr3t") })
            #expect(sandbox.requestLog.entries.first?.bodyText.contains("client_secret=REDACTED") == true)
        }
    }

    @Test func callsWithoutAValidTokenGet401InCriteosShape() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { sandbox, endpoints in
            let client = TestClient()
            let missing = try await client.send("GET", .at(endpoints.criteo, Self.campaigns + "/100001"))
            #expect(missing.status == 401)
            #expect(missing.json?["errors"]?[0]?["code"] == .string("authentication-header-missing"))
            // The platform's own path, as on api.criteo.com: not the sandbox's `/criteo` prefix.
            #expect(missing.json?["errors"]?[0]?["instance"] == .string(Self.campaigns + "/100001"))
            let bogus = try await client.send("GET", .at(endpoints.criteo, Self.campaigns + "/100001"), headers: ["Authorization": "Bearer bogus"])
            #expect(bogus.status == 401)
            #expect(bogus.json?["errors"]?[0]?["code"] == .string("authentication-token-invalid"))
            #expect(bogus.header("WWW-Authenticate")?.contains("invalid_token") == true)

            let session = try await Session.open(endpoints)
            #expect(try await session.call("GET", Self.campaigns + "/100001").status == 200)
            await sandbox.criteo.expireTokens()
            let expired = try await session.call("GET", Self.campaigns + "/100001")
            #expect(expired.status == 401)
            #expect(expired.json?["errors"]?[0]?["code"] == .string("authentication-token-expired"))
            // Refresh on 401: a new token works again.
            let fresh = try await Session.open(endpoints)
            #expect(try await fresh.call("GET", Self.campaigns + "/100001").status == 200)
            await sandbox.criteo.revoke(token: fresh.token)
            #expect(try await fresh.call("GET", Self.campaigns + "/100001").status == 401)
        }
    }

    @Test func tokensExpireWithTheClock() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let now = LockedClockValue(start)
        var configuration = SandboxConfiguration(fixture: .generic, clock: SandboxClock { now.value })
        configuration.criteoTokenLifetime = 60
        try await withSandbox(configuration) { _, endpoints in
            let session = try await Session.open(endpoints)
            now.value = start.addingTimeInterval(59)
            #expect(try await session.call("GET", Self.campaigns + "/100001").status == 200)
            now.value = start.addingTimeInterval(60)
            #expect(try await session.call("GET", Self.campaigns + "/100001").status == 401)
        }
    }

    @Test func getReturnsTheDocumentedShape() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let session = try await Session.open(endpoints)
            let response = try await session.call("GET", Self.campaigns + "/100001")
            #expect(response.status == 200)
            #expect(response.text == #"{"data":{"type":"Campaign","id":"100001","attributes":{"name":"Retention Daily","advertiserId":12345,"goal":"Retention","spendLimit":{"spendLimitRenewal":"daily","spendLimitType":"capped","spendLimitAmount":123.45}}},"errors":[]}"#)
            let uncapped = try await session.call("GET", Self.campaigns + "/100002")
            #expect(uncapped.json?["data"]?["attributes"]?["spendLimit"] == json(#"{"spendLimitRenewal":"undefined","spendLimitType":"uncapped","spendLimitAmount":null}"#))
            let missing = try await session.call("GET", Self.campaigns + "/999")
            #expect(missing.status == 404)
            #expect(missing.json?["errors"]?[0]?["type"] == .string("not-found"))
        }
    }

    @Test func searchFiltersByAdvertiserAndCampaign() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let session = try await Session.open(endpoints)
            func ids(_ filters: String) async throws -> [String] {
                let response = try await session.call("POST", Self.campaigns + "/search", json(#"{"filters": \#(filters)}"#))
                #expect(response.status == 200)
                #expect(response.json?["errors"] == .array([]))
                return response.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            }
            #expect(try await ids("{}") == ["100001", "100002", "100003", "100004"])
            #expect(try await ids(#"{"advertiserIds": ["12345"]}"#) == ["100001", "100002", "100003"])
            #expect(try await ids(#"{"advertiserIds": [67890]}"#) == ["100004"])
            #expect(try await ids(#"{"advertiserIds": ["12345"], "campaignIds": ["100003", "100004"]}"#) == ["100003"])
            let bad = try await session.call("POST", Self.campaigns + "/search", json(#"{"filters": {"advertiser": ["1"]}}"#))
            #expect(bad.status == 400)
        }
    }

    @Test func createFollowsTheDocumentedExample() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { sandbox, endpoints in
            let session = try await Session.open(endpoints)
            let body = json(#"{"data": {"type": "Campaign", "attributes": {"name": "My Campaign", "advertiserId": 12345, "goal": "Retention", "spendLimit": {"spendLimitRenewal": "daily", "spendLimitType": "capped", "spendLimitAmount": 123.45}}}}"#)
            let response = try await session.call("POST", Self.campaigns, body)
            #expect(response.status == 201)
            // As in the reference: advertiserId is a string in the create response, attributes in its order.
            #expect(response.text == #"{"data":{"id":"100005","type":"Campaign","attributes":{"name":"My Campaign","advertiserId":"12345","spendLimit":{"spendLimitType":"capped","spendLimitRenewal":"daily","spendLimitAmount":123.45},"goal":"Retention"}},"warnings":[],"errors":[]}"#)
            #expect(try await session.call("GET", Self.campaigns + "/100005").json?["data"]?["attributes"]?["advertiserId"] == .integer(12345))
            #expect(sandbox.requestLog.count(.criteo, method: "POST", path: Self.campaigns) == 1)
        }
    }

    /// The reference makes only `goal` mandatory on create; a campaign created without a spend limit
    /// has none (uncapped), which is also what the planner's spend summary assumes for it.
    @Test func createWithoutSpendLimitIsUncapped() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let session = try await Session.open(endpoints)
            let body = json(#"{"data": {"type": "Campaign", "attributes": {"name": "No Limit", "advertiserId": 12345, "goal": "Acquisition"}}}"#)
            let response = try await session.call("POST", Self.campaigns, body)
            #expect(response.status == 201)
            let id = try #require(response.json?["data"]?["id"]?.stringValue)
            let stored = try await session.call("GET", Self.campaigns + "/" + id)
            #expect(stored.json?["data"]?["attributes"]?["spendLimit"] == json(#"{"spendLimitRenewal":"undefined","spendLimitType":"uncapped","spendLimitAmount":null}"#))
        }
    }

    /// The reference's failing example is a negative amount (-9000); a spend limit of 0 (no spend) is taken.
    @Test func aZeroSpendLimitIsTakenAndANegativeOneIsNot() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let session = try await Session.open(endpoints)
            let response = try await session.patch(#"""
                [{"type": "Campaign", "id": "100001", "attributes": \#(spendLimit("daily", "0"))},
                 {"type": "Campaign", "id": "100003", "attributes": \#(spendLimit("daily", "-0.01"))}]
                """#)
            #expect(response.status == 200)
            #expect(response.json?["data"] == json(#"[{"type": "Campaign", "id": "100001"}]"#))
            #expect(response.json?["errors"]?[0]?["instance"] == .string("@data/1"))
            #expect(response.json?["errors"]?[0]?["code"] == .string("campaign--campaign-update-check--validation-failed-on-spend-limit"))
        }
    }

    @Test(arguments: [
        (#"{"name": "X", "advertiserId": "12345", "spendLimit": {"spendLimitType": "uncapped"}}"#, "@data/attributes/goal"),
        (#"{"name": "X", "advertiserId": "12345", "goal": "Unspecified", "spendLimit": {"spendLimitType": "uncapped"}}"#, "@data/attributes/goal"),
        (#"{"name": "X", "advertiserId": "99", "goal": "Retention", "spendLimit": {"spendLimitType": "uncapped"}}"#, "@data/attributes/advertiserId"),
        (#"{"name": "X", "advertiserId": "12345", "goal": "Retention", "spendLimit": {"spendLimitType": "capped", "spendLimitRenewal": "daily"}}"#, "@data/attributes/spendLimit/spendLimitAmount"),
        (#"{"name": "X", "advertiserId": "12345", "goal": "Retention", "spendLimit": {"spendLimitType": "capped", "spendLimitRenewal": "weekly", "spendLimitAmount": 5}}"#, "@data/attributes/spendLimit/spendLimitRenewal"),
        (#"{"name": "X", "advertiserId": "12345", "goal": "Retention", "spendLimit": {"spendLimitType": "uncapped", "spendLimitAmount": 5}}"#, "@data/attributes/spendLimit/spendLimitAmount"),
        (#"{"advertiserId": "12345", "goal": "Retention", "spendLimit": {"spendLimitType": "uncapped"}}"#, "@data/attributes/name"),
        (#"{"name": "X", "advertiserId": "12345", "goal": "Retention", "spendLimit": {"spendLimitType": "uncapped"}, "status": "on"}"#, "@data/attributes/status"),
    ])
    func createRejectsInvalidCampaigns(_ attributes: String, _ instance: String) async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { sandbox, endpoints in
            let session = try await Session.open(endpoints)
            let response = try await session.call("POST", Self.campaigns, json(#"{"data": {"type": "Campaign", "attributes": \#(attributes)}}"#))
            #expect(response.status == 400)
            #expect(response.json?["errors"]?[0]?["instance"] == .string(instance))
            #expect(response.json?["errors"]?[0]?["type"] == .string("validation"))
            let state = await sandbox.criteo.exportState()
            #expect(state["campaigns"]?.arrayValue?.count == 4)
        }
    }

    @Test func bulkUpdateReportsPartialSuccessPerItem() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { sandbox, endpoints in
            let session = try await Session.open(endpoints)
            // The reference's example: the second item has an invalid amount.
            let response = try await session.patch(#"""
                [{"type": "Campaign", "id": "100001", "attributes": \#(spendLimit("daily", "123.5"))},
                 {"type": "Campaign", "id": "100004", "attributes": \#(spendLimit("daily", "-9000"))}]
                """#)
            #expect(response.status == 200)
            #expect(response.json?["data"] == json(#"[{"type": "Campaign", "id": "100001"}]"#))
            let error = try #require(response.json?["errors"]?[0])
            #expect(error["code"] == .string("campaign--campaign-update-check--validation-failed-on-spend-limit"))
            #expect(error["instance"] == .string("@data/1"))
            #expect(error["type"] == .string("validation"))
            #expect(error["title"] == .string("Validation failed on spend limit"))
            #expect(error["traceIdentifier"]?.stringValue?.count == 36)
            #expect(error["detail"] != nil)
            #expect(response.json?["warnings"] == .array([]))
            let updated = try await session.call("GET", Self.campaigns + "/100001")
            #expect(updated.json?["data"]?["attributes"]?["spendLimit"]?["spendLimitAmount"] == .number(Decimal(string: "123.5")!))
            let untouched = try await session.call("GET", Self.campaigns + "/100004")
            #expect(untouched.json?["data"]?["attributes"]?["spendLimit"]?["spendLimitAmount"] == .integer(2000))
            #expect(sandbox.requestLog.entries(.criteo, method: "PATCH").count == 1)
        }
    }

    @Test func bulkUpdateErrorCodes() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let session = try await Session.open(endpoints)
            let response = try await session.patch(#"""
                [{"type": "Campaign", "id": "100001", "attributes": {"goal": "Acquisition"}},
                 {"type": "Campaign", "id": "100001", "attributes": \#(spendLimit("daily", "10"))},
                 {"type": "Campaign", "id": "100002", "attributes": \#(spendLimit("daily", "10"))},
                 {"type": "Campaign", "id": "100003", "attributes": \#(spendLimit("lifetime", "799.99"))},
                 {"type": "Campaign", "id": "100004", "attributes": {"name": "Renamed"}},
                 {"type": "Campaign", "id": "100004", "attributes": {}},
                 {"type": "Campaign", "id": "424242", "attributes": {"goal": "Retention"}},
                 {"type": "Campaign", "attributes": {"goal": "Retention"}},
                 {"type": "Ad", "id": "100009"}]
                """#)
            #expect(response.status == 200)
            #expect(response.json?["data"] == .array([]))
            let codes = response.json?["errors"]?.arrayValue?.map { ($0["instance"]?.stringValue ?? "", $0["code"]?.stringValue ?? "") } ?? []
            #expect(codes.map(\.0) == (0...8).map { "@data/\($0)" })
            #expect(codes.map(\.1) == [
                "campaign--campaign-update-check--cannot-update-same-campaign-multiple-times",
                "campaign--campaign-update-check--cannot-update-same-campaign-multiple-times",
                "campaign--campaign-update-check--spend-limit-does-not-exist",
                "campaign--campaign-update-check--cannot-decrease-lifetime-spend-limit-below-what-is-already-spent",
                "campaign--campaign-update-check--cannot-update-same-campaign-multiple-times",
                "campaign--campaign-update-check--cannot-update-same-campaign-multiple-times",
                "campaign--campaign-update-check--campaign-does-not-exist",
                "campaign--campaign-update-check--invalid-item",
                "campaign--campaign-update-check--invalid-item",
            ])
        }
    }

    @Test func readOnlyFieldsMayBeSentUnchangedButNotChanged() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let session = try await Session.open(endpoints)
            let response = try await session.patch(#"""
                [{"type": "Campaign", "id": "100001", "attributes": {"name": "Retention Daily", "advertiserId": 12345, "goal": "Acquisition"}},
                 {"type": "Campaign", "id": "100003", "attributes": {"name": "New name"}},
                 {"type": "Campaign", "id": "100004", "attributes": {"advertiserId": "12345"}},
                 {"type": "Campaign", "id": "100002", "attributes": {"goal": "Unspecified"}}]
                """#)
            #expect(response.json?["data"] == json(#"[{"type": "Campaign", "id": "100001"}]"#))
            #expect(response.json?["errors"]?.arrayValue?.map { $0["code"]?.stringValue ?? "" } == [
                "campaign--campaign-update-check--field-is-read-only",
                "campaign--campaign-update-check--field-is-read-only",
                "campaign--campaign-update-check--validation-failed-on-goal",
            ])
            #expect(try await session.call("GET", Self.campaigns + "/100001").json?["data"]?["attributes"]?["goal"] == .string("Acquisition"))
        }
    }

    @Test func lowerLimitsThanSpentWarnForTheNextPeriod() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let session = try await Session.open(endpoints)
            // 100001 has spent 100.00 today; 100003 has spent 800.00 of its lifetime limit.
            let response = try await session.patch(#"""
                [{"type": "Campaign", "id": "100001", "attributes": \#(spendLimit("daily", "99.99"))},
                 {"type": "Campaign", "id": "100003", "attributes": \#(spendLimit("lifetime", "800.00"))},
                 {"type": "Campaign", "id": "100002", "attributes": {"spendLimit": {"spendLimitType": "uncapped"}}}]
                """#)
            #expect(response.json?["data"]?.arrayValue?.count == 3)
            #expect(response.json?["errors"] == .array([]))
            let warning = try #require(response.json?["warnings"]?.arrayValue?.first)
            #expect(response.json?["warnings"]?.arrayValue?.count == 1)
            #expect(warning["code"] == .string("campaign--campaign-update-check--new-spend-limit-amount-will-take-place-at-the-next-period-start"))
            #expect(warning["instance"] == .string("@data/0"))
            #expect(try await session.call("GET", Self.campaigns + "/100001").json?["data"]?["attributes"]?["spendLimit"]?["spendLimitAmount"]
                    == .number(Decimal(string: "99.99")!))
        }
    }

    @Test func partialSpendLimitsKeepTheOtherFieldsAndCappedCanBecomeUncapped() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let session = try await Session.open(endpoints)
            let response = try await session.patch(#"""
                [{"type": "Campaign", "id": "100001", "attributes": {"spendLimit": {"spendLimitAmount": 150.25}}},
                 {"type": "Campaign", "id": "100004", "attributes": {"spendLimit": {"spendLimitType": "uncapped"}}}]
                """#)
            #expect(response.json?["data"]?.arrayValue?.count == 2)
            let first = try await session.call("GET", Self.campaigns + "/100001")
            #expect(first.json?["data"]?["attributes"]?["spendLimit"] == json(#"{"spendLimitRenewal":"daily","spendLimitType":"capped","spendLimitAmount":150.25}"#))
            let fourth = try await session.call("GET", Self.campaigns + "/100004")
            #expect(fourth.json?["data"]?["attributes"]?["spendLimit"]?["spendLimitType"] == .string("uncapped"))
        }
    }

    @Test func malformedPayloadsAndContentTypes() async throws {
        try await withSandbox(SandboxConfiguration(fixture: .generic)) { _, endpoints in
            let session = try await Session.open(endpoints)
            let client = TestClient()
            let url = URL.at(endpoints.criteo, Self.campaigns)
            let notJSON = try await client.send("PATCH", url, headers: session.auth.merging(["Content-Type": "application/json"]) { $1 }, body: Data("{data:".utf8))
            #expect(notJSON.status == 400)
            #expect(notJSON.json?["errors"]?[0]?["code"] == .string("invalid-request"))
            let wrongType = try await client.send("PATCH", url, headers: session.auth.merging(["Content-Type": "text/plain"]) { $1 }, body: Data("{}".utf8))
            #expect(wrongType.status == 415)
            let notArray = try await session.call("PATCH", Self.campaigns, json(#"{"data": {"id": "1"}}"#))
            #expect(notArray.status == 400)
            let wrongMethod = try await session.call("DELETE", Self.campaigns)
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "POST, PATCH")
            let jsonAPI = try await client.send("POST", .at(endpoints.criteo, Self.campaigns + "/search"),
                                                headers: session.auth.merging(["Content-Type": "application/vnd.api+json"]) { $1 }, body: Data("{}".utf8))
            #expect(jsonAPI.status == 200)
        }
    }

    @Test func injectedItemFailuresAreDeterministic() async throws {
        func run() async throws -> [String] {
            let plan = try FaultPlan.parse("seed=5;criteo-item,rate=0.5")
            return try await withSandbox(SandboxConfiguration(fixture: .generic, faults: plan)) { _, endpoints in
                let session = try await Session.open(endpoints)
                let response = try await session.patch(#"""
                    [{"type": "Campaign", "id": "100001", "attributes": {"goal": "Acquisition"}},
                     {"type": "Campaign", "id": "100002", "attributes": {"goal": "Retention"}},
                     {"type": "Campaign", "id": "100003", "attributes": {"goal": "Retention"}},
                     {"type": "Campaign", "id": "100004", "attributes": {"goal": "Acquisition"}}]
                    """#)
                let errors = response.json?["errors"]?.arrayValue ?? []
                #expect(errors.allSatisfy { $0["code"] == .string(FaultKind.defaultCriteoItemCode) })
                #expect((response.json?["data"]?.arrayValue?.count ?? 0) + errors.count == 4)
                return errors.compactMap { $0["instance"]?.stringValue }
            }
        }
        let first = try await run()
        #expect(try await run() == first)
        #expect(!first.isEmpty && first.count < 4)
    }
}

/// A date tests move forward by hand.
final class LockedClockValue: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date

    init(_ date: Date) { self.date = date }

    var value: Date {
        get { lock.lock(); defer { lock.unlock() }; return date }
        set { lock.lock(); date = newValue; lock.unlock() }
    }
}
