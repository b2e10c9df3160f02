/// Criteo Marketing Solutions campaign calls (`criteo-campaigns.txt`). Attributes are JSON:API
/// `attributes` members (`spendLimit.spendLimitAmount` is nested); the PATCH is a bulk call, so a
/// client sends the updates for one advertiser together, one item per campaign.
struct CriteoCalls: CampaignCalls {
    static let campaignsPath = "/preview/marketing-solutions/campaigns"

    func create(_ campaign: Campaign, in provider: ProviderConfig, serving: Bool) -> [ProviderCall] {
        var parameters = [CallParameter("name", .text(campaign.name)), CallParameter("advertiserId", .text(provider.account))]
        if let goal = campaign.goal { parameters.append(CallParameter("goal", .choice(goal.apiValue))) }
        if let budget = campaign.budget { parameters += spendLimit(budget) }
        return [ProviderCall("POST", CriteoCalls.campaignsPath, purpose: "create the campaign (it serves at once: Criteo campaigns have no status)",
                             parameters: parameters)]
    }

    func update(_ target: ResourceTarget, changes: [FieldChange], desired: Campaign, live: LiveCampaign, status: ServingStatus?) -> [ProviderCall] {
        var parameters = [CallParameter("id", .resource(target))]
        if let goal = desired.goal, changes.contains(where: { $0.field == .goal }) { parameters.append(CallParameter("goal", .choice(goal.apiValue))) }
        if let budget = desired.budget, changes.contains(where: { $0.field == .budget }) { parameters += spendLimit(budget) }
        return [ProviderCall("PATCH", CriteoCalls.campaignsPath, purpose: "update the campaign (one item of the bulk PATCH)", parameters: parameters)]
    }

    func pause(_ target: ResourceTarget) -> [ProviderCall] { [] }
    func resume(_ target: ResourceTarget) -> [ProviderCall] { [] }

    func refusals(_ changes: [FieldChange], desired: Campaign, live: LiveCampaign) -> [ResourceField: String] {
        guard changes.contains(where: { $0.field == .budget }), let wanted = desired.budget else { return [:] }
        if live.budget == .uncapped, case .capped = wanted {
            return [.budget: "Criteo cannot put a spend limit on an uncapped campaign (campaign-update-check--spend-limit-does-not-exist); set it in Criteo, or keep `uncapped: true`"]
        }
        if case .capped(let money, .lifetime) = wanted, case .capped(_, .lifetime)? = live.budget, let spent = live.lifetimeSpent, money.amount < spent {
            return [.budget: "Criteo cannot lower a lifetime spend limit below what the campaign already spent (\(Money(spent, money.currency)))"]
        }
        return [:]
    }

    /// `spendLimit`: type, renewal and amount; an uncapped limit has neither renewal nor amount.
    private func spendLimit(_ budget: Budget) -> [CallParameter] {
        switch budget {
        case .uncapped:
            return [CallParameter("spendLimit.spendLimitType", .choice("uncapped"))]
        case .capped(let money, let period):
            return [CallParameter("spendLimit.spendLimitType", .choice("capped")),
                    CallParameter("spendLimit.spendLimitRenewal", .choice(period.rawValue)),
                    CallParameter("spendLimit.spendLimitAmount", .money(money))]
        }
    }
}
