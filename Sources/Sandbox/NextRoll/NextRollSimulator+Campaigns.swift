import Foundation

/// NextRoll campaign endpoints: create, edit, pause/unpause and the campaign lists.
extension NextRollSimulator {
    func createCampaign(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["advertisable", "budget", "ui_budget_daily", "is_retargeting", "is_fbx_newsfeed", "adgroups", "cpc", "cpm",
                                      "start_date", "end_date", "name", "status", "max_cpm", "networks"])
        let owner = try advertisable(parameters.requiredString("advertisable")).eid
        guard let budget = try parameters.decimal("budget") else { throw Problem(status: 400, message: "missing required parameter budget (the WEEKLY budget)") }
        guard budget >= 0 else { throw Problem(status: 400, message: "budget must not be negative (it is the WEEKLY amount)") }
        let now = context.clock.now()
        let start = try date(parameters, "start_date") ?? Timestamp.startOfDay(now).addingTimeInterval(86_400)
        var campaign = NextRollCampaign(eid: newEID(), advertisable: owner, budget: budget, startDate: start, now: now)
        campaign.endDate = try date(parameters, "end_date")
        if let end = campaign.endDate, end <= start { throw Problem(status: 400, message: "end_date must be after start_date (it is exclusive)") }
        campaign.name = try parameters.string("name")
        campaign.uiBudgetDaily = try parameters.bool("ui_budget_daily") ?? true
        campaign.isRetargeting = try parameters.bool("is_retargeting") ?? false
        campaign.isFbxNewsfeed = try parameters.bool("is_fbx_newsfeed") ?? false
        campaign.cpc = try nonNegative(parameters, "cpc")
        campaign.cpm = try nonNegative(parameters, "cpm")
        campaign.maxCPM = try nonNegative(parameters, "max_cpm")
        let status = try parameters.string("status") ?? "admin_review"
        guard status == "admin_review" || status == "draft" else { throw Problem(status: 400, message: "status must be one of ['admin_review', 'draft'], not \"\(status)\"") }
        campaign.status = status
        if let networks = try parameters.string("networks") {
            guard networks.allSatisfy({ $0 == "f" }) else { throw Problem(status: 400, message: "networks only supports 'f' (Facebook)") }
            campaign.isFacebook = !networks.isEmpty
        }
        let attach = try parameters.list("adgroups") ?? []
        for eid in attach {
            let index = try adGroupIndex(eid)
            guard advertisableOf(adGroup: adGroups[index]) == owner else { throw Problem(status: 400, message: "Adgroup \(eid) belongs to another advertisable.") }
        }
        campaigns.append(campaign)
        for eid in attach {
            if let index = adGroups.firstIndex(where: { $0.eid == eid }) { adGroups[index].campaign = campaign.eid }
        }
        return results(campaignJSON(campaign))
    }

    func editCampaign(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["campaign", "budget", "ui_budget_daily", "cpc", "cpm", "end_date", "is_retargeting", "name", "start_date"])
        let index = try campaignIndex(parameters.requiredString("campaign"))
        guard let uiBudgetDaily = try parameters.bool("ui_budget_daily") else {
            throw Problem(status: 400, message: "missing required parameter ui_budget_daily")
        }
        var campaign = campaigns[index]
        campaign.uiBudgetDaily = uiBudgetDaily
        if let budget = try parameters.decimal("budget") {
            guard budget >= 0 else { throw Problem(status: 400, message: "budget must not be negative (it is the WEEKLY amount)") }
            campaign.budget = budget
        }
        if let cpc = try nonNegative(parameters, "cpc") { campaign.cpc = cpc }
        if let cpm = try nonNegative(parameters, "cpm") { campaign.cpm = cpm }
        if let start = try date(parameters, "start_date") { campaign.startDate = start }
        if let end = try date(parameters, "end_date") { campaign.endDate = end }
        if let end = campaign.endDate, end <= campaign.startDate { throw Problem(status: 400, message: "end_date must be after start_date (it is exclusive)") }
        if let retargeting = try parameters.bool("is_retargeting") { campaign.isRetargeting = retargeting }
        if let name = try parameters.string("name") { campaign.name = name }
        campaign.updatedDate = context.clock.now()
        campaigns[index] = campaign
        return results(campaignJSON(campaign))
    }

    func pauseCampaign(_ parameters: NextRollParameters, pause: Bool) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["campaign"])
        let index = try campaignIndex(parameters.requiredString("campaign"))
        var campaign = campaigns[index]
        if ["rejected", "cancelled", "completed"].contains(campaign.status) {
            throw Problem(status: 400, message: "Campaign \(campaign.eid) is \(campaign.status) and cannot be \(pause ? "paused" : "unpaused").")
        }
        if pause, campaign.status != "paused" {
            campaign.statusBeforePause = campaign.status
            campaign.status = "paused"
        } else if !pause, campaign.status == "paused" || campaign.status == "draft" {
            let earlier = campaign.statusBeforePause ?? "approved"
            campaign.status = NextRollCampaign.servingStatuses.contains(earlier) ? earlier : "approved"
            campaign.statusBeforePause = nil
        }
        campaign.updatedDate = context.clock.now()
        campaigns[index] = campaign
        return results(.string(campaign.status))
    }

    /// The campaign filters of the list endpoints: `is_active` (default true; false keeps only inactive
    /// ones), statuses, blacklist_statuses, types — with `camp_` in front for the adgroup lists.
    func campaignFilter(_ parameters: NextRollParameters, prefix: String, activeKey: String) throws(Problem) -> (NextRollCampaign) -> Bool {
        let active = try parameters.bool(activeKey) ?? true
        let statuses = try parameters.list(prefix + "statuses").map(Set.init)
        let blacklist = try parameters.list(prefix + "blacklist_statuses").map(Set.init)
        let types = try parameters.list(prefix + "types").map(Set.init)
        let eids = try parameters.list(prefix + "eids").map(Set.init)
        return { campaign in
            campaign.isActive == active && (statuses?.contains(campaign.status) ?? true) && !(blacklist?.contains(campaign.status) ?? false)
                && (types?.contains(campaign.type) ?? true) && (eids?.contains(campaign.eid) ?? true)
        }
    }

    func listCampaigns(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["advertisable", "is_active", "statuses", "blacklist_statuses", "types"])
        let owner = try advertisable(parameters.requiredString("advertisable")).eid
        let keep = try campaignFilter(parameters, prefix: "", activeKey: "is_active")
        // Ad group EIDs by campaign in one pass: looking them up per campaign is quadratic for large accounts.
        var adGroupEIDs: [String: [String]] = [:]
        for adGroup in adGroups { adGroupEIDs[adGroup.campaign, default: []].append(adGroup.eid) }
        return results(.array(campaigns.filter { $0.advertisable == owner && keep($0) }.map { $0.representation(adgroups: adGroupEIDs[$0.eid] ?? []) }))
    }
}
