import Foundation

/// Makes the plan: matches the manifests to the live state, diffs them, turns differences into
/// actions and blocked changes, orders the actions spend-safely, and adds the spend summary, the
/// safety verdict and the fingerprints. Pure: the same inputs give the same plan, byte for byte.
public enum PlanBuilder {
    public static func plan(_ manifest: Manifest, live: LiveState, options: PlanOptions) throws(PlanningError) -> Plan {
        var problems: [PlanningProblem] = []
        let providers = scope(manifest, options: options, problems: &problems)

        var actions: [PlanAction] = []
        var blocked: [BlockedChange] = []
        var fingerprints: [ResourceAddress: ResourceFingerprint] = [:]
        var liveCampaigns: [String: Set<ResourceAddress>] = [:]
        var accounts: [String: LiveAccount] = [:]
        for provider in providers {
            guard let account = checkedAccount(for: provider, in: live, problems: &problems) else { continue }
            accounts[provider.alias] = account
            var planner = ProviderPlanner(config: provider, live: account, today: options.today)
            planner.plan(manifest, problems: &problems)
            actions += planner.actions
            blocked += planner.blocked
            fingerprints.merge(planner.fingerprints) { first, _ in first }
            liveCampaigns[provider.alias] = planner.liveCampaignAddresses
        }
        checkTargets(options.targets, manifest: manifest, providers: providers, accounts: accounts, problems: &problems)
        guard problems.isEmpty else { throw PlanningError(problems: problems) }

        if !options.targets.isEmpty {
            (actions, blocked) = select(options.targets, actions: actions, blocked: blocked)
        }
        let ordered = try DependencyGraph.order(actions, providerOrder: providers.map(\.alias))

        var spend: [ProviderSpend] = []
        var report = SafetyReport(overridden: options.allowUnsafe)
        for provider in providers {
            guard let account = accounts[provider.alias] else { continue }
            var providerSpend: ProviderSpend?
            if provider.kind.hasMoney, let currency = provider.currency ?? account.currency {
                let current = account.spendCeiling
                let change = ordered.lazy.filter { $0.provider == provider.alias }.reduce(SpendCeiling.zero) { $0 + $1.spendChange }
                let summary = ProviderSpend(provider: provider.alias, providerKind: provider.kind, currency: currency,
                                            current: current, planned: current + change)
                spend.append(summary)
                providerSpend = summary
            }
            let thresholds = SafetyRules.thresholds(for: provider, manifest: manifest)
            report.thresholds.append(thresholds)
            let changed = changedCampaigns(ordered, provider: provider.alias, live: liveCampaigns[provider.alias] ?? [])
            report.violations += SafetyRules.check(thresholds, changed: changed, liveCount: account.campaigns.count, spend: providerSpend)
        }

        let owners = Set(ordered.map(Plan.fingerprintAddress(of:)))
        return Plan(plannedOn: options.today, manifestFiles: manifest.files,
                    scope: PlanScope(providers: options.providers, targets: options.targets),
                    providers: providers.map(PlannedProvider.init), spend: spend, safety: report, actions: ordered,
                    blocked: blocked.sorted { ($0.address, $0.kind, $0.reason) < ($1.address, $1.kind, $1.reason) },
                    fingerprints: owners.compactMap { fingerprints[$0] }.sorted { $0.address < $1.address })
    }

    // MARK: Scope

    private static func scope(_ manifest: Manifest, options: PlanOptions, problems: inout [PlanningProblem]) -> [ProviderConfig] {
        let aliases = manifest.providers.map(\.alias)
        for alias in options.providers where !aliases.contains(alias) {
            let hint = NameSuggester.suggestion(for: alias, among: aliases).map { "did you mean `\($0)`?" }
                ?? "the manifests declare \(aliases.map { "`\($0)`" }.joined(separator: ", "))"
            problems.append(PlanningProblem("--provider `\(alias)` is not a provider alias in the manifests", hint: hint))
        }
        return PlanScope(providers: options.providers, targets: options.targets).providers(in: manifest)
    }

    /// The live account for a provider block, checked to be the same platform, account and currency.
    private static func checkedAccount(for provider: ProviderConfig, in live: LiveState, problems: inout [PlanningProblem]) -> LiveAccount? {
        guard let account = live[provider.alias] else {
            problems.append(PlanningProblem(
                location: provider.location, "the live state has no account for provider `\(provider.alias)`",
                hint: "fetch it, or add `\"\(provider.alias)\": {\"type\": \"\(provider.kind.rawValue)\", \"account\": \"\(provider.account)\"\(provider.currency.map { ", \"currency\": \"\($0.code)\"" } ?? "")}` to the live state"))
            return nil
        }
        var consistent = true
        if account.kind != provider.kind {
            problems.append(PlanningProblem(location: provider.location,
                                            "provider `\(provider.alias)` is \(provider.kind.rawValue) in the manifests but \(account.kind.rawValue) in the live state",
                                            hint: "the live state must come from the same platform"))
            consistent = false
        }
        if account.account != provider.account {
            problems.append(PlanningProblem(location: provider.location,
                                            "provider `\(provider.alias)` names \(provider.kind.accountKey) `\(provider.account)`, but the live state is for `\(account.account)`",
                                            hint: "plan against the account the manifests name"))
            consistent = false
        }
        if let wanted = provider.currency, let actual = account.currency, wanted != actual {
            problems.append(PlanningProblem(location: provider.location,
                                            "provider `\(provider.alias)` says currency \(wanted.code), but the live account is in \(actual.code)",
                                            hint: "set `currency: \(actual.code)` in the provider block: budgets are charged in the account's currency"))
            consistent = false
        }
        return consistent ? account : nil
    }

    /// Every `--target` must name something the manifests or the live accounts have.
    private static func checkTargets(_ targets: [ResourceAddress], manifest: Manifest, providers: [ProviderConfig], accounts: [String: LiveAccount],
                                     problems: inout [PlanningProblem]) {
        guard !targets.isEmpty else { return }
        let inScope = Set(providers.map(\.alias))
        var known: [ResourceAddress] = providers.map { ResourceAddress(provider: $0.alias) }
        for campaign in manifest.campaigns where inScope.contains(campaign.provider) {
            let address = ResourceAddress.campaign(campaign.provider, campaign.name)
            known.append(address)
            known += campaign.adGroups.map { address.adGroup($0.name) }
        }
        known += manifest.segments.filter { inScope.contains($0.provider) }.map { ResourceAddress.segment($0.provider, $0.id) }
        for retail in manifest.retailCampaigns where inScope.contains(retail.provider) {
            let address = ResourceAddress.retailCampaign(retail.provider, retail.idx)
            known += [address, address.tags] + retail.exports.map(address.export)
        }
        for (alias, account) in accounts {
            for campaign in account.campaigns {
                known.append(.campaign(alias, campaign.name))
                known.append(.campaign(alias, "\(campaign.name) [\(campaign.id)]"))
            }
        }
        for target in targets where !known.contains(where: target.contains) {
            let hint = inScope.contains(target.provider) ? "addresses look like `\(target.provider)/campaign/NAME` or `\(target.provider)/campaign/NAME/adgroup/NAME`"
                : "`\(target.provider)` is not a provider in scope"
            problems.append(PlanningProblem(address: target, "--target names nothing in the manifests or the live accounts", hint: hint))
        }
    }

    /// The actions and blocked changes within the targets, plus every action those actions need.
    private static func select(_ targets: [ResourceAddress], actions: [PlanAction], blocked: [BlockedChange]) -> ([PlanAction], [BlockedChange]) {
        let byID = Dictionary(actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var chosen = Set<ActionID>()
        var pending = actions.filter { action in targets.contains { $0.contains(action.address) } }.map(\.id)
        while let next = pending.popLast() {
            guard chosen.insert(next).inserted, let action = byID[next] else { continue }
            pending += action.dependsOn
        }
        return (actions.filter { chosen.contains($0.id) }, blocked.filter { change in targets.contains { $0.contains(change.address) } })
    }

    /// Live campaigns the plan pauses or edits (their fields or what is inside them); resumes and
    /// activations are judged by the spend rules instead.
    private static func changedCampaigns(_ actions: [PlanAction], provider: String, live: Set<ResourceAddress>) -> Int {
        var changed = Set<ResourceAddress>()
        for action in actions where action.provider == provider {
            guard let first = action.address.components.first else { continue }
            let campaign = ResourceAddress(provider: provider, components: [first])
            guard live.contains(campaign) else { continue }
            switch action.kind {
            case .pause, .update, .attach, .detach: changed.insert(campaign)
            case .create where action.address != campaign: changed.insert(campaign)
            default: break
            }
        }
        return changed.count
    }
}
