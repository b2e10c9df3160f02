import Foundation

/// A Topsort campaign with every field of the documented campaign model.
struct TopsortCampaign: Sendable, Equatable {
    static let campaignTypes = ["manual", "autobidding", "exclusive"]
    static let statuses = ["approved", "pending", "rejected"]
    static let chargeTypes = ["CPM", "CPC", "CPA"]
    static let adFormats = ["listing", "banner", "sponsored_brand", "exclusive_listing", "exclusive_banner", "travel_listing", "flight_listing"]
    static let objectives = ["impressions", "clicks", "conversions", "revenue"]

    var campaignId: String
    var marketplaceId: String
    var vendorId: String
    var name: String
    var startDate: Date
    /// Nil: the campaign runs until it is paused (the update endpoint takes `endDate: null`).
    var endDate: Date?
    var isActive: Bool
    var isSmart: Bool
    var campaignType: String
    var status: String
    var createdAt: Date
    var chargeType: String
    var adFormat: String
    var isAutoTrigger: Bool
    var walletId: String
    var bidCount: Int
    var budget: TopsortBudget?
    var statusUpdatedBy: String?
    var exclusivityPrice: Int?
    var targetRoas: Decimal?
    var externalCampaignId: String?
    var autobiddingObjective: String?
    var multiplierConfig: SandboxJSON?
    var targetingFilters: SandboxJSON?
    var exclusionFilters: SandboxJSON?
    /// Banner campaigns only; not part of the response model.
    var productIds: [String]?
    var bannerAdRejectionReason: SandboxJSON?

    /// The campaign model as GET, PATCH and create return it, in the documented field order.
    var resource: SandboxJSON {
        .object([
            ("campaignId", .string(campaignId)), ("marketplaceId", .string(marketplaceId)), ("name", .string(name)),
            ("startDate", .string(Timestamp.iso8601(startDate))), ("endDate", endDate.map { .string(Timestamp.iso8601($0)) } ?? .null),
            ("isActive", .bool(isActive)), ("isSmart", .bool(isSmart)), ("campaignType", .string(campaignType)),
            ("status", .string(status)), ("createdAt", .string(Timestamp.iso8601(createdAt))), ("chargeType", .string(chargeType)),
            ("externalVendorId", .string(vendorId)), ("adFormat", .string(adFormat)), ("isAutoTrigger", .bool(isAutoTrigger)),
            ("vendorId", .string(vendorId)), ("walletId", .string(walletId)), ("bidCount", .integer(bidCount)),
            ("budget", budget?.json ?? .null), ("statusUpdatedBy", .optional(statusUpdatedBy)),
            ("campaignBehaviorData", .null), ("campaignBehaviorDataByDay", .null),
            ("exclusivityPrice", exclusivityPrice.map(SandboxJSON.integer) ?? .null), ("targetRoas", .optional(targetRoas)),
            ("externalCampaignId", .optional(externalCampaignId)), ("autobiddingObjective", .optional(autobiddingObjective)),
            ("multiplierConfig", multiplierConfig ?? .null), ("targetingFilters", targetingFilters ?? .null),
            ("exclusionFilters", exclusionFilters ?? .null), ("promotionType", .null),
        ])
    }

    /// The stored form: the resource plus the write-only banner fields.
    var stateJSON: SandboxJSON {
        guard case .object(var members) = resource else { return resource }
        members.removeAll { ["externalVendorId", "campaignBehaviorData", "campaignBehaviorDataByDay", "promotionType"].contains($0.key) }
        if let productIds { members.append(("productIds", .strings(productIds))) }
        if let bannerAdRejectionReason { members.append(("bannerAdRejectionReason", bannerAdRejectionReason)) }
        return .object(members)
    }

    /// Reads a stored campaign; fields a fixture leaves out get the defaults of a freshly created one.
    init(state fields: JSONFields, marketplaceId: String, walletFor: (String) -> String?, newId: () -> String, now: Date) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["campaignId", "marketplaceId", "vendorId", "externalVendorId", "name", "startDate", "endDate", "isActive",
                                      "isSmart", "campaignType", "status", "createdAt", "chargeType", "adFormat", "isAutoTrigger", "walletId",
                                      "bidCount", "budget", "statusUpdatedBy", "campaignBehaviorData", "campaignBehaviorDataByDay",
                                      "exclusivityPrice", "targetRoas", "externalCampaignId", "autobiddingObjective", "multiplierConfig",
                                      "targetingFilters", "exclusionFilters", "promotionType", "productIds", "bannerAdRejectionReason"])
        func date(_ key: String) throws(FieldProblem) -> Date? {
            guard let text = try fields.optionalString(key) else { return nil }
            guard let date = Timestamp.parse(text) else { throw FieldProblem(path: fields.path(key), message: "must be an ISO 8601 date-time") }
            return date
        }
        func choice(_ key: String, _ allowed: [String], _ fallback: String?) throws(FieldProblem) -> String? {
            guard let value = try fields.optionalString(key) else { return fallback }
            guard allowed.contains(value) else { throw FieldProblem(path: fields.path(key), message: "must be one of \(allowed.joined(separator: ", "))") }
            return value
        }
        campaignId = try fields.optionalString("campaignId") ?? newId()
        guard TopsortSimulator.isUUID(campaignId) else { throw FieldProblem(path: fields.path("campaignId"), message: "must be a UUID") }
        self.marketplaceId = try fields.optionalString("marketplaceId") ?? marketplaceId
        vendorId = try fields.string("vendorId")
        guard let wallet = walletFor(vendorId) else { throw FieldProblem(path: fields.path("vendorId"), message: "vendor \(vendorId) is not in topsort.vendors") }
        name = try fields.string("name")
        createdAt = try date("createdAt") ?? now
        startDate = try date("startDate") ?? createdAt
        endDate = try date("endDate")
        isActive = try fields.optionalBool("isActive") ?? true
        isSmart = try fields.optionalBool("isSmart") ?? false
        campaignType = try choice("campaignType", Self.campaignTypes, "manual") ?? "manual"
        status = try choice("status", Self.statuses, "approved") ?? "approved"
        chargeType = try choice("chargeType", Self.chargeTypes, "CPC") ?? "CPC"
        adFormat = try choice("adFormat", Self.adFormats, "listing") ?? "listing"
        isAutoTrigger = try fields.optionalBool("isAutoTrigger") ?? false
        walletId = try fields.optionalString("walletId") ?? wallet
        bidCount = try fields.optionalInt("bidCount") ?? 0
        budget = try fields.optionalObject("budget").map { budget throws(FieldProblem) in try TopsortBudget.read(budget, over: nil, allowUsage: true) }
        statusUpdatedBy = try fields.optionalString("statusUpdatedBy")
        exclusivityPrice = try fields.optionalInt("exclusivityPrice")
        targetRoas = try fields.optionalDecimal("targetRoas")
        externalCampaignId = try fields.optionalString("externalCampaignId")
        autobiddingObjective = try choice("autobiddingObjective", Self.objectives, nil)
        multiplierConfig = fields.value("multiplierConfig")
        targetingFilters = fields.value("targetingFilters")
        exclusionFilters = fields.value("exclusionFilters")
        productIds = try fields.optionalStrings("productIds")
        bannerAdRejectionReason = fields.value("bannerAdRejectionReason")
    }
}
