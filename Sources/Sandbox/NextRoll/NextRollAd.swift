import Foundation

/// A NextRoll ad (creative). Ads are uploaded outside what reconcile manages, so the sandbox provisions them.
struct NextRollAd: Sendable, Equatable {
    var eid: String
    var advertisable: String
    var name: String
    var adFormatID: Int
    /// image, liquid, flash or ad_network.
    var type: String
    /// approved, admin_review or paused.
    var status: String
    var isActive: Bool
    var destinationURL: String
    var createdDate: Date

    /// The documented ad formats: id, width, height, name.
    static let formats: [Int: (width: Int, height: Int, name: String)] = [
        1: (468, 60, "Full Banner"), 3: (728, 90, "Leaderboard"), 4: (180, 150, "Small Rectangle"), 5: (300, 250, "Medium Rectangle"),
        6: (336, 280, "Large Rectangle"), 7: (160, 600, "Wide Skyscraper"), 8: (120, 600, "Skyscraper"), 9: (120, 240, "Vertical Banner"),
        10: (125, 125, "Square Button"), 11: (180, 60, "Rectangular Button"), 12: (250, 250, "Square"), 13: (120, 60, "Tiny Rectangle"),
        14: (200, 200, "Mid Square"), 16: (300, 100, "3:1 Rectangle"), 20: (300, 600, "Half Page"), 21: (320, 50, "Mobile Leaderboard"),
        17: (645, 60, "Facebook Banner"), 24: (600, 315, "Facebook Page Post Link Ad"), 25: (1200, 627, "Facebook App Install Mobile News Feed Ad"),
        26: (600, 600, "Facebook Instagram Ad"), 31: (0, 1, "Instagram Carousel Base"), 27: (970, 250, "Billboard"),
        28: (1200, 1200, "Facebook Instagram Ad"), 29: (460, 460, "Facebook Carousel Child"), 30: (0, 0, "Facebook Carousel Base"),
        32: (1200, 628, "Facebook Page Post Link Ad"), 33: (600, 315, "Native Ad Wide"), 34: (600, 600, "Native Ad Square"),
        35: (600, 500, "Native Ad Taboola Min"),
    ]

    var format: (width: Int, height: Int, name: String) { Self.formats[adFormatID] ?? (300, 250, "Medium Rectangle") }

    /// Whether the format is one of Facebook's (or Instagram's), for `include_fb`.
    var isFacebook: Bool { format.name.contains("Facebook") || format.name.contains("Instagram") }

    func representation(adgroups: [String]) -> SandboxJSON {
        let format = format
        return .object([
            ("ad_format", .string("\(format.width) wide x \(format.height) high")), ("ad_format_id", .integer(adFormatID)),
            ("ad_format_name", .string("\(format.width)x\(format.height)")), ("adgroups", .strings(adgroups)),
            ("advertisable", .string(advertisable)), ("body", .string("")), ("created_date", NextRollDates.text(createdDate)),
            ("destination_url", .string(destinationURL)), ("display_url_override", .string("")), ("eid", .string(eid)),
            ("has_edits", .bool(false)), ("has_future_campaigns", .bool(!adgroups.isEmpty)), ("has_pending_edits", .bool(false)),
            ("headline", .string("")), ("height", .integer(format.height)), ("is_active", .bool(isActive)), ("is_outlined", .bool(false)),
            ("message", .string("")), ("name", .string(name)), ("original_ad", .null), ("outline_color", .null),
            ("src", .string("https://s.sandbox.invalid/ads/\(eid).png")), ("status", .string(status)), ("type", .string(type)),
            ("updated_date", NextRollDates.text(createdDate)), ("valid_clicktag", .bool(true)), ("width", .integer(format.width)),
        ])
    }

    var stateJSON: SandboxJSON {
        .object([("eid", .string(eid)), ("advertisable", .string(advertisable)), ("name", .string(name)), ("ad_format_id", .integer(adFormatID)),
                 ("type", .string(type)), ("status", .string(status)), ("is_active", .bool(isActive)),
                 ("destination_url", .string(destinationURL)), ("created_date", NextRollDates.text(createdDate))])
    }

    init(eid: String, advertisable: String, name: String?, now: Date) {
        self.eid = eid
        self.advertisable = advertisable
        self.name = name ?? "Ad \(eid)"
        adFormatID = 5
        type = "image"
        status = "approved"
        isActive = true
        destinationURL = "https://www.example.com/"
        createdDate = now
    }

    init(state fields: JSONFields, now: Date) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["eid", "advertisable", "name", "ad_format_id", "type", "status", "is_active", "destination_url", "created_date"])
        self.init(eid: try fields.string("eid"), advertisable: try fields.string("advertisable"), name: try fields.optionalString("name"),
                  now: try NextRollDates.read(fields, "created_date") ?? now)
        adFormatID = try fields.optionalInt("ad_format_id") ?? 5
        guard Self.formats[adFormatID] != nil else { throw FieldProblem(path: fields.path("ad_format_id"), message: "is not a documented ad format id") }
        type = try fields.optionalString("type") ?? "image"
        status = try fields.optionalString("status") ?? "approved"
        guard ["approved", "admin_review", "paused"].contains(status) else {
            throw FieldProblem(path: fields.path("status"), message: "must be approved, admin_review or paused")
        }
        isActive = try fields.optionalBool("is_active") ?? (status == "approved")
        destinationURL = try fields.optionalString("destination_url") ?? destinationURL
    }
}
