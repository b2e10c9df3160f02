import Foundation
import Planner

/// The Criteo Marketing Solutions client (`criteo-campaigns.txt`): campaigns of one advertiser.
///
/// - Fetch: one `POST /preview/marketing-solutions/campaigns/search` filtered to the advertiser (the
///   search does not page).
/// - Create: `POST /preview/marketing-solutions/campaigns`, never retried blindly.
/// - Updates: the bulk `PATCH /preview/marketing-solutions/campaigns`. The applier hands updates over
///   together (`canBatch`); they go out in as few PATCH calls as possible, one item per campaign, and
///   each item's own success, error or warning is reported on the actions merged into it.
/// - Auth: an OAuth client-credentials token from `POST /oauth2/token`, shared and renewed on expiry
///   or a 401 (`CriteoTokenAuthenticator`).
public final class CriteoClient: ProviderClient {
    static let campaignsPath = "/preview/marketing-solutions/campaigns"
    static let searchPath = campaignsPath + "/search"
    /// Items per bulk PATCH. The reference sets no limit; this keeps one body well below the size
    /// HTTP servers commonly accept (about 200 bytes an item) while staying one call for any usual plan.
    static let maximumItemsPerUpdate = 1_000

    public let provider: ProviderConfig
    public let requestCounter: RequestCounter
    private let api: APIClient

    public init(provider: ProviderConfig, connection: ProviderConnection) {
        self.provider = provider
        let counter = RequestCounter()
        requestCounter = counter
        // The token endpoint has a client of its own: one call at a time, outside the API's slots, so a
        // call waiting for a token never holds a slot the token request needs.
        let tokenClient = APIClient(baseURL: connection.baseURL, providerAlias: provider.alias, authenticator: StaticCredentialAuthenticator(),
                                    limits: ClientLimits(concurrency: 1, requestsPerMinute: nil), retryPolicy: connection.retryPolicy,
                                    redactor: connection.credentials.redactor, sleeper: connection.sleeper, counter: counter,
                                    errorReader: CriteoProblemReport.errorReader)
        let source = ["client_id", "client_secret"].compactMap { provider.credentials[$0]?.environmentVariable }.joined(separator: ", ")
        let authenticator = CriteoTokenAuthenticator(tokenClient: tokenClient, clientID: connection.credentials.value("client_id") ?? "",
                                                     clientSecret: connection.credentials.value("client_secret") ?? "", credentialSource: source)
        api = connection.apiClient(alias: provider.alias, authenticator: authenticator, counter: counter, errorReader: CriteoProblemReport.errorReader)
    }

    // MARK: Fetch

    public func fetch(for manifest: Manifest) async throws(ProviderError) -> LiveAccount {
        let currency = try provider.requiredCurrency()
        do throws(APIError) {
            return LiveAccount(alias: provider.alias, kind: .criteo, account: provider.account, currency: currency,
                               campaigns: try await searchCampaigns(currency: currency))
        } catch {
            throw ProviderError(provider: provider.alias, operation: "fetching the campaigns of advertiser \(provider.account)", underlying: error)
        }
    }

    /// Every campaign of the advertiser: one search.
    private func searchCampaigns(currency: Currency) async throws(APIError) -> [LiveCampaign] {
        let body = JSONValue.object([("filters", .object([("advertiserIds", .array([.string(provider.account)]))]))])
        // A search reads only, so it is safe to repeat.
        let request = APIRequest.json(.post, Self.searchPath, body: body.requestData, isIdempotent: true)
        let answer = try await api.send(request).json(call: request.summary)
        return try CriteoCampaignReader(advertiser: provider.account, currency: currency, call: request.summary).campaigns(inSearchAnswer: answer)
    }

    // MARK: Execute

    /// Updates share the bulk PATCH.
    public func canBatch(_ action: PlanAction) -> Bool {
        Self.isBulkUpdate(action)
    }

    static func isBulkUpdate(_ action: PlanAction) -> Bool {
        !action.calls.isEmpty && action.calls.allSatisfy { $0.method == "PATCH" && $0.path == campaignsPath }
    }

    public func execute(_ actions: [PlanAction]) async -> [ActionExecution] {
        let updateIndices = actions.indices.filter { Self.isBulkUpdate(actions[$0]) }
        let otherIndices = actions.indices.filter { !Self.isBulkUpdate(actions[$0]) }
        async let updated = runUpdates(updateIndices.map { actions[$0] })
        async let single = otherIndices.map { actions[$0] }.executedConcurrently { action in await self.runSingly(action) }
        var results = [ActionExecution?](repeating: nil, count: actions.count)
        for (index, execution) in zip(updateIndices, await updated) { results[index] = execution }
        for (index, execution) in zip(otherIndices, await single) { results[index] = execution }
        return zip(actions, results).map { $1 ?? .missing($0) }
    }

    /// An action whose calls go one by one (creates; anything that is not a bulk update).
    private func runSingly(_ action: PlanAction) async -> ActionExecution {
        await api.run(action, request: makeRequest) { call, request, response throws(APIError) in
            guard request.method == .post, call.path == Self.campaignsPath else { return nil }
            guard let id = try response.json(call: request.summary)["data"]?["id"]?.identifierText else {
                throw .malformedResponse(message: "the create answer names no campaign id", call: request.summary)
            }
            return id
        }
    }

    /// A create (or any single call): the call's parameters as the `data.attributes` of a Campaign.
    private func makeRequest(_ call: ProviderCall) throws(ActionFailure) -> APIRequest {
        let method = try CallPayload.method(of: call)
        let payload = try CallPayload(call, encode: Self.encode)
        let body: JSONValue = call.path == Self.campaignsPath && method == .post
            ? .object([("data", .object([("type", .string("Campaign")), ("attributes", payload.body)]))])
            : payload.body
        // Only the create is not safe to repeat: a lost answer may mean the campaign exists.
        return APIRequest.json(method, payload.path, body: body.requestData, isIdempotent: method != .post)
    }

    /// Criteo's forms: the advertiser id as a number where it is one (as the reference's create example
    /// writes it); everything else as the common JSON form.
    static func encode(_ parameter: CallParameter) -> JSONValue? {
        if parameter.name == "advertiserId", case .text(let id) = parameter.value, id.count <= 18, !id.isEmpty,
           id.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int64(id) {
            return .integer(number)
        }
        return nil
    }

    /// The updates in bulk PATCH calls: one item per campaign, as few calls as allowed.
    private func runUpdates(_ actions: [PlanAction]) async -> [ActionExecution] {
        guard !actions.isEmpty else { return [] }
        let batch = CriteoBulkUpdate(actions)
        var results = [ActionExecution?](repeating: nil, count: actions.count)
        for (position, failure) in batch.refused {
            results[position] = ActionExecution(action: actions[position].id, result: .failed(failure), calls: [])
        }
        let chunks = stride(from: 0, to: batch.items.count, by: Self.maximumItemsPerUpdate).map {
            batch.items[$0..<min($0 + Self.maximumItemsPerUpdate, batch.items.count)]
        }
        await withTaskGroup(of: [(Int, ActionExecution)].self) { group in
            for chunk in chunks {
                group.addTask { await self.sendUpdate(chunk, actions: actions) }
            }
            for await finished in group {
                for (position, execution) in finished { results[position] = execution }
            }
        }
        return zip(actions, results).map { $1 ?? .missing($0) }
    }

    /// One bulk PATCH; the executions of the actions merged into its items, by input position.
    private func sendUpdate(_ items: ArraySlice<CriteoBulkUpdate.Item>, actions: [PlanAction]) async -> [(Int, ActionExecution)] {
        let body = CriteoBulkUpdate.payload(items)
        // Setting attributes to given values twice is the same as once: safe to retry.
        let request = APIRequest.json(.patch, Self.campaignsPath, body: body.requestData, isIdempotent: true)
        let trace = CallTrace()
        let outcomes: [CriteoBulkUpdate.ItemOutcome]
        do throws(APIError) {
            let response = try await api.send(request, trace: trace)
            outcomes = CriteoBulkUpdate.outcomes(of: try response.json(call: request.summary), for: items, status: response.status,
                                                 call: request.summary)
        } catch {
            let records = Self.shared(await trace.records, among: items)
            return items.flatMap { item in
                item.actions.map { ($0, ActionExecution(action: actions[$0].id, result: .failed(ActionFailure(error, isCreate: false)), calls: records)) }
            }
        }
        let records = Self.shared(await trace.records, among: items)
        return zip(items, outcomes).flatMap { item, outcome in
            item.actions.map { position in
                switch outcome {
                case .updated(let warning):
                    var calls = records
                    if let warning, let last = calls.indices.last { calls[last].warning = warning }
                    return (position, ActionExecution(action: actions[position].id, result: .succeeded(createdID: nil), calls: calls))
                case .failed(let failure):
                    return (position, ActionExecution(action: actions[position].id, result: .failed(failure), calls: records))
                }
            }
        }
    }

    /// The records of one bulk request, marked as shared when several actions ride on it, so the
    /// report counts the request once.
    private static func shared(_ records: [CallRecord], among items: some Collection<CriteoBulkUpdate.Item>) -> [CallRecord] {
        guard items.reduce(0, { $0 + $1.actions.count }) > 1 else { return records }
        let batch = UUID().uuidString.lowercased()
        return records.enumerated().map { index, record in
            var record = record
            record.sharedRequest = "\(batch)-\(index)"
            return record
        }
    }

    // MARK: Find

    /// A create whose answer was lost: the advertiser's campaign with the exact name, by one search.
    public func findCreated(_ action: PlanAction) async -> Result<String?, ActionFailure> {
        let name = action.calls.lazy.compactMap { call -> String? in
            if case .text(let name)? = call.parameter("name") { return name }
            return nil
        }.first ?? action.address.components.last?.name ?? ""
        let campaigns: [LiveCampaign]
        do throws(APIError) {
            let currency: Currency
            do { currency = try provider.requiredCurrency() } catch { throw error.underlying }
            campaigns = try await searchCampaigns(currency: currency)
        } catch {
            return .failure(ActionFailure(error, isCreate: false))
        }
        let matches = campaigns.filter { $0.name == name }
        guard matches.count <= 1 else {
            return .failure(ActionFailure(message: "advertiser \(provider.account) has \(matches.count) campaigns named \"\(name)\" (ids "
                                          + matches.map(\.id).joined(separator: ", ") + "); keep one and pin it with `id:`",
                                          call: "POST \(Self.searchPath)"))
        }
        return .success(matches.first?.id)
    }
}
