import Foundation

/// Validation and application of a campaign write body: the documented PATCH request body, and the
/// same schema for the create endpoint the sandbox assumes (which adds `vendorId` and `adFormat`).
/// Every problem is collected, so one 422 lists them all.
struct TopsortCampaignChanges {
    static let updateKeys: Set<String> = [
        "name", "budget", "startDate", "endDate", "isActive", "isSmart", "campaignType", "status", "statusUpdatedBy",
        "isAutoTrigger", "targetRoas", "externalCampaignId", "multiplierConfig", "targetingFilters", "exclusionFilters",
        "chargeType", "autobiddingObjective", "productIds", "bannerAdRejectionReason",
    ]
    static let createKeys = updateKeys.union(["vendorId", "adFormat"])
    /// The documented targetRoas range.
    static let targetRoasRange = Decimal(5) / 10 ... Decimal(20)

    /// Applies the body to `campaign`, checking each field and then the rules between fields, and
    /// returns the problems (none when the change is valid). `now` is the clock: a start date in the
    /// past becomes now, as documented.
    static func apply(_ fields: JSONFields, isCreate: Bool, to campaign: inout TopsortCampaign, now: Date) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func read<T>(_ body: () throws(FieldProblem) -> T?) -> T? {
            do { return try body() } catch {
                problems.append(error)
                return nil
            }
        }
        func choice(_ key: String, _ allowed: [String]) -> String? {
            guard let value = read({ () throws(FieldProblem) in try fields.optionalString(key) }) else { return nil }
            guard allowed.contains(value) else {
                problems.append(FieldProblem(path: key, message: "must be one of \(allowed.joined(separator: ", ")), not \"\(value)\""))
                return nil
            }
            return value
        }
        func date(_ key: String) -> Date? {
            guard let text = read({ () throws(FieldProblem) in try fields.optionalString(key) }) else { return nil }
            guard let date = Timestamp.parse(text) else {
                problems.append(FieldProblem(path: key, message: "must be an ISO 8601 date-time such as 2026-03-01T00:00:00Z, not \"\(text)\""))
                return nil
            }
            return date
        }
        func check(_ body: () throws(FieldProblem) -> Void) {
            do { try body() } catch { problems.append(error) }
        }
        check { () throws(FieldProblem) in try fields.rejectUnknownKeys(isCreate ? createKeys : updateKeys) }
        if let name = read({ () throws(FieldProblem) in try fields.optionalString("name") }) {
            if name.isEmpty { problems.append(FieldProblem(path: "name", message: "must have at least 1 character")) } else { campaign.name = name }
        }
        let currentBudget = isCreate ? nil : campaign.budget
        if let budget = read({ () throws(FieldProblem) in
            try fields.optionalObject("budget").map { budget throws(FieldProblem) in
                try TopsortBudget.read(budget, over: currentBudget, allowUsage: false)
            }
        }) {
            campaign.budget = budget
        }
        if let start = date("startDate") { campaign.startDate = max(start, now) }
        if let end = date("endDate") {
            campaign.endDate = end
        } else if fields.contains("endDate"), fields.value("endDate") == nil {
            campaign.endDate = nil  // `endDate: null`: no end
        }
        if fields.value("startDate") != nil || fields.value("endDate") != nil, let end = campaign.endDate, end <= campaign.startDate {
            problems.append(FieldProblem(path: "endDate", message: "must be greater than startDate (\(Timestamp.iso8601(campaign.startDate)))"))
        }
        if let flag = read({ () throws(FieldProblem) in try fields.optionalBool("isActive") }) { campaign.isActive = flag }
        if let flag = read({ () throws(FieldProblem) in try fields.optionalBool("isSmart") }) { campaign.isSmart = flag }
        if let flag = read({ () throws(FieldProblem) in try fields.optionalBool("isAutoTrigger") }) { campaign.isAutoTrigger = flag }
        if let type = choice("campaignType", isCreate ? TopsortCampaign.campaignTypes : ["autobidding"]) { campaign.campaignType = type }
        if let status = choice("status", TopsortCampaign.statuses) { campaign.status = status }
        if let user = read({ () throws(FieldProblem) in try fields.optionalString("statusUpdatedBy") }) {
            if TopsortSimulator.isUUID(user) {
                campaign.statusUpdatedBy = user
            } else {
                problems.append(FieldProblem(path: "statusUpdatedBy", message: "must be a UUID"))
            }
        }
        if let charge = choice("chargeType", TopsortCampaign.chargeTypes) { campaign.chargeType = charge }
        if isCreate, let format = choice("adFormat", TopsortCampaign.adFormats) { campaign.adFormat = format }
        if let external = read({ () throws(FieldProblem) in try fields.optionalString("externalCampaignId") }) { campaign.externalCampaignId = external }
        if let roas = read({ () throws(FieldProblem) in try fields.optionalDecimal("targetRoas") }) {
            if targetRoasRange.contains(roas) {
                campaign.targetRoas = roas
            } else {
                problems.append(FieldProblem(path: "targetRoas", message: "must be from 0.5 to 20, not \(roas)"))
            }
        }
        if let objective = choice("autobiddingObjective", TopsortCampaign.objectives) { campaign.autobiddingObjective = objective }
        if let value = fields.value("multiplierConfig") {
            check { () throws(FieldProblem) in try checkSegmentConfig(value, key: "multiplierConfig") }
            campaign.multiplierConfig = value
        }
        if let value = fields.value("targetingFilters") {
            check { () throws(FieldProblem) in try checkSegmentConfig(value, key: "targetingFilters") }
            campaign.targetingFilters = value
        }
        if let value = fields.value("exclusionFilters") {
            check { () throws(FieldProblem) in try checkSegmentConfig(value, key: "exclusionFilters") }
            campaign.exclusionFilters = value
        }
        if let products = read({ () throws(FieldProblem) in try fields.optionalStrings("productIds") }) {
            if (1...200).contains(products.count) {
                campaign.productIds = products
            } else {
                problems.append(FieldProblem(path: "productIds", message: "must have from 1 to 200 elements, not \(products.count)"))
            }
        }
        if let reason = fields.value("bannerAdRejectionReason") {
            check { () throws(FieldProblem) in
                let object = try JSONFields(reason, path: "bannerAdRejectionReason")
                try object.rejectUnknownKeys(["declineReason", "reasonDetails"])
                _ = try object.optionalString("declineReason")
                _ = try object.optionalString("reasonDetails")
            }
            campaign.bannerAdRejectionReason = reason
        }
        return problems + ruleProblems(fields, isCreate: isCreate, campaign)
    }

    /// Rules between fields, checked on the campaign as it would be after the change.
    private static func ruleProblems(_ fields: JSONFields, isCreate: Bool, _ campaign: TopsortCampaign) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func note(_ problem: FieldProblem) { problems.append(problem) }
        if fields.value("targetRoas") != nil, campaign.campaignType != "autobidding" {
            note(FieldProblem(path: "targetRoas", message: "is only applicable to autobidding campaigns (this one is \(campaign.campaignType))"))
        }
        if fields.value("autobiddingObjective") != nil, campaign.campaignType != "autobidding" {
            note(FieldProblem(path: "autobiddingObjective", message: "is only for autobidding campaigns (this one is \(campaign.campaignType))"))
        }
        if fields.value("productIds") != nil, campaign.adFormat != "banner" {
            note(FieldProblem(path: "productIds", message: "is only allowed for banner campaigns (this one is \(campaign.adFormat))"))
        }
        if isCreate {
            for key in ["name", "budget"] where fields.value(key) == nil {
                note(FieldProblem(path: key, message: "is required to create a campaign"))
            }
        }
        return problems
    }

    /// `multiplierConfig`, `targetingFilters`, `exclusionFilters`: `{isActive, <list>: [{type, segmentId[, multiplier]}]}`.
    static func checkSegmentConfig(_ value: SandboxJSON, key: String) throws(FieldProblem) {
        let object = try JSONFields(value, path: key)
        let listKey = key == "multiplierConfig" ? "multipliers" : key
        try object.rejectUnknownKeys(["isActive", listKey])
        _ = try object.optionalBool("isActive")
        for entry in try object.objects(listKey) {
            try entry.rejectUnknownKeys(key == "multiplierConfig" ? ["type", "segmentId", "multiplier"] : ["type", "segmentId"])
            _ = try entry.optionalString("type")
            _ = try entry.int("segmentId")
            if key == "multiplierConfig" { _ = try entry.decimal("multiplier") }
        }
    }
}
