import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

/// The generic fixture's Criteo advertiser 12345 (EUR) and how the tests reach it.
enum CriteoFixture {
    static let provider = providerConfig("criteo-eu", .criteo, account: "12345", currency: "EUR")
    static let euro = Currency(code: "EUR")!
    static let campaignsPath = "/preview/marketing-solutions/campaigns"
    static let searchPath = "/preview/marketing-solutions/campaigns/search"
    static let tokenPath = "/oauth2/token"

    /// Starts a sandbox, makes a Criteo client on it and runs `body`; the sandbox stops afterwards.
    static func withClient(faults: FaultPlan = .none, sleeper: RecordingSleeper = RecordingSleeper(),
                           retryPolicy: RetryPolicy = RetryPolicy(requestTimeout: ProviderTestKit.patientTimeout),
                           _ body: (SandboxHarness, CriteoClient) async throws -> Void) async throws {
        try await ProviderTestKit.withClient(provider, faults: faults, sleeper: sleeper, retryPolicy: retryPolicy, client: CriteoClient.init, body)
    }

    static func money(_ text: String) throws -> Money {
        Money(try #require(Decimal(string: text)), euro)
    }

    /// An update action as the planner makes it: one bulk PATCH item for `campaign`.
    static func update(_ campaign: String, name: String, _ parameters: [CallParameter]) -> PlanAction {
        PlanAction(kind: .update, address: .campaign(provider.alias, name), provider: provider.alias, providerKind: .criteo, resource: .campaign,
                   target: .live(campaign), phase: .neutral,
                   calls: [ProviderCall("PATCH", campaignsPath, purpose: "update the campaign", parameters: [CallParameter("id", .resource(.live(campaign)))] + parameters)])
    }

    static func spendLimit(_ amount: String, _ period: BudgetPeriod) throws -> [CallParameter] {
        [CallParameter("spendLimit.spendLimitType", .choice("capped")), CallParameter("spendLimit.spendLimitRenewal", .choice(period.rawValue)),
         CallParameter("spendLimit.spendLimitAmount", .money(try money(amount)))]
    }

    static func create(_ name: String, goal: String, budget: [CallParameter]) -> PlanAction {
        PlanAction(kind: .create, address: .campaign(provider.alias, name), provider: provider.alias, providerKind: .criteo, resource: .campaign,
                   phase: .build,
                   calls: [ProviderCall("POST", campaignsPath, purpose: "create the campaign",
                                        parameters: [CallParameter("name", .text(name)), CallParameter("advertiserId", .text(provider.account)),
                                                     CallParameter("goal", .choice(goal))] + budget)])
    }

    /// The Criteo requests the sandbox received, as `METHOD path status`.
    static func log(_ harness: SandboxHarness) -> [String] {
        harness.server.requestLog.entries(.criteo).map { "\($0.method) \($0.platformPath) \($0.status.map(String.init) ?? "-")" }
    }
}
