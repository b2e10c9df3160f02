/// NextRoll CRUD API calls (`nextroll-crud-api.txt`). Parameters are form/query fields; EID lists are
/// sent comma-separated and geo targets as one JSON array string (`geo_targets.include` with
/// `is_negative: false`, `geo_targets.exclude` with `is_negative: true`).
struct NextRollCalls: CampaignCalls {
    // MARK: Campaigns

    func create(_ campaign: Campaign, in provider: ProviderConfig, serving: Bool) -> [ProviderCall] {
        var parameters = [CallParameter("advertisable", .text(provider.account)), CallParameter("name", .text(campaign.name))]
        if let budget = campaign.budget { parameters += budgetParameters(budget) }
        if let retargeting = campaign.retargeting { parameters.append(CallParameter("is_retargeting", .boolean(retargeting))) }
        if let cpc = campaign.bidding?.cpc { parameters.append(CallParameter("cpc", .money(cpc))) }
        if let cpm = campaign.bidding?.cpm { parameters.append(CallParameter("cpm", .money(cpm))) }
        if let maxCPM = campaign.bidding?.maxCPM { parameters.append(CallParameter("max_cpm", .money(maxCPM))) }
        if let start = campaign.schedule?.start { parameters.append(CallParameter("start_date", .date(start))) }
        if let end = campaign.schedule?.end { parameters.append(CallParameter("end_date", .date(end))) }
        // campaign/create takes admin_review or draft: always draft, so nothing serves until campaign/unpause.
        parameters.append(CallParameter("status", .choice("draft")))
        return [ProviderCall("POST", "/api/v1/campaign/create", purpose: "create the campaign as a draft (not serving)", parameters: parameters)]
    }

    func update(_ target: ResourceTarget, changes: [FieldChange], desired: Campaign, live: LiveCampaign, status: ServingStatus?) -> [ProviderCall] {
        var parameters = [CallParameter("campaign", .resource(target))]
        if let budget = desired.budget, changes.contains(where: { $0.field == .budget }) {
            parameters += budgetParameters(budget)
        } else {
            // campaign/edit requires ui_budget_daily on every call: keep what the campaign has.
            parameters.append(CallParameter("ui_budget_daily", .boolean(live.budgetShownDaily ?? true)))
        }
        let names: [(ResourceField, String)] = [(.cpc, "cpc"), (.cpm, "cpm"), (.scheduleEnd, "end_date"), (.retargeting, "is_retargeting"),
                                               (.name, "name"), (.scheduleStart, "start_date")]
        for (field, name) in names {
            if let value = after(field, in: changes) { parameters.append(CallParameter(name, value)) }
        }
        return [ProviderCall("POST", "/api/v1/campaign/edit", purpose: "edit the campaign", parameters: parameters)]
    }

    func pause(_ target: ResourceTarget) -> [ProviderCall] {
        [ProviderCall("PUT", "/api/v1/campaign/pause", purpose: "pause the campaign", parameters: [CallParameter("campaign", .resource(target))])]
    }

    func resume(_ target: ResourceTarget) -> [ProviderCall] {
        [ProviderCall("PUT", "/api/v1/campaign/unpause", purpose: "let the campaign serve", parameters: [CallParameter("campaign", .resource(target))])]
    }

    /// NextRoll keeps a WEEKLY budget: daily × 7 with `ui_budget_daily`, or the weekly amount without it.
    private func budgetParameters(_ budget: Budget) -> [CallParameter] {
        guard case .capped(let money, let period) = budget else { return [] }
        let weekly = period == .daily ? Money(money.amount * 7, money.currency) : money
        return [CallParameter("budget", .money(weekly)), CallParameter("ui_budget_daily", .boolean(period == .daily))]
    }

    // MARK: Ad groups

    func createAdGroup(_ group: AdGroup, campaign: ResourceTarget) -> [ProviderCall] {
        var parameters = [CallParameter("campaign", .resource(campaign)), CallParameter("name", .text(group.name)),
                          // adgroup/create takes approved or draft; a paused ad group starts as a draft.
                          CallParameter("status", .choice(group.creationStatus == .active ? "approved" : "draft"))]
        if let ads = group.ads { parameters.append(CallParameter("ads", .strings(ads))) }
        if let segments = group.segments {
            parameters.append(CallParameter("positive_segments", .strings(segments.include)))
            parameters.append(CallParameter("negative_segments", .strings(segments.exclude)))
        }
        // adgroup/create has no geo_target_worldwide: an empty list is sent as one (`[]`), which also keeps the
        // new ad group from copying its siblings' geo targets, as an omitted geo_targets would.
        if let geo = group.geo { parameters += geoParameters(geo, worldwideFlag: false) }
        return [ProviderCall("POST", "/api/v1/adgroup/create", purpose: "create the ad group with its ads, segments and geo targets",
                             parameters: parameters)]
    }

    /// adgroup/edit: segments and geo targets replace what the ad group has; `status` rides along when it changes.
    func editAdGroup(_ target: ResourceTarget, changes: [FieldChange], desired: AdGroup, status: ServingStatus?) -> [ProviderCall] {
        var parameters = [CallParameter("adgroup", .resource(target))]
        if let status { parameters.append(CallParameter("status", .choice(status == .active ? "approved" : "paused"))) }
        if let include = after(.segmentsInclude, in: changes) { parameters.append(CallParameter("positive_segments", include)) }
        if let exclude = after(.segmentsExclude, in: changes) { parameters.append(CallParameter("negative_segments", exclude)) }
        if let geo = desired.geo, changes.contains(where: { $0.field == .geoInclude || $0.field == .geoExclude }) {
            parameters += geoParameters(geo, worldwideFlag: true)
        }
        return [ProviderCall("PUT", "/api/v1/adgroup/edit", purpose: "edit the ad group", parameters: parameters)]
    }

    func selectAds(_ target: ResourceTarget, _ ads: [String]) -> [ProviderCall] {
        [ProviderCall("PUT", "/api/v1/adgroup/select_ads", purpose: "attach ads to the ad group",
                      parameters: [CallParameter("adgroup", .resource(target)), CallParameter("ads", .strings(ads))])]
    }

    func deselectAds(_ target: ResourceTarget, _ ads: [String]) -> [ProviderCall] {
        [ProviderCall("PUT", "/api/v1/adgroup/deselect_ads", purpose: "detach ads from the ad group",
                      parameters: [CallParameter("adgroup", .resource(target)), CallParameter("ads", .strings(ads))])]
    }

    func pauseAdGroup(_ target: ResourceTarget) -> [ProviderCall] {
        [ProviderCall("PUT", "/api/v1/adgroup/pause", purpose: "pause the ad group", parameters: [CallParameter("adgroup", .resource(target))])]
    }

    func resumeAdGroup(_ target: ResourceTarget) -> [ProviderCall] {
        [ProviderCall("PUT", "/api/v1/adgroup/unpause", purpose: "let the ad group serve", parameters: [CallParameter("adgroup", .resource(target))])]
    }

    /// An empty geo selection means worldwide: adgroup/edit says so with `geo_target_worldwide` (which removes
    /// every geo target) when `worldwideFlag` is set; otherwise the empty lists are sent as they are.
    private func geoParameters(_ geo: Selection<GeoTarget>, worldwideFlag: Bool) -> [CallParameter] {
        if geo.isEmpty, worldwideFlag { return [CallParameter("geo_target_worldwide", .boolean(true))] }
        return [CallParameter("geo_targets.include", .geoTargets(geo.include)), CallParameter("geo_targets.exclude", .geoTargets(geo.exclude))]
    }

    // MARK: Segments

    /// segment/edit requires both values, so the unchanged one is sent as it is.
    func editSegment(_ id: String, conversionValue: Money?, duration: Int?) -> [ProviderCall] {
        var parameters = [CallParameter("segment", .resource(.live(id)))]
        if let conversionValue { parameters.append(CallParameter("conversion_value", .money(conversionValue))) }
        if let duration { parameters.append(CallParameter("duration", .integer(duration))) }
        return [ProviderCall("POST", "/api/v1/segment/edit", purpose: "edit the segment's settings", parameters: parameters)]
    }
}
