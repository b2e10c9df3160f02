import Foundation
import Testing
@testable import Planner

@Test func examplesPlanAgainstEmptyAccounts() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let manifest = try ManifestLoader().load(path: root.appendingPathComponent("examples").path)
    var accounts: [LiveAccount] = []
    for provider in manifest.providers {
        var account = LiveAccount(alias: provider.alias, kind: provider.kind, account: provider.account, currency: provider.currency)
        if provider.kind == .jivox {
            account.retailCampaigns = [LiveRetailCampaign(idx: 5373), LiveRetailCampaign(idx: 5374)]
        }
        if provider.kind == .nextroll {
            account.segments = [LiveSegment(id: "SEGCARTABANDON000000US", duration: 10), LiveSegment(id: "SEGPRODUCTVIEWERS000US", conversionValue: Fixture.money("1"), duration: 14)]
        }
        accounts.append(account)
    }
    let plan = try Fixture.plan(manifest, LiveState(accounts: accounts), allowUnsafe: true)
    print(TextPlanRenderer().render(plan))
    print(MarkdownPlanRenderer().render(plan))
    print(try plan.jsonText().prefix(3000))
}
