import Foundation
import Planner

/// Reads NextRoll's "get" representations into the live-state model, keeping the platform's stored
/// form where the planner expects it: the WEEKLY budget with `ui_budget_daily`, the status word next
/// to its serving meaning, dates at day granularity (`end_date` stays exclusive).
enum NextRollLiveMapping {
    /// A campaign (without its ad groups, which come from their own list). Money is in `currency`,
    /// the provider block's; nil only when the block declares none, which is then an error if the
    /// campaign carries money.
    static func campaign(_ object: NextRollObject, currency: Currency?, provider: String) throws(APIError) -> LiveCampaign {
        func money(_ key: String) throws(APIError) -> Money? {
            guard let amount = try object.decimal(key) else { return nil }
            guard let currency else {
                throw .malformedResponse(message: "provider `\(provider)` declares no currency, so \(object.what) `\(key)` cannot be read; "
                                             + "add `currency:` to the provider block", call: object.call)
            }
            return Money(amount, currency)
        }
        let status = try object.string("status")
        var campaign = LiveCampaign(id: try object.requiredString("eid"), name: try object.string("name") ?? "",
                                    status: NextRollStatus.serving(status, isActive: try object.bool("is_active")), platformStatus: status)
        if let weekly = try money("budget") { campaign.budget = .capped(weekly, .weekly) }
        campaign.budgetShownDaily = try object.bool("ui_budget_daily")
        let start = try object.date("start_date"), end = try object.date("end_date")
        if start != nil || end != nil { campaign.schedule = Schedule(start: start, end: end) }
        let bidding = Bidding(cpc: try money("cpc"), cpm: try money("cpm"), maxCPM: try money("max_cpm"))
        if bidding.cpc != nil || bidding.cpm != nil || bidding.maxCPM != nil { campaign.bidding = bidding }
        campaign.retargeting = try object.bool("is_retargeting")
        return campaign
    }

    /// An ad group and the EID of the campaign it belongs to.
    static func adGroup(_ object: NextRollObject) throws(APIError) -> (campaign: String, adGroup: LiveAdGroup) {
        let status = try object.string("status")
        var group = LiveAdGroup(id: try object.requiredString("eid"), name: try object.string("name") ?? "",
                                status: NextRollStatus.serving(status), platformStatus: status)
        // `segments` holds {"id", "is_negative"} objects; bare EIDs (no flag) are positive.
        switch object.value("segments") {
        case .array(let elements)? where elements.contains(where: { if case .object = $0 { return true } else { return false } }):
            for segment in try object.objects("segments") {
                let eid = try segment.requiredString("id")
                if try segment.bool("is_negative") == true { group.segments.exclude.insert(eid) } else { group.segments.include.insert(eid) }
            }
        default:
            group.segments.include = Set(try object.eids("segments"))
        }
        group.geo = try NextRollGeoTargets.selection(of: object)
        group.ads = Set(try object.eids("ads"))
        return (try object.requiredString("campaign"), group)
    }

    /// A segment's editable settings; conversion values are USD whatever the advertisable's currency.
    static func segment(_ object: NextRollObject) throws(APIError) -> LiveSegment {
        var name = try object.string("display_name")
        if name == nil { name = try object.string("name") }
        var segment = LiveSegment(id: try object.requiredString("eid"), name: name)
        if let value = try object.decimal("conversion_value"), let usd = Currency(code: "USD") { segment.conversionValue = Money(value, usd) }
        segment.duration = try object.integer("duration")
        return segment
    }
}
