import Foundation

/// The Jivox retail export and tag generation API, below `/jivox` exactly as below the Jivox host:
/// - `POST /v2/accounts/{accountId}/retail-campaigns/{idx}/activate` `{"trackerTypes": [...]}` →
///   `{"message", "executionId"}`; the campaign becomes ACTIVE with those trackers selected.
/// - `GET …/trackers` → `{"trackerTypes": available, "trackersSelected": chosen}`.
/// - `POST …/exportAssets` `{"assetExportType": "png", "resolution": "1"}` → `{"queueId", "status", "message"}`;
///   2x only for png, jpg and gif; only once the campaign is ACTIVE.
/// - `GET …/exportAssetStatus[?isPreviewExport&assetExportType&resolution]` → one entry per format with
///   `resolutionsResponse` per resolution. Each poll moves in-flight exports on (see `JivoxExportLifecycle`):
///   INITIATED -> PROCESSING -> COMPLETED with a URL, or FAILED.
/// - `GET …/download-tags` → the campaign's ad tags as CSV, `Content-Type: application/x-download`,
///   `Content-Disposition: attachment; filename={campaignName}_tags.csv`; only once ACTIVE.
///
/// Authentication: `Authorization: Bearer <API key>` (the reference does not say how; the sandbox's
/// choice). Errors use the shape of the platform's Java services: `{"timestamp", "status", "error",
/// "message", "path"}`.
public actor JivoxSimulator: PlatformSimulator {
    public nonisolated let platform = SandboxPlatform.jivox

    enum Action: String, Sendable {
        case activate, trackers, exportAssets, exportAssetStatus, downloadTags = "download-tags"
    }

    struct Endpoint: Sendable {
        var action: Action
        var account: String
        var idx: String
    }

    private static let router = Router<Endpoint>([
        ("POST", Action.activate), ("GET", Action.trackers), ("POST", Action.exportAssets), ("GET", Action.exportAssetStatus),
        ("GET", Action.downloadTags),
    ].map { method, action in
        (method, "/v2/accounts/{account}/retail-campaigns/{idx}/\(action.rawValue)",
         { @Sendable values in Endpoint(action: action, account: values["account"] ?? "", idx: values["idx"] ?? "") })
    })

    private var accounts: [(id: String, name: String)]
    private var campaigns: [JivoxRetailCampaign]
    private var lastExecutionId: Int
    private var exportLifecycle: JivoxExportLifecycle
    private var ids: IdentifierSource
    private let context: SimulatorContext

    init(state: SandboxJSON?, context: SimulatorContext) throws(FieldProblem) {
        self.context = context
        ids = IdentifierSource(seed: context.seed, platform: .jivox)
        exportLifecycle = context.jivoxExports
        var accounts: [(id: String, name: String)] = []
        var campaigns: [JivoxRetailCampaign] = []
        var lastExecutionId = 70_000
        if let state {
            let fields = try JSONFields(state, path: "jivox")
            try fields.rejectUnknownKeys(["accounts", "retailCampaigns", "lastExecutionId"])
            for object in try fields.objects("accounts") {
                try object.rejectUnknownKeys(["id", "name"])
                let id = try object.string("id")
                guard !accounts.contains(where: { $0.id == id }) else { throw FieldProblem(path: object.path("id"), message: "account \(id) is listed twice") }
                accounts.append((id, try object.optionalString("name") ?? id))
            }
            for object in try fields.objects("retailCampaigns") {
                let campaign = try JivoxRetailCampaign(state: object)
                guard accounts.contains(where: { $0.id == campaign.account }) else {
                    throw FieldProblem(path: object.path("account"), message: "account \(campaign.account) is not in jivox.accounts")
                }
                guard !campaigns.contains(where: { $0.account == campaign.account && $0.idx == campaign.idx }) else {
                    throw FieldProblem(path: object.path("idx"), message: "retail campaign \(campaign.idx) is listed twice")
                }
                campaigns.append(campaign)
            }
            lastExecutionId = try fields.optionalInt("lastExecutionId") ?? lastExecutionId
        }
        self.accounts = accounts
        self.campaigns = campaigns
        self.lastExecutionId = lastExecutionId
    }

    public func exportState() -> SandboxJSON {
        .object([("accounts", .array(accounts.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
                 ("retailCampaigns", .array(campaigns.map(\.stateJSON))), ("lastExecutionId", .integer(lastExecutionId))])
    }

    // MARK: Provisioning and test controls

    /// Adds the account unless it exists; true when it was added.
    @discardableResult
    public func provisionAccount(id: String, name: String? = nil) -> Bool {
        guard !accounts.contains(where: { $0.id == id }) else { return false }
        accounts.append((id, name ?? id))
        return true
    }

    /// Adds a retail campaign (not yet activated) unless it exists; true when it was added.
    /// The account must exist.
    @discardableResult
    public func provisionRetailCampaign(account: String, idx: Int, name: String? = nil, availableTrackers: [String]? = nil) -> Bool {
        guard accounts.contains(where: { $0.id == account }),
              !campaigns.contains(where: { $0.account == account && $0.idx == idx }) else { return false }
        campaigns.append(JivoxRetailCampaign(account: account, idx: idx, name: name, availableTrackers: availableTrackers))
        return true
    }

    /// Whether an account exists.
    public func hasAccount(_ id: String) -> Bool { accounts.contains { $0.id == id } }

    /// Changes how exports progress from now on (exports already failing keep failing).
    public func setExportLifecycle(_ lifecycle: JivoxExportLifecycle) {
        exportLifecycle = lifecycle
    }

    /// The status of a retail campaign (DRAFT or ACTIVE), nil when it does not exist.
    public func campaignStatus(account: String, idx: Int) -> String? {
        campaigns.first { $0.account == account && $0.idx == idx }?.status
    }

    // MARK: Requests

    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let path = request.path(below: pathPrefix)
        let now = context.clock.now()
        switch route(request, Self.router, error: { Self.springError($0, $1, path: path, now: now) }) {
        case .answered(let response):
            return response
        case .found(let endpoint):
            guard SandboxCredentials.accepts(request.bearerToken, expected: context.credentials.jivoxAPIKey) else {
                return error(401, "Full authentication is required to access this resource", path: path)
            }
            guard accounts.contains(where: { $0.id == endpoint.account }) else {
                return error(404, "Account \(endpoint.account) not found", path: path)
            }
            guard let idx = Int(endpoint.idx) else {
                return error(400, "retailCampaignIdx must be an integer, not \"\(endpoint.idx)\"", path: path)
            }
            guard let index = campaigns.firstIndex(where: { $0.account == endpoint.account && $0.idx == idx }) else {
                return error(404, "Retail campaign \(idx) not found in account \(endpoint.account)", path: path)
            }
            switch endpoint.action {
            case .activate: return activate(request, index, path: path)
            case .trackers:
                if let problem = rejectQuery(request, allowing: [], path: path) { return problem }
                return .json(200, .object([("trackerTypes", .strings(campaigns[index].availableTrackers)),
                                           ("trackersSelected", .strings(campaigns[index].selectedTrackers))]))
            case .exportAssets: return exportAssets(request, index, path: path)
            case .exportAssetStatus: return exportStatus(request, index, path: path)
            case .downloadTags: return downloadTags(request, index, path: path)
            }
        }
    }

    /// A status request polls the exports it reports, which moves them along their lifecycle.
    public nonisolated func changesState(_ request: HTTPRequest) -> Bool {
        request.method != "GET" || request.path.hasSuffix("/exportAssetStatus")
    }

    public nonisolated func errorResponse(status: Int, message: String) -> HTTPResponse {
        Self.springError(status, message, path: nil, now: context.clock.now())
    }

    private static func springError(_ status: Int, _ message: String, path: String?, now: Date) -> HTTPResponse {
        var members: [(key: String, value: SandboxJSON)] = [
            ("timestamp", .string(Timestamp.iso8601(now))), ("status", .integer(status)),
            ("error", .string(HTTPStatus.reasonPhrase(status))), ("message", .string(message)),
        ]
        if let path { members.append(("path", .string("/v2" + path.dropFirst(3)))) }
        return .json(status, .object(members))
    }

    private func error(_ status: Int, _ message: String, path: String) -> HTTPResponse {
        Self.springError(status, message, path: path, now: context.clock.now())
    }

    private func rejectQuery(_ request: HTTPRequest, allowing names: Set<String>, path: String) -> HTTPResponse? {
        guard let unknown = request.query.first(where: { !names.contains($0.name) }) else { return nil }
        return error(400, "Unknown query parameter \(unknown.name)", path: path)
    }

    /// An error answer produced while reading a request.
    private struct Rejection: Error {
        var response: HTTPResponse
    }

    private func readBody(_ request: HTTPRequest, path: String) throws(Rejection) -> JSONFields {
        switch RequestBody.json(request) {
        case .failure(let problem): throw Rejection(response: error(problem.status, problem.message, path: path))
        case .success(let json):
            do { return try JSONFields(json, path: "") } catch {
                throw Rejection(response: self.error(400, "The request body must be a JSON object", path: path))
            }
        }
    }

    private func activate(_ request: HTTPRequest, _ index: Int, path: String) -> HTTPResponse {
        let fields: JSONFields
        do { fields = try readBody(request, path: path) } catch { return error.response }
        let trackers: [String]
        do throws(FieldProblem) {
            try fields.rejectUnknownKeys(["trackerTypes"])
            guard let given = try fields.optionalStrings("trackerTypes") else { throw FieldProblem(path: "trackerTypes", message: "is required (an empty array selects no tracker)") }
            trackers = given
        } catch {
            return self.error(400, error.description, path: path)
        }
        let available = campaigns[index].availableTrackers
        if let unknown = trackers.first(where: { !available.contains($0) }) {
            return error(400, "Tracker type \(unknown) is not available for this campaign (available: \(available.joined(separator: ", ")))", path: path)
        }
        var unique: [String] = []
        for tracker in trackers where !unique.contains(tracker) { unique.append(tracker) }
        campaigns[index].selectedTrackers = unique
        campaigns[index].status = JivoxRetailCampaign.activeStatus
        lastExecutionId += 1
        return .json(200, .object([("message", .string("Tags are getting generated and email will be sent shortly.")),
                                   ("executionId", .integer(lastExecutionId))]))
    }

    private func notActive(_ index: Int, path: String) -> HTTPResponse {
        error(400, "Retail campaign \(campaigns[index].idx) is not active; activate it before exporting", path: path)
    }

    private func exportAssets(_ request: HTTPRequest, _ index: Int, path: String) -> HTTPResponse {
        let fields: JSONFields
        do { fields = try readBody(request, path: path) } catch { return error.response }
        let format: String
        let resolution: Int
        do throws(FieldProblem) {
            try fields.rejectUnknownKeys(["assetExportType", "resolution"])
            format = try fields.string("assetExportType")
            guard let resolutionValue = fields.value("resolution") else { throw FieldProblem(path: "resolution", message: "is required") }
            guard let text = resolutionValue.stringValue, let number = Int(text), number == 1 || number == 2 else {
                throw FieldProblem(path: "resolution", message: "must be the string \"1\" or \"2\"")
            }
            resolution = number
        } catch {
            return self.error(400, error.description, path: path)
        }
        guard JivoxExport.formats.contains(format) else {
            return error(400, "assetExportType must be one of png, jpg, gif, tiff, mp4, not \"\(format)\"", path: path)
        }
        guard resolution == 1 || JivoxExport.doubleResolutionFormats.contains(format) else {
            return error(400, "Resolution 2x is only supported for png, jpg and gif, not \(format)", path: path)
        }
        guard campaigns[index].isActive else { return notActive(index, path: path) }
        if let existing = campaigns[index].exports.first(where: { $0.format == format && $0.resolution == resolution }), existing.status.isInFlight {
            return .json(200, .object([("queueId", .string(existing.queueId)), ("status", .string(existing.status.rawValue)),
                                       ("message", .string("Export already in progress"))]))
        }
        let fails = exportLifecycle.fails(format: format, resolution: resolution) || context.faults.jivoxExportFails(for: request)
        let export = JivoxExport(format: format, resolution: resolution, queueId: ids.uuid(), fails: fails)
        campaigns[index].exports.removeAll { $0.format == format && $0.resolution == resolution }
        campaigns[index].exports.append(export)
        return .json(200, .object([("queueId", .string(export.queueId)), ("status", .string(export.status.rawValue)),
                                   ("message", .string(export.status.message))]))
    }

    private func exportStatus(_ request: HTTPRequest, _ index: Int, path: String) -> HTTPResponse {
        if let problem = rejectQuery(request, allowing: ["isPreviewExport", "assetExportType", "resolution"], path: path) { return problem }
        var preview = false
        if let text = request.queryValue("isPreviewExport") {
            guard let flag = Bool(text.lowercased()) else { return error(400, "isPreviewExport must be true or false", path: path) }
            preview = flag
        }
        let formatFilter = request.queryValue("assetExportType")
        if let formatFilter, !JivoxExport.formats.contains(formatFilter) {
            return error(400, "assetExportType must be one of png, jpg, gif, tiff, mp4", path: path)
        }
        var resolutionFilter: Int?
        if let text = request.queryValue("resolution") {
            guard let number = Int(text), number == 1 || number == 2 else { return error(400, "resolution must be 1 or 2", path: path) }
            resolutionFilter = number
        }
        guard campaigns[index].isActive else { return notActive(index, path: path) }
        // Preview exports are never started through this API, so they all read NOT_INITIATED.
        let exports = preview ? [] : campaigns[index].exports
        let formats = formatFilter.map { [$0] } ?? JivoxExport.formats.filter { format in exports.contains { $0.format == format } }
        var entries: [SandboxJSON] = []
        for format in formats {
            let resolutions = resolutionFilter.map { [$0] } ?? (JivoxExport.doubleResolutionFormats.contains(format) ? [1, 2] : [1])
            var responses: [SandboxJSON] = []
            for resolution in resolutions {
                var status = JivoxExport.Status.notInitiated
                if !preview, let position = campaigns[index].exports.firstIndex(where: { $0.format == format && $0.resolution == resolution }) {
                    campaigns[index].exports[position].poll(pollsPerStep: exportLifecycle.pollsPerStep)
                    status = campaigns[index].exports[position].status
                }
                let url = status == .completed ? exportURL(campaigns[index], format: format, resolution: resolution) : ""
                responses.append(.object([("status", .string(status.rawValue)), ("url", .string(url)), ("resolution", .integer(resolution)),
                                          ("statusMessage", .string(status.message))]))
            }
            entries.append(.object([("assetExportType", .string(format)), ("resolutionsResponse", .array(responses))]))
        }
        return .json(200, .array(entries))
    }

    /// A download address under the reserved `.invalid` domain: it names the file like the platform
    /// does but can never send a client to a real host.
    private func exportURL(_ campaign: JivoxRetailCampaign, format: String, resolution: Int) -> String {
        "https://exports.jivox.sandbox.invalid/\(campaign.account)/campaign_\(campaign.idx)_\(format)_\(resolution)x.zip"
    }

    private func downloadTags(_ request: HTTPRequest, _ index: Int, path: String) -> HTTPResponse {
        if let problem = rejectQuery(request, allowing: [], path: path) { return problem }
        let campaign = campaigns[index]
        guard campaign.isActive else { return notActive(index, path: path) }
        var csv = "Ad Unit ID,Ad Unit Name,Size,Trackers,Tag\r\n"
        for unit in campaign.adUnits {
            let tag = "<script src=\"https://tags.jivox.sandbox.invalid/v2/\(campaign.account)/\(campaign.idx)/\(unit.id).js\"></script>"
            csv += [unit.id, unit.name, "\(unit.width)x\(unit.height)", campaign.selectedTrackers.joined(separator: "|"), tag]
                .map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return HTTPResponse(status: 200, headers: [("Content-Type", "application/x-download"),
                                                   ("Content-Disposition", "attachment; filename=\(campaign.name)_tags.csv")],
                            body: Data(csv.utf8))
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
    private static func csvField(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
