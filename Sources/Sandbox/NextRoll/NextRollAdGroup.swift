import Foundation

/// A NextRoll adgroup: the segments, geo targets and ads of part of a campaign.
struct NextRollAdGroup: Sendable, Equatable {
    static let statuses: Set<String> = ["approved", "draft", "paused", "admin_review", "admin_paused"]

    struct AdAttachment: Sendable, Equatable {
        var ad: String
        var status: String
    }

    struct SegmentAttachment: Sendable, Equatable {
        var segment: String
        var isNegative: Bool
    }

    var eid: String
    var campaign: String
    var name: String?
    var status: String
    var ads: [AdAttachment]
    var segments: [SegmentAttachment]
    /// Normalized geo target objects (see `NextRollGeoTarget`).
    var geoTargets: [SandboxJSON]
    var createdDate: Date
    var updatedDate: Date

    var representation: SandboxJSON {
        .object([
            ("ad_optimization", .string("auto")),
            ("ads", .array(ads.map { .object([("id", .string($0.ad)), ("status", .string($0.status))]) })),
            ("campaign", .string(campaign)), ("created_date", NextRollDates.text(createdDate)), ("eid", .string(eid)),
            ("flight_timezone", .string("UTC")), ("geo_targets", .array(geoTargets)), ("name", .optional(name)),
            ("placement_targets", .array([])), ("platform_targets", .array([])),
            ("segments", .array(segments.map { .object([("id", .string($0.segment)), ("is_negative", .bool($0.isNegative))]) })),
            ("site_exclusions", .array([])), ("status", .string(status)), ("updated_date", NextRollDates.text(updatedDate)),
        ])
    }

    var stateJSON: SandboxJSON {
        .object([
            ("eid", .string(eid)), ("campaign", .string(campaign)), ("name", .optional(name)), ("status", .string(status)),
            ("ads", .array(ads.map { .object([("id", .string($0.ad)), ("status", .string($0.status))]) })),
            ("segments", .array(segments.map { .object([("id", .string($0.segment)), ("is_negative", .bool($0.isNegative))]) })),
            ("geo_targets", .array(geoTargets)), ("created_date", NextRollDates.text(createdDate)), ("updated_date", NextRollDates.text(updatedDate)),
        ])
    }

    init(eid: String, campaign: String, now: Date) {
        self.eid = eid
        self.campaign = campaign
        status = "approved"
        ads = []
        segments = []
        geoTargets = []
        createdDate = now
        updatedDate = now
    }

    init(state fields: JSONFields, now: Date) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["eid", "campaign", "name", "status", "ads", "segments", "geo_targets", "created_date", "updated_date"])
        let created = try NextRollDates.read(fields, "created_date") ?? now
        self.init(eid: try fields.string("eid"), campaign: try fields.string("campaign"), now: created)
        name = try fields.optionalString("name")
        status = try fields.optionalString("status") ?? "approved"
        guard Self.statuses.contains(status) else {
            throw FieldProblem(path: fields.path("status"), message: "must be one of \(Self.statuses.sorted().joined(separator: ", "))")
        }
        // Ads and segments may be written as bare EIDs in a fixture, or as the API's objects.
        for (index, value) in (try fields.optionalArray("ads") ?? []).enumerated() {
            if let eid = value.stringValue { ads.append(AdAttachment(ad: eid, status: "approved")); continue }
            let ad = try JSONFields(value, path: "\(fields.path("ads"))[\(index)]")
            try ad.rejectUnknownKeys(["id", "status"])
            ads.append(AdAttachment(ad: try ad.string("id"), status: try ad.optionalString("status") ?? "approved"))
        }
        for (index, value) in (try fields.optionalArray("segments") ?? []).enumerated() {
            if let eid = value.stringValue { segments.append(SegmentAttachment(segment: eid, isNegative: false)); continue }
            let segment = try JSONFields(value, path: "\(fields.path("segments"))[\(index)]")
            try segment.rejectUnknownKeys(["id", "is_negative"])
            segments.append(SegmentAttachment(segment: try segment.string("id"), isNegative: try segment.optionalBool("is_negative") ?? false))
        }
        if let geo = fields.value("geo_targets") { geoTargets = try NextRollGeoTarget.normalize(geo, path: fields.path("geo_targets")) }
        updatedDate = try NextRollDates.read(fields, "updated_date") ?? created
    }
}
