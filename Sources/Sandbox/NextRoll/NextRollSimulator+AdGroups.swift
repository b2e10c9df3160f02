import Foundation

/// NextRoll adgroup endpoints: create, edit, segments, ads and the adgroup lists.
extension NextRollSimulator {
    func createAdGroup(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["campaign", "name", "status", "ads", "positive_segments", "negative_segments", "product_set", "geo_targets",
                                      "placement_targets"])
        let campaign = campaigns[try campaignIndex(parameters.requiredString("campaign"))]
        var adGroup = NextRollAdGroup(eid: newEID(), campaign: campaign.eid, now: context.clock.now())
        adGroup.name = try parameters.string("name")
        let status = try parameters.string("status") ?? "approved"
        guard status == "approved" || status == "draft" else { throw Problem(status: 400, message: "status must be one of ['approved', 'draft'], not \"\(status)\"") }
        adGroup.status = status
        let adEIDs = try parameters.list("ads") ?? []
        try checkAds(adEIDs, advertisable: campaign.advertisable)
        adGroup.ads = unique(adEIDs).map { NextRollAdGroup.AdAttachment(ad: $0, status: "approved") }
        adGroup.segments = try segmentAttachments(parameters, advertisable: campaign.advertisable, current: [])
        if let text = try parameters.string("geo_targets") {
            adGroup.geoTargets = try geoTargets(text)
        } else if let sibling = adGroups.first(where: { $0.campaign == campaign.eid }) {
            adGroup.geoTargets = sibling.geoTargets
        }
        adGroups.append(adGroup)
        return results(adGroup.representation)
    }

    func editAdGroup(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["adgroup", "name", "status", "ads", "positive_segments", "negative_segments", "product_set", "geo_targets",
                                      "geo_target_worldwide"])
        let index = try adGroupIndex(parameters.requiredString("adgroup"))
        var adGroup = adGroups[index]
        let owner = advertisableOf(adGroup: adGroup) ?? ""
        if let name = try parameters.string("name") { adGroup.name = name }
        if let status = try parameters.string("status") {
            guard status == "approved" || status == "paused" else { throw Problem(status: 400, message: "status must be one of ['approved', 'paused'], not \"\(status)\"") }
            adGroup.status = status
        }
        if let adEIDs = try parameters.list("ads") {
            try checkAds(adEIDs, advertisable: owner)
            for eid in unique(adEIDs) where !adGroup.ads.contains(where: { $0.ad == eid }) {
                adGroup.ads.append(NextRollAdGroup.AdAttachment(ad: eid, status: "approved"))
            }
        }
        adGroup.segments = try segmentAttachments(parameters, advertisable: owner, current: adGroup.segments)
        let worldwide = try parameters.bool("geo_target_worldwide") ?? false
        if let text = try parameters.string("geo_targets") {
            guard !worldwide else { throw Problem(status: 400, message: "give either geo_targets or geo_target_worldwide, not both") }
            adGroup.geoTargets = try geoTargets(text)
        } else if worldwide {
            adGroup.geoTargets = []
        }
        adGroup.updatedDate = context.clock.now()
        adGroups[index] = adGroup
        return results(adGroup.representation)
    }

    /// `positive_segments` and `negative_segments` each replace the attachments of their kind when given.
    func segmentAttachments(_ parameters: NextRollParameters, advertisable: String,
                                    current: [NextRollAdGroup.SegmentAttachment]) throws(Problem) -> [NextRollAdGroup.SegmentAttachment] {
        let positive = try parameters.list("positive_segments").map(unique)
        let negative = try parameters.list("negative_segments").map(unique)
        try checkSegments((positive ?? []) + (negative ?? []), advertisable: advertisable)
        let keptPositive = positive ?? current.filter { !$0.isNegative }.map(\.segment)
        let keptNegative = negative ?? current.filter(\.isNegative).map(\.segment)
        if let both = keptPositive.first(where: keptNegative.contains) {
            throw Problem(status: 400, message: "Segment \(both) cannot be both a positive and a negative segment of the adgroup.")
        }
        return keptPositive.map { .init(segment: $0, isNegative: false) } + keptNegative.map { .init(segment: $0, isNegative: true) }
    }

    func geoTargets(_ text: String) throws(Problem) -> [SandboxJSON] {
        do { return try NextRollGeoTarget.parse(parameter: text) } catch { throw Problem(status: 400, message: error.description) }
    }

    func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    func changeSegments(_ parameters: NextRollParameters, add: Bool) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(add ? ["adgroup", "segments", "is_negative"] : ["adgroup", "segments"])
        let index = try adGroupIndex(parameters.requiredString("adgroup"))
        guard let eids = try parameters.list("segments"), !eids.isEmpty else { throw Problem(status: 400, message: "missing required parameter segments") }
        try checkSegments(eids, advertisable: advertisableOf(adGroup: adGroups[index]) ?? "")
        let negative = add ? try parameters.bool("is_negative") ?? false : false
        for eid in unique(eids) {
            adGroups[index].segments.removeAll { $0.segment == eid }
            if add { adGroups[index].segments.append(.init(segment: eid, isNegative: negative)) }
        }
        adGroups[index].updatedDate = context.clock.now()
        return results(.bool(true))
    }

    func changeAds(_ parameters: NextRollParameters, select: Bool) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["adgroup", "ads"])
        let index = try adGroupIndex(parameters.requiredString("adgroup"))
        guard let eids = try parameters.list("ads"), !eids.isEmpty else { throw Problem(status: 400, message: "missing required parameter ads") }
        try checkAds(eids, advertisable: advertisableOf(adGroup: adGroups[index]) ?? "")
        for eid in unique(eids) {
            if select {
                if !adGroups[index].ads.contains(where: { $0.ad == eid }) { adGroups[index].ads.append(.init(ad: eid, status: "approved")) }
            } else {
                adGroups[index].ads.removeAll { $0.ad == eid }
            }
        }
        adGroups[index].updatedDate = context.clock.now()
        let compliance = SandboxJSON.array(unique(eids).map { .object([("ad", .string($0)), ("sites", .array([])), ("errors", .array([]))]) })
        return .json(200, .object([(select ? "comps" : "results", compliance)]))
    }

    func listAdGroups(_ parameters: NextRollParameters, fast: Bool) throws(Problem) -> HTTPResponse {
        var allowed: Set<String> = ["advertisable", "camp_active", "camp_statuses", "camp_blacklist_statuses", "camp_types", "statuses", "blacklist_statuses"]
        if fast { allowed.insert("camp_eids") }
        try parameters.rejectUnknown(allowed)
        let owner = try advertisable(parameters.requiredString("advertisable")).eid
        let keepCampaign = try campaignFilter(parameters, prefix: "camp_", activeKey: "camp_active")
        let chosen = Set(campaigns.filter { $0.advertisable == owner && keepCampaign($0) }.map(\.eid))
        let statuses = Set(try parameters.list("statuses") ?? ["approved", "admin_review", "paused", "admin_paused"])
        let blacklist = Set(try parameters.list("blacklist_statuses") ?? [])
        let matching = adGroups.filter { chosen.contains($0.campaign) && statuses.contains($0.status) && !blacklist.contains($0.status) }
        return results(.array(matching.map(\.representation)))
    }
}
