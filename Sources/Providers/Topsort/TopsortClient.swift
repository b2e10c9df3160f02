import Foundation
import Planner

/// The Topsort campaign-service client (`topsort-get-campaigns.txt`, `topsort-update-campaign.txt`):
/// the campaigns of one vendor.
///
/// - Fetch: `GET /v1/campaign-service/campaigns?vendor_id=…&limit=100`, page after page while `hasMore`.
///   No `status` or `is_active` filter is sent: without them inactive campaigns and banners in any
///   review state are listed too (a missing inactive campaign would be created again).
/// - Create: `POST /public/v1/campaign-service/campaigns` (the reference documents no create; the
///   sandbox's documented assumption takes the update body plus `vendorId`), never retried blindly.
/// - Update, pause, resume: `PATCH /public/v1/campaign-service/campaigns/{campaign-id}`.
/// - Auth: `Authorization: Bearer <API key>`.
/// Budgets travel in minor units both ways.
public final class TopsortClient: ProviderClient {
    static let listPath = "/v1/campaign-service/campaigns"
    static let collectionPath = "/public/v1/campaign-service/campaigns"
    /// The largest page the list endpoint serves.
    static let pageSize = 100
    /// Segment filters name their entries by type; the reference leaves it open and segment ids are what reconcile manages.
    static let segmentFilterType = "segment"

    public let provider: ProviderConfig
    public var requestCounter: RequestCounter { api.counter }
    private let api: APIClient

    public init(provider: ProviderConfig, connection: ProviderConnection) {
        self.provider = provider
        let key = connection.credentials.value("api_key") ?? ""
        api = connection.apiClient(alias: provider.alias, authenticator: StaticCredentialAuthenticator(headers: ["Authorization": "Bearer \(key)"]),
                                   errorReader: Self.errorReader)
    }

    /// Topsort errors: `{"errCode", "docUrl", "message"}`.
    static let errorReader: @Sendable (APIResponse) -> (code: String?, message: String) = { response in
        guard let body = response.errorJSON, let message = body["message"]?.stringValue else { return (nil, response.bodyExcerpt()) }
        return (body["errCode"]?.stringValue, message)
    }

    // MARK: Fetch

    public func fetch(for manifest: Manifest) async throws(ProviderError) -> LiveAccount {
        let currency = try provider.requiredCurrency()
        do throws(APIError) {
            var campaigns: [LiveCampaign] = []
            try await listCampaigns(currency: currency, newestFirst: false) { page in
                campaigns += page
                return true
            }
            return LiveAccount(alias: provider.alias, kind: .topsort, account: provider.account, currency: currency, campaigns: campaigns)
        } catch {
            throw ProviderError(provider: provider.alias, operation: "fetching the campaigns of vendor \(provider.account)", underlying: error)
        }
    }

    /// Lists the vendor's campaigns page by page, handing each page to `body` until it returns false or
    /// the last page is read.
    private func listCampaigns(currency: Currency, newestFirst: Bool, _ body: ([LiveCampaign]) -> Bool) async throws(APIError) {
        var offset = 0
        while true {
            var query = [URLQueryItem(name: "vendor_id", value: provider.account), URLQueryItem(name: "limit", value: String(Self.pageSize)),
                         URLQueryItem(name: "offset", value: String(offset))]
            if newestFirst { query.append(URLQueryItem(name: "sort_by_date", value: "desc")) }
            let request = APIRequest(.get, Self.listPath, query: query, headers: ["Accept": "application/json"])
            let answer = try await api.send(request).json(call: request.summary)
            let page = try TopsortCampaignReader(currency: currency, call: request.summary).page(answer, offset: offset)
            guard body(page.campaigns), let next = page.nextOffset else { return }
            offset = next
        }
    }

    // MARK: Execute

    public func execute(_ actions: [PlanAction]) async -> [ActionExecution] {
        await actions.executedConcurrently { action in
            await self.api.run(action, request: Self.request) { call, request, response throws(APIError) in
                guard request.method == .post, call.path == Self.collectionPath else { return nil }
                guard let id = try response.json(call: request.summary)["campaignId"]?.stringValue, !id.isEmpty else {
                    throw .malformedResponse(message: "the create answer names no campaignId", call: request.summary)
                }
                return id
            }
        }
    }

    /// The call as a request: `{campaign-id}` filled, the other parameters as the JSON body.
    static func request(_ call: ProviderCall) throws(ActionFailure) -> APIRequest {
        let method = try CallPayload.method(of: call)
        let payload = try CallPayload(call, encode: encode)
        // A PATCH sets fields to the values given, so repeating it is harmless; a POST creates.
        return APIRequest.json(method, payload.path, body: payload.body.requestData, isIdempotent: method != .post)
    }

    /// Topsort's forms: dates as date-times at midnight UTC, segment lists as filter objects.
    static func encode(_ parameter: CallParameter) -> JSONValue? {
        switch (parameter.name, parameter.value) {
        case (_, .date(let date)):
            return .string("\(date)T00:00:00Z")
        case ("targetingFilters", .integers(let ids)), ("exclusionFilters", .integers(let ids)):
            // An empty list turns the filter off: no segment restriction, as a campaign without the filter.
            let entries = ids.map { JSONValue.object([("type", .string(segmentFilterType)), ("segmentId", .integer(Int64($0)))]) }
            return .object([("isActive", .bool(!ids.isEmpty)), (parameter.name, .array(entries))])
        default:
            return nil
        }
    }

    // MARK: Find

    /// A create whose answer was lost: the vendor's campaign with the create's external id (unique in
    /// the marketplace, so the newest-first listing stops at the first match); for a create without
    /// one, the campaign with its exact name and no external id (the create would have set one).
    public func findCreated(_ action: PlanAction) async -> Result<String?, ActionFailure> {
        let parameters = action.calls.first { $0.method == "POST" }?.parameters ?? []
        func text(_ name: String) -> String? {
            if case .text(let value)? = parameters.first(where: { $0.name == name })?.value { return value }
            return nil
        }
        let externalID = text("externalCampaignId")
        let name = text("name") ?? action.address.components.last?.name ?? ""
        var byExternalID: String?
        var byName: [String] = []
        do throws(APIError) {
            let currency: Currency
            do { currency = try provider.requiredCurrency() } catch { throw error.underlying }
            try await listCampaigns(currency: currency, newestFirst: true) { page in
                for campaign in page {
                    if let externalID, campaign.externalID == externalID {
                        byExternalID = campaign.id
                        return false
                    }
                    if externalID == nil, campaign.externalID == nil, campaign.name == name { byName.append(campaign.id) }
                }
                return true
            }
        } catch {
            return .failure(ActionFailure(error, isCreate: false))
        }
        if let byExternalID { return .success(byExternalID) }
        guard byName.count <= 1 else {
            return .failure(ActionFailure(message: "vendor \(provider.account) has \(byName.count) campaigns named \"\(name)\" (ids "
                                          + byName.joined(separator: ", ") + "); keep one and pin it with `id:` or `external_id:`",
                                          call: "GET \(Self.listPath)"))
        }
        return .success(byName.first)
    }
}
