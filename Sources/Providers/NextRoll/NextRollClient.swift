import Foundation
import Planner

/// The NextRoll (AdRoll) CRUD API client for one advertisable (`nextroll-crud-api.txt`).
///
/// Every request carries the `apikey` query parameter and `Authorization: Bearer <token>`.
///
/// A fetch reads the whole advertisable in the fewest calls the API allows: `get_campaigns_fast`
/// answers only active campaigns unless `is_active=false` (which answers only the inactive ones), and
/// `get_adgroups_fast` only ad groups of active campaigns (`camp_active`) that are not drafts
/// (`statuses`), so each side takes its own pair of calls: campaigns, then (only when there are
/// any) their ad groups with every status listed. The ad groups carry their segments, geo targets and
/// ad EIDs, so no ad or per-ad-group call is needed. Segments are read with one `get_segments` call
/// when the manifests declare any for this provider.
///
/// Safe to use from several tasks at once: it holds no mutable state (the `APIClient` enforces the
/// provider's concurrency and rate limits).
public final class NextRollClient: ProviderClient {
    public let provider: ProviderConfig
    private let api: APIClient
    private let redactor: SecretRedactor

    public var requestCounter: RequestCounter { api.counter }

    public init(provider: ProviderConfig, connection: ProviderConnection) {
        self.provider = provider
        redactor = connection.credentials.redactor
        let authenticator = StaticCredentialAuthenticator(
            headers: ["Authorization": "Bearer " + (connection.credentials.value("token") ?? "")],
            queryItems: [URLQueryItem(name: "apikey", value: connection.credentials.value("api_key") ?? "")])
        api = connection.apiClient(alias: provider.alias, authenticator: authenticator, errorReader: NextRollErrorBody.read)
    }

    private var advertisable: String { provider.account }

    // MARK: Fetch

    public func fetch(for manifest: Manifest) async throws(ProviderError) -> LiveAccount {
        var segmentIDs: [String] = []
        for segment in manifest.segments where segment.provider == provider.alias && !segmentIDs.contains(segment.id) {
            segmentIDs.append(segment.id)
        }
        async let active = campaigns(active: true)
        async let inactive = campaigns(active: false)
        async let segments = segments(segmentIDs)
        let (activeCampaigns, inactiveCampaigns, liveSegments) = await (active, inactive, segments)
        return LiveAccount(alias: provider.alias, kind: .nextroll, account: advertisable, currency: provider.currency,
                           campaigns: try activeCampaigns.get() + inactiveCampaigns.get(), segments: try liveSegments.get())
    }

    /// The active (or inactive) campaigns with all their ad groups, drafts included.
    private func campaigns(active: Bool) async -> Result<[LiveCampaign], ProviderError> {
        let flag = active ? "true" : "false"
        do throws(APIError) {
            let currency = provider.currency, alias = provider.alias
            var campaigns = try await results("/api/v1/advertisable/get_campaigns_fast", [("advertisable", advertisable), ("is_active", flag)]) {
                object throws(APIError) in try NextRollLiveMapping.campaign(object, currency: currency, provider: alias)
            }
            guard !campaigns.isEmpty else { return .success([]) }
            var adGroups: [String: [LiveAdGroup]] = [:]
            let query = [("advertisable", advertisable), ("camp_active", flag), ("statuses", NextRollStatus.allAdGroupStatuses.joined(separator: ","))]
            for (campaign, adGroup) in try await results("/api/v1/advertisable/get_adgroups_fast", query, NextRollLiveMapping.adGroup) {
                adGroups[campaign, default: []].append(adGroup)
            }
            for index in campaigns.indices { campaigns[index].adGroups = adGroups[campaigns[index].id] ?? [] }
            return .success(campaigns)
        } catch {
            return .failure(ProviderError(provider: provider.alias, operation: "fetching the \(active ? "active" : "inactive") campaigns of advertisable \(advertisable)",
                                          underlying: redactor.redact(error)))
        }
    }

    /// The segments with these EIDs: from the advertisable's list, and one by one for any the list
    /// (the active pixel's segments) does not hold. A segment that does not exist is left out.
    private func segments(_ ids: [String]) async -> Result<[LiveSegment], ProviderError> {
        guard !ids.isEmpty else { return .success([]) }
        do throws(APIError) {
            let wanted = Set(ids)
            var found: [String: LiveSegment] = [:]
            for segment in try await results("/api/v1/advertisable/get_segments", [("advertisable", advertisable)], NextRollLiveMapping.segment)
                where wanted.contains(segment.id) {
                found[segment.id] = segment
            }
            for id in ids where found[id] == nil {
                if let segment = try await segment(id) { found[id] = segment }
            }
            return .success(ids.compactMap { found[$0] })
        } catch {
            return .failure(ProviderError(provider: provider.alias, operation: "fetching the segments of advertisable \(advertisable)",
                                          underlying: redactor.redact(error)))
        }
    }

    private func segment(_ id: String) async throws(APIError) -> LiveSegment? {
        let request = APIRequest(.get, "/api/v1/segment/get", query: [
            URLQueryItem(name: "segment", value: id), URLQueryItem(name: "include_int_id", value: "false"),
            URLQueryItem(name: "include_lookalike", value: "false"), URLQueryItem(name: "include_migration_data", value: "false"),
        ])
        let response: APIResponse
        do {
            response = try await api.send(request)
        } catch {
            if error.httpStatus == 404 { return nil }
            throw error
        }
        return try NextRollLiveMapping.segment(try Self.answer(response, call: request.summary))
    }

    /// The objects of a list call's `results`, each read by `read` (off the cooperative pool when the
    /// answer is large: see `LargeAnswerParsing`).
    private func results<T: Sendable>(_ path: String, _ query: [(String, String)],
                                      _ read: @escaping @Sendable (NextRollObject) throws(APIError) -> T) async throws(APIError) -> [T] {
        let request = APIRequest(.get, path, query: query.map { URLQueryItem(name: $0.0, value: $0.1) })
        let response = try await api.send(request)
        let call = request.summary
        return try await LargeAnswerParsing.run(size: response.body.count) { () throws(APIError) -> [T] in
            let body = try Self.answer(response, call: call)
            // A list answer without its list must not read as "nothing there": that would plan duplicates.
            guard case .array? = body.value("results") else {
                throw .malformedResponse(message: "the answer has no `results` list", call: call)
            }
            var values: [T] = []
            for object in try body.objects("results") { values.append(try read(object)) }
            return values
        }
    }

    /// The answer's JSON object.
    private static func answer(_ response: APIResponse, call: String) throws(APIError) -> NextRollObject {
        let value: JSONValue
        do {
            value = try JSONParser().parse(response.body)
        } catch {
            throw .malformedResponse(message: "the answer is not JSON (\(error))", call: call)
        }
        return try NextRollObject(value, call: call, what: "the answer")
    }

    // MARK: Execute

    public func execute(_ actions: [PlanAction]) async -> [ActionExecution] {
        if actions.count == 1 { return [await run(actions[0])] }
        return await withTaskGroup(of: (Int, ActionExecution).self) { group in
            for (index, action) in actions.enumerated() {
                group.addTask { (index, await self.run(action)) }
            }
            var executions = [ActionExecution?](repeating: nil, count: actions.count)
            for await (index, execution) in group { executions[index] = execution }
            return executions.compactMap { $0 }
        }
    }

    /// Runs the action's calls in order, stopping at the first failure.
    private func run(_ action: PlanAction) async -> ActionExecution {
        let trace = CallTrace()
        var createdID: String?
        for call in action.calls {
            switch await send(call, trace: trace) {
            case .success(let id):
                if let id { createdID = id }
            case .failure(let failure):
                return ActionExecution(action: action.id, result: .failed(failure), calls: await trace.records)
            }
        }
        return ActionExecution(action: action.id, result: .succeeded(createdID: createdID), calls: await trace.records)
    }

    /// Sends one call; a create gives the new resource's EID.
    private func send(_ call: ProviderCall, trace: CallTrace) async -> Result<String?, ActionFailure> {
        let isCreate = NextRollCallEncoder.isCreate(call)
        var failure: ActionFailure
        do throws(ActionFailure) {
            let request = try NextRollCallEncoder.request(for: call)
            let response: APIResponse
            do {
                response = try await api.send(request, trace: trace)
            } catch {
                throw ActionFailure(error, isCreate: isCreate)
            }
            guard isCreate else { return .success(nil) }
            do throws(APIError) {
                let results = try NextRollObject(try Self.answer(response, call: request.summary).value("results") ?? .null,
                                                 call: request.summary, what: "the new resource")
                return .success(try results.requiredString("eid"))
            } catch {
                // The resource was made, but its EID is unknown: the applier finds it by name.
                var unknown = ActionFailure(error, isCreate: true)
                unknown.httpStatus = response.status
                unknown.outcomeUnknown = true
                throw unknown
            }
        } catch {
            failure = error
        }
        failure.message = redactor.redact(failure.message)
        return .failure(failure)
    }

    // MARK: Find created

    /// Looks for what a create whose answer was lost made, by exact name: a campaign among the
    /// advertisable's campaigns (one call when it is where its create put it, two to be sure it is
    /// nowhere), an ad group among its campaign's ad groups (one call).
    public func findCreated(_ action: PlanAction) async -> Result<String?, ActionFailure> {
        guard action.kind == .create, let call = action.calls.first(where: NextRollCallEncoder.isCreate) else { return .success(nil) }
        let name: String
        if case .text(let text)? = call.parameter("name") {
            name = text
        } else if let last = action.address.components.last?.name {
            name = last
        } else {
            return .success(nil)
        }
        let ids: [String]
        do throws(APIError) {
            switch action.resource {
            case .campaign:
                // campaign/create makes an admin_review (active) campaign unless it is asked for a draft, so
                // look on that side first. "Not there" makes the applier create it again, so it must be
                // certain: the other side is read too before saying so (someone may have changed its status).
                let draft = call.parameter("status") == .choice("draft") || call.parameter("status") == .text("draft")
                var found: [String] = []
                for active in [!draft, draft] where found.isEmpty {
                    found = try Self.eids(named: name, in: try await results("/api/v1/advertisable/get_campaigns_fast",
                                                                             [("advertisable", advertisable), ("is_active", active ? "true" : "false")], Self.whole))
                }
                ids = found
            case .adGroup:
                guard let campaign = (action.parent ?? call.parameter("campaign")?.resourceTarget)?.liveID else {
                    return .failure(ActionFailure(message: "cannot look for the ad group: the ID of its campaign is not known",
                                                  call: "\(call.method) \(call.path)"))
                }
                ids = try Self.eids(named: name, in: try await results("/api/v1/campaign/get_adgroups", [("campaign", campaign)], Self.whole))
            default:
                return .success(nil)
            }
            guard ids.count <= 1 else {
                return .failure(ActionFailure(message: redactor.redact("\(ids.count) live \(action.resource)s are named \"\(name)\": \(ids.joined(separator: ", ")); "
                                                                       + "keep one on NextRoll and archive the others"),
                                              call: "\(call.method) \(call.path)"))
            }
            return .success(ids.first)
        } catch {
            return .failure(ActionFailure(redactor.redact(error), isCreate: false))
        }
    }

    /// Reads a list's objects as they are.
    private static let whole: @Sendable (NextRollObject) throws(APIError) -> NextRollObject = { object throws(APIError) in object }

    private static func eids(named name: String, in objects: [NextRollObject]) throws(APIError) -> [String] {
        var eids: [String] = []
        for object in objects where try object.string("name") == name {
            eids.append(try object.requiredString("eid"))
        }
        return eids
    }
}
