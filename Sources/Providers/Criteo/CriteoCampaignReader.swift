import Foundation
import Planner

/// Maps Criteo campaign resources (`{"type": "Campaign", "id", "attributes": {…}}`) to live campaigns.
///
/// Criteo campaigns have no status, so they are always `active`. The spend limit becomes the budget as
/// set (`capped` with its renewal, or `uncapped`); goal `Unspecified` (older campaigns) is no goal.
/// Lifetime spend is not part of the campaign resource, so it is not reported.
struct CriteoCampaignReader {
    var advertiser: String
    var currency: Currency
    /// The call the resources came from, for messages.
    var call: String

    /// The campaigns in a search answer's `data` that belong to the advertiser.
    func campaigns(inSearchAnswer body: JSONValue) throws(APIError) -> [LiveCampaign] {
        guard let data = body["data"]?.arrayValue else {
            throw .malformedResponse(message: "the answer has no `data` array of campaigns", call: call)
        }
        var campaigns: [LiveCampaign] = []
        for resource in data {
            let owner = resource["attributes"]?["advertiserId"]?.identifierText
            // The search was filtered to the advertiser; anything else is left out rather than managed by mistake.
            guard owner == nil || owner == advertiser else { continue }
            campaigns.append(try campaign(resource))
        }
        return campaigns
    }

    func campaign(_ resource: JSONValue) throws(APIError) -> LiveCampaign {
        guard let id = resource["id"]?.identifierText, !id.isEmpty else {
            throw .malformedResponse(message: "a campaign has no id", call: call)
        }
        func problem(_ text: String) -> APIError { .malformedResponse(message: "campaign \(id): \(text)", call: call) }
        let attributes = resource["attributes"] ?? .object([])
        guard let name = attributes["name"]?.stringValue else { throw problem("no name") }
        var goal: CriteoGoal?
        if let text = attributes["goal"]?.stringValue, text.lowercased() != "unspecified" {
            guard let value = CriteoGoal(rawValue: text.lowercased()) else { throw problem("unknown goal \"\(text)\"") }
            goal = value
        }
        var budget: Budget?
        if let limit = attributes["spendLimit"], !limit.isNull {
            budget = try spendLimit(limit, problem: problem)
        }
        return LiveCampaign(id: id, name: name, status: .active, budget: budget, goal: goal)
    }

    private func spendLimit(_ limit: JSONValue, problem: (String) -> APIError) throws(APIError) -> Budget {
        switch limit["spendLimitType"]?.stringValue {
        case "uncapped":
            return .uncapped
        case "capped":
            let renewal = limit["spendLimitRenewal"]?.stringValue ?? ""
            guard let period = BudgetPeriod(rawValue: renewal), ProviderKind.criteo.supportedBudgetPeriods.contains(period) else {
                throw problem("capped spend limit with renewal \"\(renewal)\" (expected daily, monthly or lifetime)")
            }
            guard let amount = limit["spendLimitAmount"]?.decimalValue else {
                throw problem("capped spend limit without a spendLimitAmount number")
            }
            return .capped(Money(amount, currency), period)
        case let other:
            throw problem("spendLimitType \(other.map { "\"\($0)\"" } ?? "missing") (expected capped or uncapped)")
        }
    }
}
