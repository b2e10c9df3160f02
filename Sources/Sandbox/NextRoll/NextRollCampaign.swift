import Foundation

/// A NextRoll campaign. The budget is WEEKLY; `ui_budget_daily` only says whether the UI shows it per day.
struct NextRollCampaign: Sendable, Equatable {
    static let statuses: Set<String> = ["draft", "admin_review", "approved", "paused", "rejected", "cancelled", "completed"]
    /// Statuses in which a campaign serves (is_active).
    static let servingStatuses: Set<String> = ["approved", "admin_review"]

    var eid: String
    var advertisable: String
    var name: String?
    /// The WEEKLY budget.
    var budget: Decimal
    var uiBudgetDaily: Bool
    var cpc: Decimal?
    var cpm: Decimal?
    var maxCPM: Decimal?
    var startDate: Date
    /// Exclusive; nil runs without end.
    var endDate: Date?
    var isRetargeting: Bool
    var isFacebook: Bool
    var isFbxNewsfeed: Bool
    var status: String
    /// The status to return to on unpause.
    var statusBeforePause: String?
    var createdDate: Date
    var updatedDate: Date

    var isActive: Bool { Self.servingStatuses.contains(status) }

    /// The `types` filter value: retargeting, or geo for the others (the create call's own wording).
    var type: String { isRetargeting ? "retargeting" : "geo" }

    func representation(adgroups: [String]) -> SandboxJSON {
        .object([
            ("adgroups", .strings(adgroups)), ("advertisable", .string(advertisable)), ("bid_strategy", .null), ("bid_strategy_target", .null),
            ("billing_auth_status", .null), ("budget", .number(budget)), ("cpc", .optional(cpc)), ("cpm", .optional(cpm)),
            ("created_date", NextRollDates.text(createdDate)), ("eid", .string(eid)), ("end_date", NextRollDates.text(endDate)),
            ("is_active", .bool(isActive)), ("is_apple", .bool(false)), ("is_coop", .bool(false)), ("is_ctv", .bool(false)),
            ("is_facebook", .bool(isFacebook)), ("is_fb_wca", .bool(false)), ("is_fbx_newsfeed", .bool(isFbxNewsfeed)),
            ("is_pubgraph", .bool(false)), ("is_retargeting", .bool(isRetargeting)), ("max_cpm", .optional(maxCPM)), ("name", .optional(name)),
            ("pricing_strategies", .array([])), ("spend_limit_until", .null), ("start_date", NextRollDates.text(startDate)),
            ("status", .string(status)), ("ui_budget_daily", .bool(uiBudgetDaily)), ("updated_date", NextRollDates.text(updatedDate)),
        ])
    }

    var stateJSON: SandboxJSON {
        .object([
            ("eid", .string(eid)), ("advertisable", .string(advertisable)), ("name", .optional(name)), ("budget", .number(budget)),
            ("ui_budget_daily", .bool(uiBudgetDaily)), ("cpc", .optional(cpc)), ("cpm", .optional(cpm)), ("max_cpm", .optional(maxCPM)),
            ("start_date", NextRollDates.text(startDate)), ("end_date", NextRollDates.text(endDate)), ("is_retargeting", .bool(isRetargeting)),
            ("is_facebook", .bool(isFacebook)), ("is_fbx_newsfeed", .bool(isFbxNewsfeed)), ("status", .string(status)),
            ("status_before_pause", .optional(statusBeforePause)), ("created_date", NextRollDates.text(createdDate)),
            ("updated_date", NextRollDates.text(updatedDate)),
        ])
    }

    init(eid: String, advertisable: String, budget: Decimal, startDate: Date, now: Date) {
        self.eid = eid
        self.advertisable = advertisable
        self.budget = budget
        uiBudgetDaily = true
        self.startDate = startDate
        isRetargeting = false
        isFacebook = false
        isFbxNewsfeed = false
        status = "admin_review"
        createdDate = now
        updatedDate = now
    }

    init(state fields: JSONFields, now: Date) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["eid", "advertisable", "name", "budget", "ui_budget_daily", "cpc", "cpm", "max_cpm", "start_date", "end_date",
                                      "is_retargeting", "is_facebook", "is_fbx_newsfeed", "status", "status_before_pause", "created_date", "updated_date"])
        let created = try NextRollDates.read(fields, "created_date") ?? now
        self.init(eid: try fields.string("eid"), advertisable: try fields.string("advertisable"), budget: try fields.decimal("budget"),
                  startDate: try NextRollDates.read(fields, "start_date") ?? Timestamp.startOfDay(created), now: created)
        guard budget > 0 else { throw FieldProblem(path: fields.path("budget"), message: "must be a positive WEEKLY budget") }
        name = try fields.optionalString("name")
        uiBudgetDaily = try fields.optionalBool("ui_budget_daily") ?? true
        cpc = try fields.optionalDecimal("cpc")
        cpm = try fields.optionalDecimal("cpm")
        maxCPM = try fields.optionalDecimal("max_cpm")
        endDate = try NextRollDates.read(fields, "end_date")
        isRetargeting = try fields.optionalBool("is_retargeting") ?? false
        isFacebook = try fields.optionalBool("is_facebook") ?? false
        isFbxNewsfeed = try fields.optionalBool("is_fbx_newsfeed") ?? false
        status = try fields.optionalString("status") ?? "approved"
        guard Self.statuses.contains(status) else {
            throw FieldProblem(path: fields.path("status"), message: "must be one of \(Self.statuses.sorted().joined(separator: ", "))")
        }
        statusBeforePause = try fields.optionalString("status_before_pause")
        updatedDate = try NextRollDates.read(fields, "updated_date") ?? created
    }
}
