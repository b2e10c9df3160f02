import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

/// The repository's example manifests against the sandbox's examples fixture: what the README's first
/// command does for Criteo and Topsort.
@Suite("examples on Criteo and Topsort")
struct TopsortExamplesTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/manifests").path

    @Test(arguments: ["topsort-mkt", "criteo-eu"])
    func theExamplesApplyAndConverge(_ alias: String) async throws {
        let manifest = try ManifestLoader().load(path: Self.examples)
        let provider = try #require(manifest.provider(alias))
        let harness = try await SandboxHarness.start(ProviderTestKit.configuration(fixture: .examples))
        do {
            let connection = try harness.unthrottledConnection(for: provider)
            let client: any ProviderClient = provider.kind == .criteo ? CriteoClient(provider: provider, connection: connection)
                : TopsortClient(provider: provider, connection: connection)
            let options = PlanOptions(today: CalendarDate(utcDayOf: Date()), providers: [alias], allowUnsafe: true)
            let plan = try PlanBuilder.plan(manifest, live: LiveState(accounts: [try await client.fetch(for: manifest)]), options: options)
            #expect(!plan.actions.isEmpty)
            let apply = await SequentialApply.run(plan, on: client)
            #expect(apply.failures.isEmpty, "\(apply.failures)")
            let again = try PlanBuilder.plan(manifest, live: LiveState(accounts: [try await client.fetch(for: manifest)]), options: options)
            #expect(again.actions.isEmpty, "\(again.actions.map(\.id))")
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
