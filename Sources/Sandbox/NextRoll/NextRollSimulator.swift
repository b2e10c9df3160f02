import Foundation

/// The NextRoll (AdRoll) CRUD API, below `/nextroll` exactly as below `https://services.adroll.com`
/// (paths `/api/v1/...`). Parameters come in the query string, or for POST and PUT also in a form or
/// JSON body; lists are comma-separated EID strings; geo targets are a JSON string.
///
/// Documented behaviour kept on purpose (clients must cope with it):
/// - `advertisable/get_campaigns(_fast)` returns only active campaigns by default; `is_active=false`
///   returns only the inactive ones ("and vice versa"), so a full fetch takes both calls.
/// - `advertisable/get_adgroups(_fast)` keeps only adgroups of active campaigns (`camp_active` default
///   true) whose status is approved, admin_review, paused or admin_paused (drafts are left out).
/// - Ads: `is_active` defaults to true on `get_ads(_fast)` and `adgroup/get_ads`.
/// - Budgets are WEEKLY; `campaign/edit` requires `ui_budget_daily` and cannot change `max_cpm`.
/// - A new adgroup without `geo_targets` copies the geo targets of the campaign's other adgroups.
/// - The single-object gets (`campaign/get`, `adgroup/get`, `ad/get`, `advertisable/get`, `segment/get`)
///   answer the bare "get" representation; creates, edits, lists and adgroup pause/unpause answer
///   `{"results": …}`; `campaign/pause` and `unpause` answer `{"results": "<new status>"}`.
/// - Campaigns pause to status `paused` (inactive) and unpause to their earlier serving status
///   (`approved` for a draft); adgroups pause to `paused` and unpause to `approved`.
/// - `segment/edit` takes the segment's EID as `segment` (the reference omits that parameter) and
///   requires both `conversion_value` and `duration`.
///
/// Authentication: the `apikey` parameter and `Authorization: Bearer <token>`, both required.
/// Errors (the reference shows none): `{"results": null, "errors": [{"code", "message"}]}`.
public actor NextRollSimulator: PlatformSimulator {
    public nonisolated let platform = SandboxPlatform.nextroll

    enum Endpoint: String, Sendable, CaseIterable {
        case campaignCreate = "POST campaign/create", campaignEdit = "POST campaign/edit", campaignGet = "GET campaign/get"
        case campaignPause = "PUT campaign/pause", campaignUnpause = "PUT campaign/unpause", campaignAdGroups = "GET campaign/get_adgroups"
        case advertisableGet = "GET advertisable/get", campaigns = "GET advertisable/get_campaigns"
        case campaignsFast = "GET advertisable/get_campaigns_fast", adGroups = "GET advertisable/get_adgroups"
        case adGroupsFast = "GET advertisable/get_adgroups_fast", ads = "GET advertisable/get_ads", adsFast = "GET advertisable/get_ads_fast"
        case segments = "GET advertisable/get_segments"
        case adGroupCreate = "POST adgroup/create", adGroupEdit = "PUT adgroup/edit", adGroupGet = "GET adgroup/get"
        case adGroupPause = "PUT adgroup/pause", adGroupUnpause = "PUT adgroup/unpause", addSegments = "PUT adgroup/add_segments"
        case removeSegments = "POST adgroup/remove_segments", selectAds = "PUT adgroup/select_ads", deselectAds = "PUT adgroup/deselect_ads"
        case adGroupAds = "GET adgroup/get_ads", adGet = "GET ad/get", segmentGet = "GET segment/get", segmentEdit = "POST segment/edit"
    }

    static let router = Router<Endpoint>(Endpoint.allCases.map { endpoint in
        let parts = endpoint.rawValue.split(separator: " ")
        return (String(parts[0]), "/api/v1/" + parts[1], { @Sendable _ in endpoint })
    })

    typealias Problem = NextRollParameters.Problem

    var advertisables: [NextRollAdvertisable]
    var campaigns: [NextRollCampaign]
    var adGroups: [NextRollAdGroup]
    var ads: [NextRollAd]
    var segments: [NextRollSegment]
    var ids: IdentifierSource
    let context: SimulatorContext

    init(state: SandboxJSON?, context: SimulatorContext) throws(FieldProblem) {
        self.context = context
        ids = IdentifierSource(seed: context.seed, platform: .nextroll)
        let now = context.clock.now()
        var advertisables: [NextRollAdvertisable] = []
        var campaigns: [NextRollCampaign] = []
        var adGroups: [NextRollAdGroup] = []
        var ads: [NextRollAd] = []
        var segments: [NextRollSegment] = []
        if let state {
            let fields = try JSONFields(state, path: "nextroll")
            try fields.rejectUnknownKeys(["advertisables", "campaigns", "adgroups", "ads", "segments"])
            func unique(_ eid: String, _ object: JSONFields, _ seen: inout Set<String>) throws(FieldProblem) {
                guard Self.isValidEID(eid) else {
                    throw FieldProblem(path: object.path("eid"), message: "\"\(eid)\" cannot be an EID: EIDs are sent comma-separated, so no comma or space")
                }
                guard seen.insert(eid).inserted else { throw FieldProblem(path: object.path("eid"), message: "\(eid) is listed twice") }
            }
            func parent(_ exists: Bool, _ object: JSONFields, _ key: String, _ list: String, _ eid: String) throws(FieldProblem) {
                guard exists else { throw FieldProblem(path: object.path(key), message: "\(eid) is not in nextroll.\(list)") }
            }
            var seen = Set<String>()
            for object in try fields.objects("advertisables") {
                let advertisable = try NextRollAdvertisable(state: object, now: now)
                try unique(advertisable.eid, object, &seen)
                advertisables.append(advertisable)
            }
            let advertisableIDs = Set(advertisables.map(\.eid))
            /// The entries of a list whose members belong to an advertisable.
            func owned<T>(_ key: String, _ make: (JSONFields) throws(FieldProblem) -> T, eid: (T) -> String,
                          advertisable: (T) -> String) throws(FieldProblem) -> [T] {
                var items: [T] = []
                for object in try fields.objects(key) {
                    let item = try make(object)
                    try unique(eid(item), object, &seen)
                    try parent(advertisableIDs.contains(advertisable(item)), object, "advertisable", "advertisables", advertisable(item))
                    items.append(item)
                }
                return items
            }
            segments = try owned("segments", { object throws(FieldProblem) in try NextRollSegment(state: object, now: now) },
                                 eid: \.eid, advertisable: \.advertisable)
            ads = try owned("ads", { object throws(FieldProblem) in try NextRollAd(state: object, now: now) }, eid: \.eid, advertisable: \.advertisable)
            campaigns = try owned("campaigns", { object throws(FieldProblem) in try NextRollCampaign(state: object, now: now) },
                                  eid: \.eid, advertisable: \.advertisable)
            // Looked up by EID: a large account (tens of thousands of ad groups) must load in linear time.
            let advertisableOfCampaign = Dictionary(campaigns.map { ($0.eid, $0.advertisable) }, uniquingKeysWith: { first, _ in first })
            let segmentOwners = Dictionary(segments.map { ($0.eid, $0.advertisable) }, uniquingKeysWith: { first, _ in first })
            let adOwners = Dictionary(ads.map { ($0.eid, $0.advertisable) }, uniquingKeysWith: { first, _ in first })
            for object in try fields.objects("adgroups") {
                let adGroup = try NextRollAdGroup(state: object, now: now)
                try unique(adGroup.eid, object, &seen)
                guard let advertisable = advertisableOfCampaign[adGroup.campaign] else {
                    throw FieldProblem(path: object.path("campaign"), message: "\(adGroup.campaign) is not in nextroll.campaigns")
                }
                for attachment in adGroup.segments where segmentOwners[attachment.segment] != advertisable {
                    throw FieldProblem(path: object.path("segments"), message: "\(attachment.segment) is not a segment of advertisable \(advertisable)")
                }
                for attachment in adGroup.ads where adOwners[attachment.ad] != advertisable {
                    throw FieldProblem(path: object.path("ads"), message: "\(attachment.ad) is not an ad of advertisable \(advertisable)")
                }
                adGroups.append(adGroup)
            }
        }
        self.advertisables = advertisables
        self.campaigns = campaigns
        self.adGroups = adGroups
        self.ads = ads
        self.segments = segments
    }

    public func exportState() -> SandboxJSON {
        .object([("advertisables", .array(advertisables.map(\.stateJSON))), ("campaigns", .array(campaigns.map(\.stateJSON))),
                 ("adgroups", .array(adGroups.map(\.stateJSON))), ("ads", .array(ads.map(\.stateJSON))),
                 ("segments", .array(segments.map(\.stateJSON)))])
    }

    // MARK: Provisioning

    /// Whether the text can be an EID: non-empty, without commas (lists of EIDs are comma-separated) or spaces.
    public static func isValidEID(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains { $0 == "," || CharacterSet.whitespacesAndNewlines.contains($0) }
    }

    /// Adds the advertisable unless it exists; true when it was added.
    @discardableResult
    public func provisionAdvertisable(eid: String, name: String? = nil) -> Bool {
        guard !advertisables.contains(where: { $0.eid == eid }) else { return false }
        advertisables.append(NextRollAdvertisable(eid: eid, name: name, now: context.clock.now()))
        return true
    }

    /// Adds a segment of an existing advertisable unless a segment with the EID exists; true when added.
    @discardableResult
    public func provisionSegment(eid: String, advertisable: String, name: String? = nil, conversionValue: Decimal? = nil, duration: Int? = nil) -> Bool {
        guard advertisables.contains(where: { $0.eid == advertisable }), !segments.contains(where: { $0.eid == eid }) else { return false }
        segments.append(NextRollSegment(eid: eid, advertisable: advertisable, name: name, conversionValue: conversionValue, duration: duration,
                                        now: context.clock.now()))
        return true
    }

    /// Adds an ad of an existing advertisable unless an ad with the EID exists; true when added.
    @discardableResult
    public func provisionAd(eid: String, advertisable: String, name: String? = nil) -> Bool {
        guard advertisables.contains(where: { $0.eid == advertisable }), !ads.contains(where: { $0.eid == eid }) else { return false }
        ads.append(NextRollAd(eid: eid, advertisable: advertisable, name: name, now: context.clock.now()))
        return true
    }

    /// Whether an advertisable exists.
    public func hasAdvertisable(_ eid: String) -> Bool { advertisables.contains { $0.eid == eid } }

    // MARK: Requests

    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        switch route(request, Self.router) {
        case .answered(let response):
            return response
        case .found(let endpoint):
            do throws(Problem) {
                let parameters = try NextRollParameters(request)
                guard SandboxCredentials.accepts(try parameters.string("apikey"), expected: context.credentials.nextrollAPIKey),
                      SandboxCredentials.accepts(request.bearerToken, expected: context.credentials.nextrollToken) else {
                    throw Problem(status: 401, message: "Invalid or missing credentials: send the apikey parameter and Authorization: Bearer <token>.")
                }
                return try respond(endpoint, parameters)
            } catch {
                return errorResponse(status: error.status, message: error.message)
            }
        }
    }

    public nonisolated func errorResponse(status: Int, message: String) -> HTTPResponse {
        let code: String
        switch status {
        case 400: code = "invalid_parameter"
        case 401: code = "unauthorized"
        case 403: code = "forbidden"
        case 404: code = "not_found"
        case 405: code = "method_not_allowed"
        case 413: code = "request_too_large"
        case 415: code = "unsupported_media_type"
        case 429: code = "rate_limited"
        default: code = status >= 500 ? "server_error" : "error"
        }
        return .json(status, .object([("results", .null), ("errors", .array([.object([("code", .string(code)), ("message", .string(message))])]))]))
    }

    func respond(_ endpoint: Endpoint, _ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        switch endpoint {
        case .campaignCreate: return try createCampaign(parameters)
        case .campaignEdit: return try editCampaign(parameters)
        case .campaignGet:
            try parameters.rejectUnknown(["campaign"])
            return .json(200, campaignJSON(campaigns[try campaignIndex(parameters.requiredString("campaign"))]))
        case .campaignPause, .campaignUnpause: return try pauseCampaign(parameters, pause: endpoint == .campaignPause)
        case .campaignAdGroups:
            try parameters.rejectUnknown(["campaign"])
            let campaign = campaigns[try campaignIndex(parameters.requiredString("campaign"))]
            return results(.array(adGroups.filter { $0.campaign == campaign.eid }.map(\.representation)))
        case .advertisableGet:
            try parameters.rejectUnknown(["advertisable"])
            return .json(200, try advertisable(parameters.requiredString("advertisable")).representation)
        case .campaigns, .campaignsFast: return try listCampaigns(parameters)
        case .adGroups, .adGroupsFast: return try listAdGroups(parameters, fast: endpoint == .adGroupsFast)
        case .ads, .adsFast: return try listAds(parameters)
        case .segments: return try listSegments(parameters)
        case .adGroupCreate: return try createAdGroup(parameters)
        case .adGroupEdit: return try editAdGroup(parameters)
        case .adGroupGet:
            try parameters.rejectUnknown(["adgroup"])
            return .json(200, adGroups[try adGroupIndex(parameters.requiredString("adgroup"))].representation)
        case .adGroupPause, .adGroupUnpause:
            try parameters.rejectUnknown(["adgroup"])
            let index = try adGroupIndex(parameters.requiredString("adgroup"))
            adGroups[index].status = endpoint == .adGroupPause ? "paused" : "approved"
            adGroups[index].updatedDate = context.clock.now()
            return results(adGroups[index].representation)
        case .addSegments: return try changeSegments(parameters, add: true)
        case .removeSegments: return try changeSegments(parameters, add: false)
        case .selectAds, .deselectAds: return try changeAds(parameters, select: endpoint == .selectAds)
        case .adGroupAds:
            try parameters.rejectUnknown(["adgroup", "is_active", "statuses", "types", "width", "height"])
            let adGroup = adGroups[try adGroupIndex(parameters.requiredString("adgroup"))]
            let keep = try adFilter(parameters, includeFacebookKey: nil)
            let attached = adGroup.ads.compactMap { attachment in ads.first { $0.eid == attachment.ad } }
            return results(.array(attached.filter(keep).map(adJSON)))
        case .adGet:
            try parameters.rejectUnknown(["ad"])
            let eid = try parameters.requiredString("ad")
            guard let ad = ads.first(where: { $0.eid == eid }) else { throw Problem(status: 404, message: "Ad \(eid) not found.") }
            return .json(200, adJSON(ad))
        case .segmentGet:
            try parameters.rejectUnknown(["segment", "include_int_id", "include_lookalike", "include_migration_data"])
            let segment = segments[try segmentIndex(parameters.requiredString("segment"))]
            _ = try parameters.bool("include_lookalike")
            _ = try parameters.bool("include_migration_data")
            return .json(200, segment.representation(includeIntegerID: try parameters.bool("include_int_id") ?? false))
        case .segmentEdit: return try editSegment(parameters)
        }
    }

    // MARK: Lookups and representations

    func results(_ value: SandboxJSON) -> HTTPResponse { .json(200, .object([("results", value)])) }

    func advertisable(_ eid: String) throws(Problem) -> NextRollAdvertisable {
        guard let advertisable = advertisables.first(where: { $0.eid == eid }) else { throw Problem(status: 404, message: "Advertisable \(eid) not found.") }
        return advertisable
    }

    func campaignIndex(_ eid: String) throws(Problem) -> Int {
        guard let index = campaigns.firstIndex(where: { $0.eid == eid }) else { throw Problem(status: 404, message: "Campaign \(eid) not found.") }
        return index
    }

    func adGroupIndex(_ eid: String) throws(Problem) -> Int {
        guard let index = adGroups.firstIndex(where: { $0.eid == eid }) else { throw Problem(status: 404, message: "Adgroup \(eid) not found.") }
        return index
    }

    func segmentIndex(_ eid: String) throws(Problem) -> Int {
        guard let index = segments.firstIndex(where: { $0.eid == eid }) else { throw Problem(status: 404, message: "Segment \(eid) not found.") }
        return index
    }

    func campaignJSON(_ campaign: NextRollCampaign) -> SandboxJSON {
        campaign.representation(adgroups: adGroups.filter { $0.campaign == campaign.eid }.map(\.eid))
    }

    func adJSON(_ ad: NextRollAd) -> SandboxJSON {
        ad.representation(adgroups: adGroups.filter { $0.ads.contains { $0.ad == ad.eid } }.map(\.eid))
    }

    func newEID() -> String {
        var eid = ids.eid()
        // Scanned in place: building a set of every EID for each create costs more than the create.
        while advertisables.contains(where: { $0.eid == eid }) || campaigns.contains(where: { $0.eid == eid })
                || adGroups.contains(where: { $0.eid == eid }) || ads.contains(where: { $0.eid == eid }) || segments.contains(where: { $0.eid == eid }) {
            eid = ids.eid()
        }
        return eid
    }

    /// The advertisable a campaign belongs to.
    func advertisableOf(adGroup: NextRollAdGroup) -> String? {
        campaigns.first { $0.eid == adGroup.campaign }?.advertisable
    }

    /// EIDs that must name existing segments (or ads) of the advertisable; 404 otherwise.
    func checkSegments(_ eids: [String], advertisable: String) throws(Problem) {
        for eid in eids where !segments.contains(where: { $0.eid == eid && $0.advertisable == advertisable }) {
            throw Problem(status: 404, message: "Segment \(eid) not found in advertisable \(advertisable).")
        }
    }

    func checkAds(_ eids: [String], advertisable: String) throws(Problem) {
        for eid in eids where !ads.contains(where: { $0.eid == eid && $0.advertisable == advertisable }) {
            throw Problem(status: 404, message: "Ad \(eid) not found in advertisable \(advertisable).")
        }
    }

    func date(_ parameters: NextRollParameters, _ name: String) throws(Problem) -> Date? {
        guard let text = try parameters.string(name), !text.isEmpty else { return nil }
        guard let date = Timestamp.parse(text) else { throw Problem(status: 400, message: "\(name) must be a date such as 2026-03-01, not \"\(text)\"") }
        return date
    }

    func nonNegative(_ parameters: NextRollParameters, _ name: String) throws(Problem) -> Decimal? {
        guard let value = try parameters.decimal(name) else { return nil }
        guard value >= 0 else { throw Problem(status: 400, message: "\(name) must not be negative") }
        return value
    }
}
