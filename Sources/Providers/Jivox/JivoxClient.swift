import Foundation
import Planner

/// The Jivox retail export and tag generation API (`jivox-retail-export-tag-generation.txt`):
/// activation with trackers, asynchronous asset exports, and the tags CSV.
///
/// Retail campaigns are made in Jivox itself and the API cannot list them, so `fetch` reads the ones
/// the manifests name, two calls each, all at once (within the client's limits):
/// - `GET …/trackers` gives `availableTrackers` (`trackerTypes`) and `trackers` (`trackersSelected`).
///   A 404 means the campaign (or the account) does not exist: it is left out of the live account,
///   and the plan shows it as blocked.
/// - `GET …/exportAssetStatus` without filters gives every export made, all formats and resolutions.
///   "Export APIs are available once a retail campaign has been successfully activated (status:
///   ACTIVE)", and the trackers answer cannot tell (a campaign may be active without trackers), so
///   the status answer decides: 200 means active; a refusal of this filterless request (400, 409,
///   412 or 422) can only mean the export APIs are not available yet, so the campaign is not active
///   and has no exports. Any other failure (401, 403, 5xx after retries) fails the fetch.
/// The campaign's name is not in either answer (only the tags file carries it), so `name` stays nil;
/// `tagsFile` is the local disk's business (`LiveState.addingLocalTags(for:)`).
///
/// Actions run their planned calls in order: activate (`trackerTypes`), start an export then poll its
/// status until COMPLETED, AVAILABLE or ARCHIVED (success) or FAILED / FAILED_TO_INITIATE (failure),
/// within `exportPolling`'s timeout, and download the tags CSV into the manifest's folder.
/// None of them makes a resource, so `findCreated` checks whether an activation or export took effect.
public struct JivoxClient: ProviderClient {
    public let provider: ProviderConfig
    public let exportPolling: JivoxExportPolling
    private let api: APIClient

    /// Statuses with which Jivox refuses the export status of a campaign that is not active yet.
    static let notActiveStatuses: Set<Int> = [400, 409, 412, 422]

    public init(provider: ProviderConfig, connection: ProviderConnection) {
        self.init(provider: provider, connection: connection, exportPolling: JivoxExportPolling())
    }

    public init(provider: ProviderConfig, connection: ProviderConnection, exportPolling: JivoxExportPolling) {
        self.provider = provider
        self.exportPolling = exportPolling
        let key = connection.credentials.value("api_key") ?? ""
        api = connection.apiClient(alias: provider.alias,
                                   authenticator: StaticCredentialAuthenticator(headers: ["Authorization": "Bearer \(key)"]),
                                   errorReader: JivoxErrorBody.reader)
    }

    public var requestCounter: RequestCounter { api.counter }

    // MARK: Fetch

    public func fetch(for manifest: Manifest) async throws(ProviderError) -> LiveAccount {
        var indexes: [Int] = []
        for retail in manifest.retailCampaigns where retail.provider == provider.alias && !indexes.contains(retail.idx) {
            indexes.append(retail.idx)
        }
        let account = provider.account
        let results = await withTaskGroup(of: (Int, Result<LiveRetailCampaign?, ProviderError>).self) { group in
            for (position, idx) in indexes.enumerated() {
                group.addTask { (position, await self.retailCampaignResult(JivoxCampaignReference(account: account, idx: idx))) }
            }
            var results = [Result<LiveRetailCampaign?, ProviderError>?](repeating: nil, count: indexes.count)
            for await (position, result) in group { results[position] = result }
            return results
        }
        var campaigns: [LiveRetailCampaign] = []
        for result in results {
            switch result {
            case .success(let campaign?)?: campaigns.append(campaign)
            case .failure(let error)?: throw error
            case .success(nil)?, nil: continue
            }
        }
        return LiveAccount(alias: provider.alias, kind: .jivox, account: account, currency: provider.currency, retailCampaigns: campaigns)
    }

    private func retailCampaignResult(_ campaign: JivoxCampaignReference) async -> Result<LiveRetailCampaign?, ProviderError> {
        do {
            return .success(try await retailCampaign(campaign))
        } catch {
            return .failure(error)
        }
    }

    /// One retail campaign's activation, trackers and exports; nil when Jivox does not have it.
    func retailCampaign(_ campaign: JivoxCampaignReference) async throws(ProviderError) -> LiveRetailCampaign? {
        async let trackersAnswer = outcome(campaign.trackersRequest)
        async let statusAnswer = outcome(campaign.exportStatusRequest())
        let (trackersResult, statusResult) = await (trackersAnswer, statusAnswer)

        let trackers: JivoxTrackers
        switch trackersResult {
        case .failure(let error) where error.httpStatus == 404:
            return nil
        case .failure(let error):
            throw ProviderError(provider: provider.alias, operation: "reading the trackers of \(campaign)", underlying: error)
        case .success(let response):
            trackers = try decode(JivoxTrackers.self, response, request: campaign.trackersRequest, reading: "the trackers of \(campaign)")
        }
        var live = LiveRetailCampaign(idx: campaign.idx, trackers: Set(trackers.trackersSelected ?? []),
                                      availableTrackers: trackers.trackerTypes.map(Set.init))
        switch statusResult {
        case .failure(let error) where error.httpStatus.map(Self.notActiveStatuses.contains) == true:
            live.active = false
        case .failure(let error) where error.httpStatus == 404:
            return nil
        case .failure(let error):
            throw ProviderError(provider: provider.alias, operation: "reading the export status of \(campaign)", underlying: error)
        case .success(let response):
            let request = campaign.exportStatusRequest()
            let list = try decode(JivoxExportStatusList.self, response, request: request, reading: "the export status of \(campaign)")
            do {
                live.exports = try list.liveExports()
            } catch {
                throw ProviderError(provider: provider.alias, operation: "reading the export status of \(campaign)",
                                    underlying: .malformedResponse(message: error.message, call: request.summary))
            }
            live.active = true
        }
        return live
    }

    private func outcome(_ request: APIRequest, trace: CallTrace? = nil) async -> Result<APIResponse, APIError> {
        do {
            return .success(try await api.send(request, trace: trace))
        } catch {
            return .failure(error)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ response: APIResponse, request: APIRequest,
                                      reading what: String) throws(ProviderError) -> T {
        do {
            return try JSONValueDecoder().decode(type, from: response.body)
        } catch {
            throw ProviderError(provider: provider.alias, operation: "reading \(what)",
                                underlying: .malformedResponse(message: JSONValueDecoder.describe(error), call: request.summary))
        }
    }

    // MARK: Execute

    public func execute(_ actions: [PlanAction]) async -> [ActionExecution] {
        var executions: [ActionExecution] = []
        for action in actions {
            let trace = CallTrace()
            let result = await run(action, trace: trace)
            executions.append(ActionExecution(action: action.id, result: result, calls: await trace.records))
        }
        return executions
    }

    private func run(_ action: PlanAction, trace: CallTrace) async -> ActionExecution.Result {
        var exportFinished = false
        for plannedCall in action.calls {
            let call: JivoxCall
            do {
                call = try JivoxCall(plannedCall)
            } catch {
                return .failed(error)
            }
            do {
                switch call {
                case .activate:
                    _ = try await send(call.request, trace: trace)
                case .exportAssets(let campaign, let asset):
                    exportFinished = try await startExport(call.request, campaign: campaign, asset: asset, trace: trace)
                case .pollExport(let campaign, let asset):
                    guard !exportFinished else { continue }
                    try await waitForExport(campaign, asset, trace: trace)
                case .downloadTags(let campaign, let folder):
                    try await downloadTags(call.request, campaign: campaign, folder: folder, trace: trace)
                }
            } catch {
                return .failed(error)
            }
        }
        return .succeeded(createdID: nil)
    }

    private func send(_ request: APIRequest, trace: CallTrace?) async throws(ActionFailure) -> APIResponse {
        do {
            return try await api.send(request, trace: trace)
        } catch {
            // Jivox calls make no resource, so a lost answer never leaves an unknown create behind.
            throw ActionFailure(error, isCreate: false)
        }
    }

    private func decodeAnswer<T: Decodable>(_ type: T.Type, _ response: APIResponse, request: APIRequest) throws(ActionFailure) -> T {
        do {
            return try JSONValueDecoder().decode(type, from: response.body)
        } catch {
            throw ActionFailure(.malformedResponse(message: JSONValueDecoder.describe(error), call: request.summary), isCreate: false)
        }
    }

    /// The exports an `exportAssetStatus` answer reports.
    private func exportEntries(_ response: APIResponse, request: APIRequest) throws(ActionFailure) -> [JivoxExportStatusList.Entry] {
        let list = try decodeAnswer(JivoxExportStatusList.self, response, request: request)
        do {
            return try list.entries()
        } catch {
            throw ActionFailure(message: "unexpected answer: \(error.message)", httpStatus: response.status, call: request.summary)
        }
    }

    /// Starts an export; true when the answer already says it is done (a synchronous export).
    private func startExport(_ request: APIRequest, campaign: JivoxCampaignReference, asset: AssetExport,
                             trace: CallTrace) async throws(ActionFailure) -> Bool {
        let response = try await send(request, trace: trace)
        let job = try decodeAnswer(JivoxExportJob.self, response, request: request)
        do {
            return try job.isFinished(asset, of: campaign)
        } catch {
            var failure = error
            failure.httpStatus = response.status
            failure.call = request.summary
            throw failure
        }
    }

    /// Polls the export's status until it ends or `exportPolling.timeout` passes.
    private func waitForExport(_ campaign: JivoxCampaignReference, _ asset: AssetExport, trace: CallTrace) async throws(ActionFailure) {
        let request = campaign.exportStatusRequest(for: asset)
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int64(exportPolling.timeout * 1000))
        var polls = 0
        var last = "not reported"
        while true {
            let response = try await send(request, trace: trace)
            polls += 1
            let entries = try exportEntries(response, request: request)
            if let entry = entries.first(where: { $0.asset == asset }) {
                last = entry.status.rawValue
                switch entry.status {
                case .completed, .available, .archived:
                    return
                case .failed, .failedToInitiate:
                    throw ActionFailure(code: entry.status.rawValue,
                                        message: "the \(asset) export of \(campaign) ended \(entry.status.rawValue)"
                                            + (entry.statusMessage.map { ": \($0)" } ?? "")
                                            + "; the next apply starts it again",
                                        call: request.summary)
                case .initiated, .processing, .notInitiated:
                    break
                }
            }
            let wait = Duration.milliseconds(Int64(exportPolling.interval * 1000))
            guard clock.now + wait <= deadline else {
                throw ActionFailure(code: "TIMEOUT",
                                    message: "the \(asset) export of \(campaign) was still \(last) after \(polls) status request\(polls == 1 ? "" : "s") "
                                        + "in \(Self.seconds(exportPolling.timeout)); it may still finish: the next plan shows its status",
                                    call: request.summary)
            }
            do {
                try await exportPolling.sleeper.sleep(seconds: exportPolling.interval)
            } catch {
                throw ActionFailure(message: "interrupted while waiting for the \(asset) export of \(campaign) (last status \(last))",
                                    call: request.summary)
            }
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// Downloads the tags CSV and saves it in `folder` under the name Jivox gives it.
    private func downloadTags(_ request: APIRequest, campaign: JivoxCampaignReference, folder: String,
                              trace: CallTrace) async throws(ActionFailure) {
        let response = try await send(request, trace: trace)
        let file = JivoxTagsFile(contentDisposition: response.header("content-disposition"), idx: campaign.idx)
        do {
            _ = try file.write(response.body, into: folder)
        } catch {
            throw ActionFailure(message: "downloaded the tags of \(campaign) but cannot save \(file.name) in \(folder): "
                                    + "\(error.localizedDescription) (check that the folder can be written)",
                                httpStatus: response.status, call: request.summary)
        }
    }

    // MARK: Lost answers

    /// Activations and exports make no resource; after an answer was lost this checks whether the call
    /// took effect: the campaign is active with the trackers asked for, or the export exists and has not
    /// failed. Returns the retail campaign's index when it did, nil when it did not.
    public func findCreated(_ action: PlanAction) async -> Result<String?, ActionFailure> {
        let calls: [JivoxCall]
        do {
            calls = try action.calls.map { (call: ProviderCall) throws(ActionFailure) -> JivoxCall in try JivoxCall(call) }
        } catch {
            return .failure(error)
        }
        for call in calls {
            switch call {
            case .activate(let campaign, let trackers):
                let live: LiveRetailCampaign?
                do {
                    live = try await retailCampaign(campaign)
                } catch {
                    return .failure(ActionFailure(error.underlying, isCreate: false))
                }
                guard let live, live.active,
                      ValueNormalization.trackers(live.trackers) == ValueNormalization.trackers(Set(trackers)) else { return .success(nil) }
                return .success(String(campaign.idx))
            case .exportAssets(let campaign, let asset):
                let request = campaign.exportStatusRequest(for: asset)
                let response: APIResponse
                do {
                    response = try await send(request, trace: nil)
                } catch {
                    return .failure(error)
                }
                let entries: [JivoxExportStatusList.Entry]
                do {
                    entries = try exportEntries(response, request: request)
                } catch {
                    return .failure(error)
                }
                let made = entries.first { $0.asset == asset }.map { $0.status.isSatisfied } ?? false
                return .success(made ? String(campaign.idx) : nil)
            case .pollExport, .downloadTags:
                continue
            }
        }
        return .success(nil)
    }
}
