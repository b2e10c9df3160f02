import Foundation
import Planner

/// Maps Topsort campaign models (`topsort-get-campaigns.txt`) to live campaigns.
///
/// Budget amounts are integers in the currency's minor units (`Money(minorUnits:)`); a `total` budget
/// is `lifetime`, and its `amountUsed` is the spend so far. `isActive` is the serving status and the
/// banner review `status` the platform's own word. Dates are the date part of the date-times.
/// Targeting and exclusion segments count only when their filter is active.
struct TopsortCampaignReader {
    var currency: Currency
    /// The call the campaigns came from, for messages.
    var call: String

    /// One page of `GET /v1/campaign-service/campaigns`: its campaigns and, when there are more, the
    /// offset of the next page.
    func page(_ body: JSONValue, offset: Int) throws(APIError) -> (campaigns: [LiveCampaign], nextOffset: Int?) {
        guard let models = body["campaigns"]?.arrayValue else {
            throw .malformedResponse(message: "the answer has no `campaigns` array", call: call)
        }
        var campaigns: [LiveCampaign] = []
        campaigns.reserveCapacity(models.count)
        for model in models { campaigns.append(try campaign(model)) }
        guard body["hasMore"]?.boolValue == true else { return (campaigns, nil) }
        let next = body["next"]?["offset"]?.int64Value.map(Int.init) ?? offset + campaigns.count
        // A next page that does not move forward would never end.
        guard next > offset else {
            throw .malformedResponse(message: "hasMore is true but the next offset (\(next)) does not move past \(offset)", call: call)
        }
        return (campaigns, next)
    }

    func campaign(_ model: JSONValue) throws(APIError) -> LiveCampaign {
        guard let id = model["campaignId"]?.stringValue, !id.isEmpty else {
            throw .malformedResponse(message: "a campaign has no campaignId", call: call)
        }
        func problem(_ text: String) -> APIError { .malformedResponse(message: "campaign \(id): \(text)", call: call) }
        func choice<T: RawRepresentable>(_ key: String, _ type: T.Type) throws(APIError) -> T? where T.RawValue == String {
            guard let value = model[key], !value.isNull else { return nil }
            guard let text = value.stringValue, let choice = T(rawValue: text) else { throw problem("unexpected \(key) \(value.serialized(indent: 0))") }
            return choice
        }
        guard let name = model["name"]?.stringValue else { throw problem("no name") }
        guard let active = model["isActive"]?.boolValue else { throw problem("no isActive flag") }
        var budget: Budget?
        var lifetimeSpent: Decimal?
        if let object = model["budget"], !object.isNull {
            guard let amount = object["amount"]?.int64Value else { throw problem("budget without a whole amount in minor units") }
            let type = object["type"]?.stringValue ?? ""
            // Topsort's `total` is the lifetime budget; `lifetime` itself is not one of its words.
            let period = type == "total" ? BudgetPeriod.lifetime : BudgetPeriod(rawValue: type).flatMap { $0 == .lifetime ? nil : $0 }
            guard let period else { throw problem("budget type \"\(type)\" (expected daily, weekly, monthly or total)") }
            budget = .capped(Money(minorUnits: amount, currency), period)
            if period == .lifetime, let used = object["amountUsed"]?.int64Value {
                lifetimeSpent = Money(minorUnits: used, currency).amount
            }
        }
        let start = try date("startDate", model, problem: problem)
        let end = try date("endDate", model, problem: problem)
        var roas: Decimal?
        if let value = model["targetRoas"], !value.isNull {
            guard let number = value.decimalValue else { throw problem("targetRoas is not a number") }
            roas = number
        }
        let bidding = Bidding(strategy: try choice("campaignType", TopsortCampaignType.self),
                              objective: try choice("autobiddingObjective", AutobiddingObjective.self),
                              targetROAS: roas, charge: try choice("chargeType", ChargeType.self))
        return LiveCampaign(id: id, name: name, status: active ? .active : .paused, platformStatus: model["status"]?.stringValue,
                            budget: budget, lifetimeSpent: lifetimeSpent,
                            schedule: start == nil && end == nil ? nil : Schedule(start: start, end: end),
                            bidding: bidding, externalID: model["externalCampaignId"]?.stringValue,
                            targeting: Selection(include: try segments(model, "targetingFilters", problem: problem),
                                                 exclude: try segments(model, "exclusionFilters", problem: problem)))
    }

    private func date(_ key: String, _ model: JSONValue, problem: (String) -> APIError) throws(APIError) -> CalendarDate? {
        guard let value = model[key], !value.isNull else { return nil }
        guard let text = value.stringValue, let date = CalendarDate(iso8601: text) else { throw problem("\(key) is not an ISO 8601 date-time") }
        return date
    }

    /// The segment ids of an active `targetingFilters` / `exclusionFilters` object (`{isActive, <key>: [{type, segmentId}]}`).
    private func segments(_ model: JSONValue, _ key: String, problem: (String) -> APIError) throws(APIError) -> Set<Int> {
        guard let filter = model[key], !filter.isNull, filter["isActive"]?.boolValue != false else { return [] }
        var ids = Set<Int>()
        for entry in filter[key]?.arrayValue ?? [] {
            guard let id = entry["segmentId"]?.int64Value else { throw problem("\(key) has an entry without an integer segmentId") }
            ids.insert(Int(id))
        }
        return ids
    }
}
