import Foundation
import Testing
@testable import Planner

@Suite struct ScopeTests {
    @Test func providerFilterPlansOnlyThoseProviders() throws {
        let plan = try Fixture.plan(try Showcase.manifest(), try Showcase.live(), providers: ["cr", "jx"])
        #expect(Set(plan.actions.map(\.provider)) == ["jx", "cr"])
        #expect(plan.providers.map(\.alias) == ["cr", "jx"])
        #expect(plan.spend.map(\.provider) == ["cr"])
    }

    @Test func unknownProviderIsAnErrorWithASuggestion() throws {
        #expect {
            try Fixture.plan(try Showcase.manifest(), try Showcase.live(), providers: ["nx"])
        } throws: { error in
            (error as? PlanningError)?.problems.first?.description == "error: --provider `nx` is not a provider alias in the manifests (did you mean `nr`?)"
        }
    }

    @Test func targetSelectsWhatItContainsAndWhatThatNeeds() throws {
        let campaign = try Fixture.plan(try Showcase.manifest(), try Showcase.live(), targets: ["nr/campaign/Spring"])
        #expect(Set(campaign.actions.map(\.address.description)) == ["nr/campaign/Spring", "nr/campaign/Spring/adgroup/Cart", "nr/campaign/Spring/adgroup/Old"])
        // An ad group of a new campaign needs the campaign's create, but not its resume: it stays dark.
        let group = try Fixture.plan(try Showcase.manifest(), try Showcase.live(), targets: ["nr/campaign/Summer/adgroup/Lookalikes"])
        #expect(group.actions.map(\.id.description) == ["create nr/campaign/Summer", "create nr/campaign/Summer/adgroup/Lookalikes"])
        #expect(group.scope.targets.map(\.description) == ["nr/campaign/Summer/adgroup/Lookalikes"])
        let blocked = try Fixture.plan(try Showcase.manifest(), try Showcase.live(), targets: ["cr"])
        #expect(blocked.blocked.count == 1 && blocked.actions.count == 1)
    }

    /// `--target` alone limits the plan to the targets' providers, as it limits the fetch: the
    /// accounts of the other providers are not read, so the plan must not need them.
    @Test func targetOnlyNeedsTheLiveAccountsOfItsProviders() throws {
        let manifest = try Fixture.manifest(Fixture.providers + """
        campaigns:
          - { name: Retention, provider: cr, goal: retention, budget: { amount: 10.00, period: daily } }
          - { name: Spring, provider: nr, budget: { amount: 10.00, period: daily } }
        """)
        let live = LiveState(accounts: Fixture.emptyAccounts.filter { $0.alias == "cr" })
        let plan = try Fixture.plan(manifest, live, targets: ["cr/campaign/Retention"])
        #expect(plan.actions.map(\.id.description) == ["create cr/campaign/Retention"])
        #expect(plan.providers.map(\.alias) == ["cr"])
        #expect(plan.spend.map(\.provider) == ["cr"])
        // --provider and --target together: the providers either names.
        let both = try Fixture.plan(manifest, Fixture.accounts { _ in }, providers: ["nr"], targets: ["cr/campaign/Retention"])
        #expect(both.providers.map(\.alias) == ["nr", "cr"])
        #expect(both.actions.map(\.id.description) == ["create cr/campaign/Retention"])
    }

    @Test func targetsThatNameNothingAreErrors() throws {
        #expect {
            try Fixture.plan(try Showcase.manifest(), try Showcase.live(), targets: ["nr/campaign/Nope"])
        } throws: { error in
            (error as? PlanningError)?.problems.first?.message == "--target names nothing in the manifests or the live accounts"
        }
    }

    @Test func addressesEscapeSlashesAndParseBack() throws {
        let address = ResourceAddress.campaign("nr", "Sale 50/50 %").adGroup("A/B")
        #expect(address.description == "nr/campaign/Sale 50%2F50 %25/adgroup/A%2FB")
        #expect(ResourceAddress(parsing: address.description) == address)
        #expect(ResourceAddress(parsing: "nr/campaign") == nil)
        #expect(ResourceAddress(parsing: "nr/bogus/x") == nil)
        #expect(ResourceAddress(parsing: "nr")?.contains(address) == true)
        #expect(ActionID(parsing: "resume \(address)") == ActionID(.resume, address))
    }

    @Test func liveStateMustBelongToTheManifests() throws {
        let manifest = try Fixture.manifest(["p.yaml": Fixture.providers])
        var accounts = Fixture.emptyAccounts
        accounts[0].account = "OTHER"
        accounts[1].currency = Fixture.usd
        accounts.removeLast()
        #expect {
            try Fixture.plan(manifest, LiveState(accounts: accounts))
        } throws: { error in
            (error as? PlanningError)?.problems.map(\.description) == [
                "p.yaml:2:7: error: provider `nr` names advertisable `ADV1`, but the live state is for `OTHER` (plan against the account the manifests name)",
                "p.yaml:3:7: error: provider `cr` says currency EUR, but the live account is in USD (set `currency: USD` in the provider block: budgets are charged in the account's currency)",
                #"p.yaml:5:7: error: the live state has no account for provider `jx` (fetch it, or add `"jx": {"type": "jivox", "account": "acc-7"}` to the live state)"#,
            ]
        }
    }
}
