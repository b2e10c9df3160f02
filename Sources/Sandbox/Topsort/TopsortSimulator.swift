import Foundation

/// The Topsort campaign service, below `/topsort` exactly as below `https://api.topsort.com`:
/// - `GET /v1/campaign-service/campaigns`: filters `vendor_id`, `status`, `is_active`, `sort_by_date`;
///   `offset` (default 0) and `limit` (default 100, at most 100); answers `{"campaigns", "hasMore", "next"}`
///   where `next` (`{"limit", "offset"}`) is present only while there are more pages.
/// - `PATCH /public/v1/campaign-service/campaigns/{campaign-id}`: the documented update body, enums and
///   ranges (targetRoas 0.5...20, campaignType only to autobidding, budget in whole minor units below
///   2,000,000,000, end after start, a past start date becomes now); answers the campaign model.
/// - `POST /public/v1/campaign-service/campaigns`: **an assumption of the sandbox** — the reference
///   documents only get and update. It takes the update body's schema and validation plus `vendorId`
///   (required, a vendor of the marketplace) and `adFormat` (default `listing`); `name` and `budget`
///   are required; `startDate` defaults to now (a past one becomes now, as on update) and `endDate` to
///   none, answered as `null` (the campaign runs until paused; the update endpoint documents
///   `endDate` as nullable); `campaignType` may be manual, autobidding or exclusive (default manual);
///   `isActive` defaults to true. It answers 201 with the campaign model.
///   `externalCampaignId` must be unique per marketplace and ad format (409 otherwise, on update too).
///
/// Authentication: `Authorization: Bearer <API key>`. Errors: `{"errCode", "docUrl", "message"}`;
/// validation problems are 422 with every problem in the message.
public actor TopsortSimulator: PlatformSimulator {
    public nonisolated let platform = SandboxPlatform.topsort

    enum Endpoint: Sendable {
        case list, create
        case update(id: String)
    }

    private static let router = Router<Endpoint>([
        ("GET", "/v1/campaign-service/campaigns", { _ in .list }),
        ("POST", "/public/v1/campaign-service/campaigns", { _ in .create }),
        ("PATCH", "/public/v1/campaign-service/campaigns/{id}", { .update(id: $0["id"] ?? "") }),
    ])

    static let docURL = "https://docs.topsort.com/reference/errors"

    private var marketplaceId: String
    private var vendors: [TopsortVendor]
    private var campaigns: [TopsortCampaign]
    private var ids: IdentifierSource
    private let context: SimulatorContext

    init(state: SandboxJSON?, context: SimulatorContext) throws(FieldProblem) {
        self.context = context
        var ids = IdentifierSource(seed: context.seed, platform: .topsort)
        var marketplaceId = ids.uuid()
        var vendors: [TopsortVendor] = []
        var campaigns: [TopsortCampaign] = []
        if let state {
            let fields = try JSONFields(state, path: "topsort")
            try fields.rejectUnknownKeys(["marketplaceId", "vendors", "campaigns"])
            if let id = try fields.optionalString("marketplaceId") {
                guard Self.isUUID(id) else { throw FieldProblem(path: fields.path("marketplaceId"), message: "must be a UUID") }
                marketplaceId = id
            }
            for object in try fields.objects("vendors") {
                let vendor = try TopsortVendor(state: object, defaultWallet: { ids.uuid() })
                guard !vendors.contains(where: { $0.id == vendor.id }) else {
                    throw FieldProblem(path: object.path("id"), message: "vendor \(vendor.id) is listed twice")
                }
                vendors.append(vendor)
            }
            let now = context.clock.now()
            for object in try fields.objects("campaigns") {
                let campaign = try TopsortCampaign(state: object, marketplaceId: marketplaceId,
                                                   walletFor: { id in vendors.first { $0.id == id }?.walletId },
                                                   newId: { ids.uuid() }, now: now)
                for key in ["multiplierConfig", "targetingFilters", "exclusionFilters"] {
                    guard let value = object.value(key) else { continue }
                    do throws(FieldProblem) { try TopsortCampaignChanges.checkSegmentConfig(value, key: key) } catch {
                        throw FieldProblem(path: object.path(error.path), message: error.message)
                    }
                }
                guard !campaigns.contains(where: { $0.campaignId == campaign.campaignId }) else {
                    throw FieldProblem(path: object.path("campaignId"), message: "campaign \(campaign.campaignId) is listed twice")
                }
                campaigns.append(campaign)
            }
        }
        self.ids = ids
        self.marketplaceId = marketplaceId
        self.vendors = vendors
        self.campaigns = campaigns
    }

    public func exportState() -> SandboxJSON {
        .object([("marketplaceId", .string(marketplaceId)), ("vendors", .array(vendors.map(\.stateJSON))),
                 ("campaigns", .array(campaigns.map(\.stateJSON)))])
    }

    /// `8-4-4-4-12` hexadecimal digits.
    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    // MARK: Provisioning

    /// Adds the vendor unless it exists; true when it was added.
    @discardableResult
    public func provisionVendor(id: String, name: String? = nil) -> Bool {
        guard !vendors.contains(where: { $0.id == id }) else { return false }
        vendors.append(TopsortVendor(id: id, name: name ?? id, walletId: ids.uuid()))
        return true
    }

    /// Sets the marketplace id (a UUID) when no campaign exists yet; true when it changed.
    @discardableResult
    public func provisionMarketplace(id: String) -> Bool {
        guard Self.isUUID(id), id != marketplaceId, campaigns.isEmpty else { return false }
        marketplaceId = id
        return true
    }

    /// The marketplace the API key belongs to.
    public var marketplace: String { marketplaceId }

    // MARK: Requests

    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        switch route(request, Self.router) {
        case .answered(let response):
            return response
        case .found(let endpoint):
            guard SandboxCredentials.accepts(request.bearerToken, expected: context.credentials.topsortAPIKey) else {
                var response = errorResponse(status: 401, message: "Missing or invalid API key. Send Authorization: Bearer <YOUR-API-KEY>.")
                response.headers.append(("WWW-Authenticate", "Bearer"))
                return response
            }
            switch endpoint {
            case .list: return list(request)
            case .create: return write(request, campaignId: nil)
            case .update(let id): return write(request, campaignId: id)
            }
        }
    }

    public nonisolated func errorResponse(status: Int, message: String) -> HTTPResponse {
        let code: String
        switch status {
        case 400: code = "bad_request"
        case 401: code = "unauthorized"
        case 403: code = "forbidden"
        case 404: code = "not_found"
        case 405: code = "method_not_allowed"
        case 409: code = "conflict"
        case 413: code = "payload_too_large"
        case 415: code = "unsupported_media_type"
        case 422: code = "invalid_request"
        case 429: code = "too_many_requests"
        case 503: code = "service_unavailable"
        default: code = status >= 500 ? "internal_server_error" : "error"
        }
        return .json(status, .object([("errCode", .string(code)), ("docUrl", .string(Self.docURL)), ("message", .string(message))]))
    }

    private func list(_ request: HTTPRequest) -> HTTPResponse {
        let known: Set<String> = ["vendor_id", "status", "offset", "limit", "is_active", "sort_by_date"]
        var problems: [String] = []
        if let unknown = request.query.first(where: { !known.contains($0.name) }) {
            problems.append("unknown query parameter \(unknown.name) (expected \(known.sorted().joined(separator: ", ")))")
        }
        let vendor = request.queryValue("vendor_id")
        if vendor == "" { problems.append("vendor_id must have at least 1 character") }
        let status = request.queryValue("status")
        if let status, !TopsortCampaign.statuses.contains(status) { problems.append("status must be one of approved, pending, rejected") }
        let offset = request.queryValue("offset").map { Int($0) } ?? 0
        if offset == nil || (offset ?? 0) < 0 { problems.append("offset must be a non-negative integer") }
        let limit = request.queryValue("limit").map { Int($0) } ?? 100
        if limit == nil || !(1...100).contains(limit ?? 0) { problems.append("limit must be an integer from 1 to 100") }
        var active: Bool?
        if let text = request.queryValue("is_active") {
            switch text.lowercased() {
            case "true", "1": active = true
            case "false", "0": active = false
            default: problems.append("is_active must be true or false")
            }
        }
        let sort = request.queryValue("sort_by_date")
        if let sort, sort != "asc", sort != "desc" { problems.append("sort_by_date must be asc or desc") }
        guard problems.isEmpty, let offset, let limit else { return errorResponse(status: 422, message: problems.joined(separator: "; ")) }

        var matching = campaigns.filter { campaign in
            campaign.marketplaceId == marketplaceId && (vendor.map { $0 == campaign.vendorId } ?? true)
                && (status.map { $0 == campaign.status } ?? true) && (active.map { $0 == campaign.isActive } ?? true)
        }
        if let sort {
            // A stable sort, so campaigns created in the same second keep their creation order.
            matching = matching.enumerated().sorted { a, b in
                a.element.createdAt != b.element.createdAt
                    ? (sort == "asc") == (a.element.createdAt < b.element.createdAt)
                    : a.offset < b.offset
            }.map(\.element)
        }
        let page = Array(matching.dropFirst(offset).prefix(limit))
        let hasMore = offset + page.count < matching.count
        var members: [(key: String, value: SandboxJSON)] = [("campaigns", .array(page.map(\.resource))), ("hasMore", .bool(hasMore))]
        if hasMore { members.append(("next", .object([("limit", .integer(limit)), ("offset", .integer(offset + limit))]))) }
        return .json(200, .object(members))
    }

    /// Create (`campaignId` nil) or update one campaign.
    private func write(_ request: HTTPRequest, campaignId: String?) -> HTTPResponse {
        // Campaigns are found by position and compared in place: scanning the array by element copies
        // every campaign it passes (a few dozen fields each), which made each write cost a scan of copies.
        let existing = campaignId.flatMap { id in campaigns.indices.first { campaigns[$0].campaignId == id } }
        if let campaignId {
            guard Self.isUUID(campaignId) else { return errorResponse(status: 422, message: "campaign-id must be a UUID, not \"\(campaignId)\"") }
            guard let existing, campaigns[existing].marketplaceId == marketplaceId else {
                return errorResponse(status: 404, message: "Campaign \(campaignId) not found.")
            }
        }
        let body: SandboxJSON
        switch RequestBody.json(request) {
        case .success(let json): body = json
        case .failure(let problem): return errorResponse(status: problem.status, message: problem.message)
        }
        let fields: JSONFields
        do { fields = try JSONFields(body, path: "") } catch { return errorResponse(status: 422, message: "the body must be a JSON object") }
        let now = context.clock.now()
        var campaign: TopsortCampaign
        var problems: [FieldProblem] = []
        if let existing {
            campaign = campaigns[existing]
        } else {
            var vendor: TopsortVendor?
            do throws(FieldProblem) {
                let vendorId = try fields.string("vendorId")
                vendor = vendors.first { $0.id == vendorId }
                if vendor == nil { problems.append(FieldProblem(path: "vendorId", message: "vendor \(vendorId) is not a vendor of this marketplace")) }
            } catch { problems.append(error) }
            var newId = ids.uuid()
            while campaigns.indices.contains(where: { campaigns[$0].campaignId == newId }) { newId = ids.uuid() }
            campaign = TopsortCampaign(newId: newId, marketplaceId: marketplaceId, vendor: vendor, now: now)
        }
        problems += TopsortCampaignChanges.apply(fields, isCreate: campaignId == nil, to: &campaign, now: now)
        guard problems.isEmpty else { return errorResponse(status: 422, message: problems.map(\.description).joined(separator: "; ")) }
        let id = campaign.campaignId, format = campaign.adFormat
        if let external = campaign.externalCampaignId,
           let other = campaigns.indices.first(where: { campaigns[$0].campaignId != id && campaigns[$0].marketplaceId == marketplaceId
                                                        && campaigns[$0].adFormat == format && campaigns[$0].externalCampaignId == external }) {
            return errorResponse(status: 409, message: "externalCampaignId \"\(external)\" is already used by campaign \(campaigns[other].campaignId) for \(format) in this marketplace")
        }
        if let existing {
            campaigns[existing] = campaign
            return .json(200, campaign.resource)
        }
        campaigns.append(campaign)
        return .json(201, campaign.resource)
    }
}

extension TopsortCampaign {
    /// A new campaign before the create body is applied: the defaults of the create endpoint.
    init(newId: String, marketplaceId: String, vendor: TopsortVendor?, now: Date) {
        campaignId = newId
        self.marketplaceId = marketplaceId
        vendorId = vendor?.id ?? ""
        name = ""
        startDate = now
        endDate = nil
        isActive = true
        isSmart = false
        campaignType = "manual"
        status = "approved"
        createdAt = now
        chargeType = "CPC"
        adFormat = "listing"
        isAutoTrigger = false
        walletId = vendor?.walletId ?? ""
        bidCount = 0
    }
}
