import Foundation

/// NextRoll ad and segment endpoints: the ad lists, segment list, get and edit.
extension NextRollSimulator {
    /// The ad filters: `is_active` (default true), statuses, types, width, height and, on the
    /// advertisable lists, `include_fb` (default true).
    func adFilter(_ parameters: NextRollParameters, includeFacebookKey: String?) throws(Problem) -> (NextRollAd) -> Bool {
        let active = try parameters.bool("is_active") ?? true
        let statuses = try parameters.list("statuses").map(Set.init)
        let types = try parameters.list("types").map(Set.init)
        let width = try parameters.int("width")
        let height = try parameters.int("height")
        let includeFacebook = try includeFacebookKey.map { key throws(Problem) in try parameters.bool(key) ?? true } ?? true
        return { ad in
            ad.isActive == active && (statuses?.contains(ad.status) ?? true) && (types?.contains(ad.type) ?? true)
                && (width.map { $0 == ad.format.width } ?? true) && (height.map { $0 == ad.format.height } ?? true)
                && (includeFacebook || !ad.isFacebook)
        }
    }

    func listAds(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["advertisable", "is_active", "statuses", "types", "width", "height", "include_fb"])
        let owner = try advertisable(parameters.requiredString("advertisable")).eid
        let keep = try adFilter(parameters, includeFacebookKey: "include_fb")
        return results(.array(ads.filter { $0.advertisable == owner && keep($0) }.map(adJSON)))
    }

    func listSegments(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["advertisable", "page", "per_page", "sort", "type", "duration", "created_start", "created_end", "include_migration_data"])
        let owner = try advertisable(parameters.requiredString("advertisable")).eid
        let type = try parameters.string("type")
        let duration = try parameters.int("duration")
        let createdStart = try date(parameters, "created_start")
        let createdEnd = try date(parameters, "created_end")
        _ = try parameters.bool("include_migration_data")
        var matching = segments.filter { segment in
            segment.advertisable == owner && (type.map { $0 == segment.type } ?? true) && (duration.map { $0 == segment.duration } ?? true)
                && (createdStart.map { segment.createdDate >= $0 } ?? true) && (createdEnd.map { segment.createdDate <= $0 } ?? true)
        }
        switch try parameters.string("sort") {
        case nil: break
        case "rules.created_date": matching.sort { $0.createdDate < $1.createdDate }
        case "rules.duration_sec": matching.sort { $0.duration < $1.duration }
        case let other?: throw Problem(status: 400, message: "sort must be rules.created_date or rules.duration_sec, not \"\(other)\"")
        }
        let page = try parameters.int("page") ?? 0
        guard page >= 0 else { throw Problem(status: 400, message: "page must not be negative") }
        var pageItems = matching
        var pages = matching.isEmpty ? 0 : 1
        if let perPage = try parameters.int("per_page") {
            guard perPage > 0 else { throw Problem(status: 400, message: "per_page must be positive") }
            pages = (matching.count + perPage - 1) / perPage
            pageItems = Array(matching.dropFirst(page * perPage).prefix(perPage))
        } else if page > 0 {
            pageItems = []
        }
        return .json(200, .object([("pagination", .object([("count", .integer(matching.count)), ("pages", .integer(pages))])),
                                   ("results", .array(pageItems.map { $0.representation(includeIntegerID: false) }))]))
    }

    func editSegment(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["segment", "conversion_value", "duration"])
        let index = try segmentIndex(parameters.requiredString("segment"))
        guard let value = try parameters.decimal("conversion_value") else { throw Problem(status: 400, message: "missing required parameter conversion_value") }
        guard let duration = try parameters.int("duration") else { throw Problem(status: 400, message: "missing required parameter duration") }
        guard value >= 0 else { throw Problem(status: 400, message: "conversion_value must not be negative") }
        guard duration > 0 else { throw Problem(status: 400, message: "duration must be a positive number of days") }
        segments[index].conversionValue = value
        segments[index].duration = duration
        return results(segments[index].representation(includeIntegerID: false))
    }
}
