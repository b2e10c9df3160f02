import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

/// The generic fixture's Topsort vendor `vendor-1` (USD) and how the tests reach it.
enum TopsortFixture {
    static let provider = providerConfig("topsort-mkt", .topsort, account: "vendor-1", currency: "USD")
    static let dollar = Currency(code: "USD")!
    static let listPath = "/v1/campaign-service/campaigns"
    static let collectionPath = "/public/v1/campaign-service/campaigns"
    static let autobid = "11111111-1111-4111-8111-111111111111"
    static let manual = "22222222-2222-4222-8222-222222222222"
    static let banner = "33333333-3333-4333-8333-333333333333"

    /// Starts a sandbox, makes a Topsort client for `provider` on it and runs `body`; the sandbox stops afterwards.
    static func withClient(faults: FaultPlan = .none, fixture: SandboxFixture = .generic, provider: ProviderConfig = provider,
                           sleeper: RecordingSleeper = RecordingSleeper(), retryPolicy: RetryPolicy = RetryPolicy(requestTimeout: ProviderTestKit.patientTimeout),
                           _ body: (SandboxHarness, TopsortClient) async throws -> Void) async throws {
        try await ProviderTestKit.withClient(provider, faults: faults, fixture: fixture, sleeper: sleeper, retryPolicy: retryPolicy,
                                             client: TopsortClient.init, body)
    }

    static func money(_ text: String, _ currency: Currency = dollar) throws -> Money {
        Money(try #require(Decimal(string: text)), currency)
    }

    static func date(_ text: String) throws -> CalendarDate {
        try #require(CalendarDate(iso8601: text))
    }

    /// A sandbox state with `count` campaigns for vendor-1 (every third inactive, every fifth a pending
    /// banner) and two for vendor-2.
    static func manyCampaigns(_ count: Int) throws -> SandboxFixture {
        func campaign(_ index: Int, vendor: String) -> String {
            let id = "00000000-0000-4000-8000-" + String(format: "%012d", index)
            let banner = index % 5 == 4 ? #", "adFormat": "banner", "status": "pending""# : ""
            return #"{"campaignId": "\#(id)", "vendorId": "\#(vendor)", "name": "Campaign \#(index)", "isActive": \#(index % 3 != 0)\#(banner), "#
                + #""budget": {"amount": \#(100 + index), "type": "daily"}, "startDate": "2026-01-01T00:00:00Z", "endDate": "2030-01-01T00:00:00Z"}"#
        }
        let campaigns = (0..<count).map { campaign($0, vendor: "vendor-1") } + [campaign(count, vendor: "vendor-2"), campaign(count + 1, vendor: "vendor-2")]
        let text = #"{"format": "reconcile-sandbox/1", "topsort": {"vendors": [{"id": "vendor-1"}, {"id": "vendor-2"}], "campaigns": ["#
            + campaigns.joined(separator: ",") + "]}}"
        return try SandboxFixture(data: Data(text.utf8))
    }

    static func create(_ name: String, externalID: String?, _ extra: [CallParameter] = []) -> PlanAction {
        var parameters = [CallParameter("name", .text(name)), CallParameter("vendorId", .text(provider.account)), CallParameter("isActive", .boolean(false)),
                          CallParameter("budget.amount", .integer(2500)), CallParameter("budget.type", .choice("daily")),
                          CallParameter("startDate", .date(CalendarDate(year: 2030, month: 1, day: 1)!)),
                          CallParameter("endDate", .date(CalendarDate(year: 2030, month: 6, day: 1)!))]
        if let externalID { parameters.append(CallParameter("externalCampaignId", .text(externalID))) }
        return PlanAction(kind: .create, address: .campaign(provider.alias, name), provider: provider.alias, providerKind: .topsort, resource: .campaign,
                          phase: .build, calls: [ProviderCall("POST", collectionPath, purpose: "create the campaign", parameters: parameters + extra)])
    }

    static func update(_ campaign: String, name: String, _ parameters: [CallParameter]) -> PlanAction {
        PlanAction(kind: .update, address: .campaign(provider.alias, name), provider: provider.alias, providerKind: .topsort, resource: .campaign,
                   target: .live(campaign), phase: .neutral,
                   calls: [ProviderCall("PATCH", collectionPath + "/{campaign-id}", purpose: "update the campaign",
                                        parameters: [CallParameter("campaign-id", .resource(.live(campaign)))] + parameters)])
    }

    /// The Topsort requests the sandbox received, as `METHOD path status`.
    static func log(_ harness: SandboxHarness) -> [String] {
        harness.server.requestLog.entries(.topsort).map { "\($0.method) \($0.platformPath) \($0.status.map(String.init) ?? "-")" }
    }
}
