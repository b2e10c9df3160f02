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

    private static let router = Router<Endpoint>(Endpoint.allCases.map { endpoint in
        let parts = endpoint.rawValue.split(separator: " ")
        return (String(parts[0]), "/api/v1/" + parts[1], { @Sendable _ in endpoint })
    })

    typealias Problem = NextRollParameters.Problem

    private var advertisables: [NextRollAdvertisable]
    private var campaigns: [NextRollCampaign]
    private var adGroups: [NextRollAdGroup]
    private var ads: [NextRollAd]
    private var segments: [NextRollSegment]
    private var ids: IdentifierSource
    private let context: SimulatorContext

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
            for object in try fields.objects("adgroups") {
                let adGroup = try NextRollAdGroup(state: object, now: now)
                try unique(adGroup.eid, object, &seen)
                guard let campaign = campaigns.first(where: { $0.eid == adGroup.campaign }) else {
                    throw FieldProblem(path: object.path("campaign"), message: "\(adGroup.campaign) is not in nextroll.campaigns")
                }
                for attachment in adGroup.segments where !segments.contains(where: { $0.eid == attachment.segment && $0.advertisable == campaign.advertisable }) {
                    throw FieldProblem(path: object.path("segments"), message: "\(attachment.segment) is not a segment of advertisable \(campaign.advertisable)")
                }
                for attachment in adGroup.ads where !ads.contains(where: { $0.eid == attachment.ad && $0.advertisable == campaign.advertisable }) {
                    throw FieldProblem(path: object.path("ads"), message: "\(attachment.ad) is not an ad of advertisable \(campaign.advertisable)")
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

    private func respond(_ endpoint: Endpoint, _ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
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

    private func results(_ value: SandboxJSON) -> HTTPResponse { .json(200, .object([("results", value)])) }

    private func advertisable(_ eid: String) throws(Problem) -> NextRollAdvertisable {
        guard let advertisable = advertisables.first(where: { $0.eid == eid }) else { throw Problem(status: 404, message: "Advertisable \(eid) not found.") }
        return advertisable
    }

    private func campaignIndex(_ eid: String) throws(Problem) -> Int {
        guard let index = campaigns.firstIndex(where: { $0.eid == eid }) else { throw Problem(status: 404, message: "Campaign \(eid) not found.") }
        return index
    }

    private func adGroupIndex(_ eid: String) throws(Problem) -> Int {
        guard let index = adGroups.firstIndex(where: { $0.eid == eid }) else { throw Problem(status: 404, message: "Adgroup \(eid) not found.") }
        return index
    }

    private func segmentIndex(_ eid: String) throws(Problem) -> Int {
        guard let index = segments.firstIndex(where: { $0.eid == eid }) else { throw Problem(status: 404, message: "Segment \(eid) not found.") }
        return index
    }

    private func campaignJSON(_ campaign: NextRollCampaign) -> SandboxJSON {
        campaign.representation(adgroups: adGroups.filter { $0.campaign == campaign.eid }.map(\.eid))
    }

    private func adJSON(_ ad: NextRollAd) -> SandboxJSON {
        ad.representation(adgroups: adGroups.filter { $0.ads.contains { $0.ad == ad.eid } }.map(\.eid))
    }

    private func newEID() -> String {
        var eid = ids.eid()
        let used = Set(advertisables.map(\.eid) + campaigns.map(\.eid) + adGroups.map(\.eid) + ads.map(\.eid) + segments.map(\.eid))
        while used.contains(eid) { eid = ids.eid() }
        return eid
    }

    /// The advertisable a campaign belongs to.
    private func advertisableOf(adGroup: NextRollAdGroup) -> String? {
        campaigns.first { $0.eid == adGroup.campaign }?.advertisable
    }

    /// EIDs that must name existing segments (or ads) of the advertisable; 404 otherwise.
    private func checkSegments(_ eids: [String], advertisable: String) throws(Problem) {
        for eid in eids where !segments.contains(where: { $0.eid == eid && $0.advertisable == advertisable }) {
            throw Problem(status: 404, message: "Segment \(eid) not found in advertisable \(advertisable).")
        }
    }

    private func checkAds(_ eids: [String], advertisable: String) throws(Problem) {
        for eid in eids where !ads.contains(where: { $0.eid == eid && $0.advertisable == advertisable }) {
            throw Problem(status: 404, message: "Ad \(eid) not found in advertisable \(advertisable).")
        }
    }

    private func date(_ parameters: NextRollParameters, _ name: String) throws(Problem) -> Date? {
        guard let text = try parameters.string(name), !text.isEmpty else { return nil }
        guard let date = Timestamp.parse(text) else { throw Problem(status: 400, message: "\(name) must be a date such as 2026-03-01, not \"\(text)\"") }
        return date
    }

    private func nonNegative(_ parameters: NextRollParameters, _ name: String) throws(Problem) -> Decimal? {
        guard let value = try parameters.decimal(name) else { return nil }
        guard value >= 0 else { throw Problem(status: 400, message: "\(name) must not be negative") }
        return value
    }

    // MARK: Campaigns

    private func createCampaign(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["advertisable", "budget", "ui_budget_daily", "is_retargeting", "is_fbx_newsfeed", "adgroups", "cpc", "cpm",
                                      "start_date", "end_date", "name", "status", "max_cpm", "networks"])
        let owner = try advertisable(parameters.requiredString("advertisable")).eid
        guard let budget = try parameters.decimal("budget") else { throw Problem(status: 400, message: "missing required parameter budget (the WEEKLY budget)") }
        guard budget > 0 else { throw Problem(status: 400, message: "budget must be a positive WEEKLY amount") }
        let now = context.clock.now()
        let start = try date(parameters, "start_date") ?? Timestamp.startOfDay(now).addingTimeInterval(86_400)
        var campaign = NextRollCampaign(eid: newEID(), advertisable: owner, budget: budget, startDate: start, now: now)
        campaign.endDate = try date(parameters, "end_date")
        if let end = campaign.endDate, end <= start { throw Problem(status: 400, message: "end_date must be after start_date (it is exclusive)") }
        campaign.name = try parameters.string("name")
        campaign.uiBudgetDaily = try parameters.bool("ui_budget_daily") ?? true
        campaign.isRetargeting = try parameters.bool("is_retargeting") ?? false
        campaign.isFbxNewsfeed = try parameters.bool("is_fbx_newsfeed") ?? false
        campaign.cpc = try nonNegative(parameters, "cpc")
        campaign.cpm = try nonNegative(parameters, "cpm")
        campaign.maxCPM = try nonNegative(parameters, "max_cpm")
        let status = try parameters.string("status") ?? "admin_review"
        guard status == "admin_review" || status == "draft" else { throw Problem(status: 400, message: "status must be one of ['admin_review', 'draft'], not \"\(status)\"") }
        campaign.status = status
        if let networks = try parameters.string("networks") {
            guard networks.allSatisfy({ $0 == "f" }) else { throw Problem(status: 400, message: "networks only supports 'f' (Facebook)") }
            campaign.isFacebook = !networks.isEmpty
        }
        let attach = try parameters.list("adgroups") ?? []
        for eid in attach {
            let index = try adGroupIndex(eid)
            guard advertisableOf(adGroup: adGroups[index]) == owner else { throw Problem(status: 400, message: "Adgroup \(eid) belongs to another advertisable.") }
        }
        campaigns.append(campaign)
        for eid in attach {
            if let index = adGroups.firstIndex(where: { $0.eid == eid }) { adGroups[index].campaign = campaign.eid }
        }
        return results(campaignJSON(campaign))
    }

    private func editCampaign(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["campaign", "budget", "ui_budget_daily", "cpc", "cpm", "end_date", "is_retargeting", "name", "start_date"])
        let index = try campaignIndex(parameters.requiredString("campaign"))
        guard let uiBudgetDaily = try parameters.bool("ui_budget_daily") else {
            throw Problem(status: 400, message: "missing required parameter ui_budget_daily")
        }
        var campaign = campaigns[index]
        campaign.uiBudgetDaily = uiBudgetDaily
        if let budget = try parameters.decimal("budget") {
            guard budget > 0 else { throw Problem(status: 400, message: "budget must be a positive WEEKLY amount") }
            campaign.budget = budget
        }
        if let cpc = try nonNegative(parameters, "cpc") { campaign.cpc = cpc }
        if let cpm = try nonNegative(parameters, "cpm") { campaign.cpm = cpm }
        if let start = try date(parameters, "start_date") { campaign.startDate = start }
        if let end = try date(parameters, "end_date") { campaign.endDate = end }
        if let end = campaign.endDate, end <= campaign.startDate { throw Problem(status: 400, message: "end_date must be after start_date (it is exclusive)") }
        if let retargeting = try parameters.bool("is_retargeting") { campaign.isRetargeting = retargeting }
        if let name = try parameters.string("name") { campaign.name = name }
        campaign.updatedDate = context.clock.now()
        campaigns[index] = campaign
        return results(campaignJSON(campaign))
    }

    private func pauseCampaign(_ parameters: NextRollParameters, pause: Bool) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["campaign"])
        let index = try campaignIndex(parameters.requiredString("campaign"))
        var campaign = campaigns[index]
        if ["rejected", "cancelled", "completed"].contains(campaign.status) {
            throw Problem(status: 400, message: "Campaign \(campaign.eid) is \(campaign.status) and cannot be \(pause ? "paused" : "unpaused").")
        }
        if pause, campaign.status != "paused" {
            campaign.statusBeforePause = campaign.status
            campaign.status = "paused"
        } else if !pause, campaign.status == "paused" || campaign.status == "draft" {
            let earlier = campaign.statusBeforePause ?? "approved"
            campaign.status = NextRollCampaign.servingStatuses.contains(earlier) ? earlier : "approved"
            campaign.statusBeforePause = nil
        }
        campaign.updatedDate = context.clock.now()
        campaigns[index] = campaign
        return results(.string(campaign.status))
    }

    /// The campaign filters of the list endpoints: `is_active` (default true; false keeps only inactive
    /// ones), statuses, blacklist_statuses, types — with `camp_` in front for the adgroup lists.
    private func campaignFilter(_ parameters: NextRollParameters, prefix: String, activeKey: String) throws(Problem) -> (NextRollCampaign) -> Bool {
        let active = try parameters.bool(activeKey) ?? true
        let statuses = try parameters.list(prefix + "statuses").map(Set.init)
        let blacklist = try parameters.list(prefix + "blacklist_statuses").map(Set.init)
        let types = try parameters.list(prefix + "types").map(Set.init)
        let eids = try parameters.list(prefix + "eids").map(Set.init)
        return { campaign in
            campaign.isActive == active && (statuses?.contains(campaign.status) ?? true) && !(blacklist?.contains(campaign.status) ?? false)
                && (types?.contains(campaign.type) ?? true) && (eids?.contains(campaign.eid) ?? true)
        }
    }

    private func listCampaigns(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["advertisable", "is_active", "statuses", "blacklist_statuses", "types"])
        let owner = try advertisable(parameters.requiredString("advertisable")).eid
        let keep = try campaignFilter(parameters, prefix: "", activeKey: "is_active")
        return results(.array(campaigns.filter { $0.advertisable == owner && keep($0) }.map(campaignJSON)))
    }

    private func listAdGroups(_ parameters: NextRollParameters, fast: Bool) throws(Problem) -> HTTPResponse {
        var allowed: Set<String> = ["advertisable", "camp_active", "camp_statuses", "camp_blacklist_statuses", "camp_types", "statuses", "blacklist_statuses"]
        if fast { allowed.insert("camp_eids") }
        try parameters.rejectUnknown(allowed)
        let owner = try advertisable(parameters.requiredString("advertisable")).eid
        let keepCampaign = try campaignFilter(parameters, prefix: "camp_", activeKey: "camp_active")
        let chosen = Set(campaigns.filter { $0.advertisable == owner && keepCampaign($0) }.map(\.eid))
        let statuses = Set(try parameters.list("statuses") ?? ["approved", "admin_review", "paused", "admin_paused"])
        let blacklist = Set(try parameters.list("blacklist_statuses") ?? [])
        let matching = adGroups.filter { chosen.contains($0.campaign) && statuses.contains($0.status) && !blacklist.contains($0.status) }
        return results(.array(matching.map(\.representation)))
    }

    // MARK: Ads and segments

    /// The ad filters: `is_active` (default true), statuses, types, width, height and, on the
    /// advertisable lists, `include_fb` (default true).
    private func adFilter(_ parameters: NextRollParameters, includeFacebookKey: String?) throws(Problem) -> (NextRollAd) -> Bool {
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

    private func listAds(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["advertisable", "is_active", "statuses", "types", "width", "height", "include_fb"])
        let owner = try advertisable(parameters.requiredString("advertisable")).eid
        let keep = try adFilter(parameters, includeFacebookKey: "include_fb")
        return results(.array(ads.filter { $0.advertisable == owner && keep($0) }.map(adJSON)))
    }

    private func listSegments(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
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

    private func editSegment(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
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

    // MARK: Adgroups

    private func createAdGroup(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["campaign", "name", "status", "ads", "positive_segments", "negative_segments", "product_set", "geo_targets",
                                      "placement_targets"])
        let campaign = campaigns[try campaignIndex(parameters.requiredString("campaign"))]
        var adGroup = NextRollAdGroup(eid: newEID(), campaign: campaign.eid, now: context.clock.now())
        adGroup.name = try parameters.string("name")
        let status = try parameters.string("status") ?? "approved"
        guard status == "approved" || status == "draft" else { throw Problem(status: 400, message: "status must be one of ['approved', 'draft'], not \"\(status)\"") }
        adGroup.status = status
        let adEIDs = try parameters.list("ads") ?? []
        try checkAds(adEIDs, advertisable: campaign.advertisable)
        adGroup.ads = unique(adEIDs).map { NextRollAdGroup.AdAttachment(ad: $0, status: "approved") }
        adGroup.segments = try segmentAttachments(parameters, advertisable: campaign.advertisable, current: [])
        if let text = try parameters.string("geo_targets") {
            adGroup.geoTargets = try geoTargets(text)
        } else if let sibling = adGroups.first(where: { $0.campaign == campaign.eid }) {
            adGroup.geoTargets = sibling.geoTargets
        }
        adGroups.append(adGroup)
        return results(adGroup.representation)
    }

    private func editAdGroup(_ parameters: NextRollParameters) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["adgroup", "name", "status", "ads", "positive_segments", "negative_segments", "product_set", "geo_targets",
                                      "geo_target_worldwide"])
        let index = try adGroupIndex(parameters.requiredString("adgroup"))
        var adGroup = adGroups[index]
        let owner = advertisableOf(adGroup: adGroup) ?? ""
        if let name = try parameters.string("name") { adGroup.name = name }
        if let status = try parameters.string("status") {
            guard status == "approved" || status == "paused" else { throw Problem(status: 400, message: "status must be one of ['approved', 'paused'], not \"\(status)\"") }
            adGroup.status = status
        }
        if let adEIDs = try parameters.list("ads") {
            try checkAds(adEIDs, advertisable: owner)
            for eid in unique(adEIDs) where !adGroup.ads.contains(where: { $0.ad == eid }) {
                adGroup.ads.append(NextRollAdGroup.AdAttachment(ad: eid, status: "approved"))
            }
        }
        adGroup.segments = try segmentAttachments(parameters, advertisable: owner, current: adGroup.segments)
        let worldwide = try parameters.bool("geo_target_worldwide") ?? false
        if let text = try parameters.string("geo_targets") {
            guard !worldwide else { throw Problem(status: 400, message: "give either geo_targets or geo_target_worldwide, not both") }
            adGroup.geoTargets = try geoTargets(text)
        } else if worldwide {
            adGroup.geoTargets = []
        }
        adGroup.updatedDate = context.clock.now()
        adGroups[index] = adGroup
        return results(adGroup.representation)
    }

    /// `positive_segments` and `negative_segments` each replace the attachments of their kind when given.
    private func segmentAttachments(_ parameters: NextRollParameters, advertisable: String,
                                    current: [NextRollAdGroup.SegmentAttachment]) throws(Problem) -> [NextRollAdGroup.SegmentAttachment] {
        let positive = try parameters.list("positive_segments").map(unique)
        let negative = try parameters.list("negative_segments").map(unique)
        try checkSegments((positive ?? []) + (negative ?? []), advertisable: advertisable)
        let keptPositive = positive ?? current.filter { !$0.isNegative }.map(\.segment)
        let keptNegative = negative ?? current.filter(\.isNegative).map(\.segment)
        if let both = keptPositive.first(where: keptNegative.contains) {
            throw Problem(status: 400, message: "Segment \(both) cannot be both a positive and a negative segment of the adgroup.")
        }
        return keptPositive.map { .init(segment: $0, isNegative: false) } + keptNegative.map { .init(segment: $0, isNegative: true) }
    }

    private func geoTargets(_ text: String) throws(Problem) -> [SandboxJSON] {
        do { return try NextRollGeoTarget.parse(parameter: text) } catch { throw Problem(status: 400, message: error.description) }
    }

    private func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    private func changeSegments(_ parameters: NextRollParameters, add: Bool) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(add ? ["adgroup", "segments", "is_negative"] : ["adgroup", "segments"])
        let index = try adGroupIndex(parameters.requiredString("adgroup"))
        guard let eids = try parameters.list("segments"), !eids.isEmpty else { throw Problem(status: 400, message: "missing required parameter segments") }
        try checkSegments(eids, advertisable: advertisableOf(adGroup: adGroups[index]) ?? "")
        let negative = add ? try parameters.bool("is_negative") ?? false : false
        for eid in unique(eids) {
            adGroups[index].segments.removeAll { $0.segment == eid }
            if add { adGroups[index].segments.append(.init(segment: eid, isNegative: negative)) }
        }
        adGroups[index].updatedDate = context.clock.now()
        return results(.bool(true))
    }

    private func changeAds(_ parameters: NextRollParameters, select: Bool) throws(Problem) -> HTTPResponse {
        try parameters.rejectUnknown(["adgroup", "ads"])
        let index = try adGroupIndex(parameters.requiredString("adgroup"))
        guard let eids = try parameters.list("ads"), !eids.isEmpty else { throw Problem(status: 400, message: "missing required parameter ads") }
        try checkAds(eids, advertisable: advertisableOf(adGroup: adGroups[index]) ?? "")
        for eid in unique(eids) {
            if select {
                if !adGroups[index].ads.contains(where: { $0.ad == eid }) { adGroups[index].ads.append(.init(ad: eid, status: "approved")) }
            } else {
                adGroups[index].ads.removeAll { $0.ad == eid }
            }
        }
        adGroups[index].updatedDate = context.clock.now()
        let compliance = SandboxJSON.array(unique(eids).map { .object([("ad", .string($0)), ("sites", .array([])), ("errors", .array([]))]) })
        return .json(200, .object([(select ? "comps" : "results", compliance)]))
    }
}
