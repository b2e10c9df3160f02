/// Topsort campaign-service calls (`topsort-update-campaign.txt`, `topsort-get-campaigns.txt`).
/// Budget amounts are integers in the currency's minor units; a lifetime budget is Topsort's `total`.
/// The create endpoint is not in the stored docs; its path follows the documented collection.
struct TopsortCalls: CampaignCalls {
    static let collectionPath = "/public/v1/campaign-service/campaigns"
    static let campaignPath = "/public/v1/campaign-service/campaigns/{campaign-id}"

    var statusTravelsWithEdits: Bool { true }

    func create(_ campaign: Campaign, in provider: ProviderConfig, serving: Bool) -> [ProviderCall] {
        var parameters = [CallParameter("name", .text(campaign.name)), CallParameter("vendorId", .text(provider.account)),
                          CallParameter("isActive", .boolean(serving))]
        parameters += fieldParameters(CampaignDiff.creation(of: campaign), desired: campaign)
        return [ProviderCall("POST", TopsortCalls.collectionPath,
                             purpose: serving ? "create the campaign, complete and active" : "create the campaign, inactive",
                             parameters: parameters)]
    }

    func update(_ target: ResourceTarget, changes: [FieldChange], desired: Campaign, live: LiveCampaign, status: ServingStatus?) -> [ProviderCall] {
        var parameters = [CallParameter("campaign-id", .resource(target))]
        if let status { parameters.append(CallParameter("isActive", .boolean(status == .active))) }
        if let name = after(.name, in: changes) { parameters.append(CallParameter("name", name)) }
        parameters += fieldParameters(changes, desired: desired)
        let purpose: String
        switch status {
        case .active?: purpose = "update the campaign and make it active"
        case .paused?: purpose = "make the campaign inactive and update it"
        case nil: purpose = "update the campaign"
        }
        return [ProviderCall("PATCH", TopsortCalls.campaignPath, purpose: purpose, parameters: parameters)]
    }

    /// `autobiddingObjective` and `targetRoas` are only for autobidding campaigns: with `type` left out,
    /// the live campaign's type decides.
    func refusals(_ changes: [FieldChange], desired: Campaign, live: LiveCampaign) -> [ResourceField: String] {
        // A live type the platform did not report is not guessed.
        guard let type = desired.bidding?.strategy ?? live.bidding?.strategy, let reason = Self.autobiddingOnly(type) else { return [:] }
        return Dictionary(uniqueKeysWithValues: changes.map(\.field).filter { $0 == .objective || $0 == .targetROAS }.map { ($0, reason) })
    }

    /// A new campaign without `type` is manual, Topsort's default, and takes no autobidding settings.
    func createRefusal(_ campaign: Campaign) -> String? {
        guard let bidding = campaign.bidding, bidding.objective != nil || bidding.targetROAS != nil else { return nil }
        return Self.autobiddingOnly(bidding.strategy ?? .manual)
    }

    private static func autobiddingOnly(_ type: TopsortCampaignType) -> String? {
        guard type != .autobidding else { return nil }
        return "Topsort takes `objective` and `target_roas` only for autobidding campaigns, and this one is \(type.rawValue); "
            + "add `type: autobidding` to its bidding (Topsort can change a campaign to autobidding), or remove them"
    }

    func pause(_ target: ResourceTarget) -> [ProviderCall] {
        [ProviderCall("PATCH", TopsortCalls.campaignPath, purpose: "make the campaign inactive",
                      parameters: [CallParameter("campaign-id", .resource(target)), CallParameter("isActive", .boolean(false))])]
    }

    func resume(_ target: ResourceTarget) -> [ProviderCall] {
        [ProviderCall("PATCH", TopsortCalls.campaignPath, purpose: "make the campaign active",
                      parameters: [CallParameter("campaign-id", .resource(target)), CallParameter("isActive", .boolean(true))])]
    }

    /// The body members for changed (or, on create, set) fields other than name and status.
    private func fieldParameters(_ changes: [FieldChange], desired: Campaign) -> [CallParameter] {
        var parameters: [CallParameter] = []
        let fields = Set(changes.map(\.field))
        if fields.contains(.budget), case .capped(let money, let period)? = desired.budget, let minor = money.minorUnits {
            parameters.append(CallParameter("budget.amount", .integer(Int(minor))))
            parameters.append(CallParameter("budget.type", .choice(period == .lifetime ? "total" : period.rawValue)))
        }
        if fields.contains(.scheduleStart), let start = desired.schedule?.start { parameters.append(CallParameter("startDate", .date(start))) }
        if fields.contains(.scheduleEnd), let end = desired.schedule?.end { parameters.append(CallParameter("endDate", .date(end))) }
        let bidding = desired.bidding
        if fields.contains(.biddingType), let strategy = bidding?.strategy { parameters.append(CallParameter("campaignType", .choice(strategy.rawValue))) }
        if fields.contains(.objective), let objective = bidding?.objective {
            parameters.append(CallParameter("autobiddingObjective", .choice(objective.rawValue)))
        }
        if fields.contains(.targetROAS), let roas = bidding?.targetROAS { parameters.append(CallParameter("targetRoas", .decimal(roas))) }
        if fields.contains(.charge), let charge = bidding?.charge { parameters.append(CallParameter("chargeType", .choice(charge.rawValue))) }
        if fields.contains(.externalID), let external = desired.externalID { parameters.append(CallParameter("externalCampaignId", .text(external))) }
        if let targeting = desired.targeting, fields.contains(.targetingInclude) || fields.contains(.targetingExclude) {
            parameters.append(CallParameter("targetingFilters", .integers(targeting.include)))
            parameters.append(CallParameter("exclusionFilters", .integers(targeting.exclude)))
        }
        return parameters
    }
}
