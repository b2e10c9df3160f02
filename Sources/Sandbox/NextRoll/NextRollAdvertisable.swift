import Foundation

/// A NextRoll advertisable (the account campaigns, ads and segments belong to).
struct NextRollAdvertisable: Sendable, Equatable {
    var eid: String
    var name: String
    var organization: String
    var url: String?
    var createdDate: Date

    /// The documented "get" representation; fields the sandbox does not model get neutral values.
    var representation: SandboxJSON {
        .object([
            ("approval_state", .string("approved")), ("attached_users", .array([])), ("blacklisted_sites", .array([])),
            ("business_unit", .null), ("click_through_conversion_window", .integer(30)), ("company_phone", .null),
            ("created_date", NextRollDates.text(createdDate)), ("ecomm_platform_plan", .null), ("eid", .string(eid)),
            ("enable_customer_multi_dur_segs", .bool(false)), ("has_approved_consent_solution", .bool(true)), ("has_privacy_policy", .bool(true)),
            ("iab1_category_id", .null), ("iab1_category_name", .null), ("iab2_category_id", .null), ("iab2_category_name", .null),
            ("iab_content_id", .null), ("is_active", .bool(true)), ("is_coop_approved", .bool(false)), ("is_publisher", .bool(false)),
            ("liquidads", .null), ("name", .string(name)), ("ops", .null), ("optimizer", .null), ("organization", .string(organization)),
            ("product_name", .null), ("saleser", .null), ("status", .string("approved")), ("updated_date", NextRollDates.text(createdDate)),
            ("url", .optional(url)), ("view_through_conversion_window", .integer(1)), ("zvelo_category_id", .null), ("zvelo_category_name", .null),
        ])
    }

    var stateJSON: SandboxJSON {
        .object([("eid", .string(eid)), ("name", .string(name)), ("organization", .string(organization)), ("url", .optional(url)),
                 ("created_date", NextRollDates.text(createdDate))])
    }

    init(eid: String, name: String?, now: Date) {
        self.eid = eid
        self.name = name ?? "Advertisable \(eid)"
        organization = "ORGSANDBOX000000000000"
        createdDate = now
    }

    init(state fields: JSONFields, now: Date) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["eid", "name", "organization", "url", "created_date"])
        self.init(eid: try fields.string("eid"), name: try fields.optionalString("name"), now: try NextRollDates.read(fields, "created_date") ?? now)
        organization = try fields.optionalString("organization") ?? organization
        url = try fields.optionalString("url")
    }
}
