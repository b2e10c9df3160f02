import Foundation

/// The Criteo Marketing Solutions API (preview campaigns) with its OAuth client-credentials token endpoint.
///
/// Endpoints, below `/criteo` exactly as below `https://api.criteo.com`:
/// - `POST /oauth2/token`: form `grant_type=client_credentials&client_id=…&client_secret=…` (or HTTP
///   Basic) → `{"access_token", "token_type": "Bearer", "expires_in"}`; tokens expire after the
///   configured lifetime (900 s by default) and can be expired early (`expireTokens()`, `revoke(token:)`).
/// - `POST /preview/marketing-solutions/campaigns`: create (`goal` mandatory; without a spend limit the campaign is uncapped).
/// - `POST /preview/marketing-solutions/campaigns/search`: `{"filters": {"advertiserIds", "campaignIds"}}`.
/// - `GET /preview/marketing-solutions/campaigns/{id}`.
/// - `PATCH /preview/marketing-solutions/campaigns`: bulk update with per-item partial success: 200 with
///   the updated items in `data` (`type` and `id` only), failures in `errors` (`instance: "@data/N"`) and
///   next-period notices in `warnings`.
///
/// Every API call needs `Authorization: Bearer <token from /oauth2/token>`; errors use the documented
/// error object (`traceIdentifier`, `type`, `code`, `instance`, `title`, `detail`) in an `errors` array.
public actor CriteoSimulator: PlatformSimulator {
    public nonisolated let platform = SandboxPlatform.criteo

    enum Endpoint: Sendable {
        case token, create, search, update
        case get(id: String)
    }

    private static let campaignsPath = "/preview/marketing-solutions/campaigns"

    private static let router = Router<Endpoint>([
        ("POST", "/oauth2/token", { _ in .token }),
        ("POST", campaignsPath, { _ in .create }),
        ("PATCH", campaignsPath, { _ in .update }),
        ("POST", campaignsPath + "/search", { _ in .search }),
        ("GET", campaignsPath + "/{id}", { .get(id: $0["id"] ?? "") }),
    ])

    private var advertisers: [CriteoAdvertiser] = []
    private var campaigns: [CriteoCampaign] = []
    /// Issued tokens and when each expires.
    private var tokens: [String: Date] = [:]
    private var ids: IdentifierSource
    private let context: SimulatorContext

    init(state: SandboxJSON?, context: SimulatorContext) throws(FieldProblem) {
        self.context = context
        ids = IdentifierSource(seed: context.seed, platform: .criteo)
        guard let state else { return }
        let fields = try JSONFields(state, path: "criteo")
        try fields.rejectUnknownKeys(["advertisers", "campaigns"])
        for object in try fields.objects("advertisers") {
            let advertiser = try CriteoAdvertiser(state: object)
            guard !advertisers.contains(where: { $0.id == advertiser.id }) else {
                throw FieldProblem(path: object.path("id"), message: "advertiser \(advertiser.id) is listed twice")
            }
            advertisers.append(advertiser)
        }
        for object in try fields.objects("campaigns") {
            let campaign = try CriteoCampaign(state: object)
            guard advertisers.contains(where: { $0.id == campaign.advertiserId }) else {
                throw FieldProblem(path: object.path("advertiserId"), message: "advertiser \(campaign.advertiserId) is not in criteo.advertisers")
            }
            guard !campaigns.contains(where: { $0.id == campaign.id }) else {
                throw FieldProblem(path: object.path("id"), message: "campaign \(campaign.id) is listed twice")
            }
            campaigns.append(campaign)
        }
    }

    public func exportState() -> SandboxJSON {
        .object([("advertisers", .array(advertisers.map(\.stateJSON))), ("campaigns", .array(campaigns.map(\.stateJSON)))])
    }

    // MARK: Test and provisioning controls

    /// Adds the advertiser unless it exists; true when it was added.
    @discardableResult
    public func provisionAdvertiser(id: String, name: String? = nil) -> Bool {
        guard !advertisers.contains(where: { $0.id == id }) else { return false }
        advertisers.append(CriteoAdvertiser(id: id, name: name ?? "Advertiser \(id)"))
        return true
    }

    /// Makes every token issued so far expired, so the next call with one gets 401 and the client
    /// must fetch a new token.
    public func expireTokens() {
        for token in tokens.keys { tokens[token] = .distantPast }
    }

    /// Revokes one token (it answers 401 as unknown from now on).
    public func revoke(token: String) {
        tokens[token] = nil
    }

    /// How many tokens the token endpoint has issued and not revoked.
    public var issuedTokenCount: Int { tokens.count }

    /// Sets what a campaign has spent (lifetime and in the current period), to exercise the
    /// lifetime-limit error and the next-period warning.
    public func setSpent(campaignId: String, lifetime: Decimal, currentPeriod: Decimal) {
        guard let index = campaigns.firstIndex(where: { $0.id == campaignId }) else { return }
        campaigns[index].lifetimeSpent = lifetime
        campaigns[index].currentPeriodSpent = currentPeriod
    }

    // MARK: Requests

    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        switch route(request, Self.router) {
        case .answered(let response):
            return response
        case .found(.token):
            return issueToken(request)
        case .found(let endpoint):
            if let rejection = authenticate(request) { return rejection }
            switch endpoint {
            case .token: return issueToken(request)
            case .create: return create(request)
            case .search: return search(request)
            case .update: return update(request)
            case .get(let id): return get(id: id, path: request.path(below: pathPrefix))
            }
        }
    }

    public nonisolated func errorResponse(status: Int, message: String) -> HTTPResponse {
        let (type, code): (String, String)
        switch status {
        case 400, 413, 415: (type, code) = ("validation", "invalid-request")
        case 401: (type, code) = ("authentication", "authentication-failed")
        case 403: (type, code) = ("authorization", "forbidden")
        case 404: (type, code) = ("not-found", "not-found")
        case 429: (type, code) = ("quota", "too-many-requests")
        default: (type, code) = ("unavailable", status >= 500 ? "internal-error" : "error")
        }
        let problem = CriteoProblem(type: type, code: code, instance: "", title: HTTPStatus.reasonPhrase(status), detail: message)
        return Self.errors(status, [problem], trace: "00000000-0000-4000-8000-000000000000")
    }

    private static func errors(_ status: Int, _ problems: [CriteoProblem], trace: String) -> HTTPResponse {
        .json(status, .object([("errors", .array(problems.map { $0.json(traceIdentifier: trace) })), ("warnings", .array([]))]))
    }

    private func failure(_ status: Int, _ problem: CriteoProblem, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        var response = Self.errors(status, [problem], trace: ids.uuid())
        response.headers += headers
        return response
    }

    private func badRequest(_ problem: RequestBody.Problem, instance: String) -> HTTPResponse {
        failure(problem.status, CriteoProblem(type: "validation", code: "invalid-request", instance: instance,
                                              title: HTTPStatus.reasonPhrase(problem.status), detail: problem.message))
    }

    private func authenticate(_ request: HTTPRequest) -> HTTPResponse? {
        let path = request.path(below: pathPrefix)
        let challenge = [(name: "WWW-Authenticate", value: "Bearer error=\"invalid_token\"")]
        guard let token = request.bearerToken else {
            return failure(401, CriteoProblem(type: "authentication", code: "authentication-header-missing", instance: path,
                                              title: "Missing authorization", detail: "Send Authorization: Bearer <token> from /oauth2/token."),
                           headers: [("WWW-Authenticate", "Bearer")])
        }
        guard let expiry = tokens[token] else {
            return failure(401, CriteoProblem(type: "authentication", code: "authentication-token-invalid", instance: path,
                                              title: "Invalid token", detail: "The access token is not valid."), headers: challenge)
        }
        guard expiry > context.clock.now() else {
            return failure(401, CriteoProblem(type: "authentication", code: "authentication-token-expired", instance: path,
                                              title: "Expired token", detail: "The access token has expired; request a new one."), headers: challenge)
        }
        return nil
    }

    /// OAuth 2.0 client credentials (RFC 6749 section 4.4); its errors use the RFC's shape.
    private func issueToken(_ request: HTTPRequest) -> HTTPResponse {
        func oauthError(_ status: Int, _ error: String, _ description: String) -> HTTPResponse {
            .json(status, .object([("error", .string(error)), ("error_description", .string(description))]))
        }
        let form: [(name: String, value: String)]
        switch RequestBody.form(request) {
        case .success(let pairs): form = pairs
        case .failure(let problem): return oauthError(problem.status == 415 ? 400 : problem.status, "invalid_request", problem.message)
        }
        func field(_ name: String) -> String? { form.first { $0.name == name }?.value }
        guard let grant = field("grant_type") else { return oauthError(400, "invalid_request", "grant_type is required") }
        guard grant == "client_credentials" else {
            return oauthError(400, "unsupported_grant_type", "only grant_type=client_credentials is supported")
        }
        var clientID = field("client_id")
        var clientSecret = field("client_secret")
        if let basic = request.header("authorization"), basic.lowercased().hasPrefix("basic "),
           let decoded = Data(base64Encoded: String(basic.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
           let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":") {
            clientID = FormEncoding.percentDecode(text[..<colon], plusIsSpace: false)
            clientSecret = FormEncoding.percentDecode(text[text.index(after: colon)...], plusIsSpace: false)
        }
        guard SandboxCredentials.accepts(clientID, expected: context.credentials.criteoClientID),
              SandboxCredentials.accepts(clientSecret, expected: context.credentials.criteoClientSecret) else {
            return oauthError(401, "invalid_client", "client authentication failed")
        }
        var token = ids.token()
        while tokens[token] != nil { token = ids.token() }
        let lifetime = Int(context.criteoTokenLifetime.rounded())
        tokens[token] = context.clock.now().addingTimeInterval(TimeInterval(lifetime))
        return .json(200, .object([("access_token", .string(token)), ("token_type", .string("Bearer")), ("expires_in", .integer(lifetime))]))
    }

    private func get(id: String, path: String) -> HTTPResponse {
        guard let campaign = campaigns.first(where: { $0.id == id }) else {
            return failure(404, CriteoProblem(type: "not-found", code: "campaign-not-found", instance: path,
                                              title: "Campaign not found", detail: "There is no campaign \(id) in your portfolio."))
        }
        return .json(200, .object([("data", campaign.resource), ("errors", .array([]))]))
    }

    private func search(_ request: HTTPRequest) -> HTTPResponse {
        let body: SandboxJSON
        switch RequestBody.json(request) {
        case .success(let json): body = json
        case .failure(let problem): return badRequest(problem, instance: "@")
        }
        var advertiserFilter: Set<String>?
        var campaignFilter: Set<String>?
        do throws(FieldProblem) {
            let fields = try JSONFields(body, path: "")
            try fields.rejectUnknownKeys(["filters"])
            if let filters = try fields.optionalObject("filters") {
                try filters.rejectUnknownKeys(["advertiserIds", "campaignIds"])
                advertiserFilter = try Self.identifiers(filters, "advertiserIds")
                campaignFilter = try Self.identifiers(filters, "campaignIds")
            }
        } catch {
            return failure(400, CriteoProblem(type: "validation", code: "invalid-request", instance: Self.instance(error.path),
                                              title: "Invalid filters", detail: error.description))
        }
        let matching = campaigns.filter { campaign in
            (advertiserFilter.map { $0.contains(campaign.advertiserId) } ?? true) && (campaignFilter.map { $0.contains(campaign.id) } ?? true)
        }
        return .json(200, .object([("data", .array(matching.map(\.resource))), ("errors", .array([]))]))
    }

    /// An array of ids written as strings or integers; nil when absent.
    private static func identifiers(_ fields: JSONFields, _ key: String) throws(FieldProblem) -> Set<String>? {
        guard let values = try fields.optionalArray(key) else { return nil }
        var result = Set<String>()
        for (index, value) in values.enumerated() {
            if let text = value.stringValue { result.insert(text) } else if let number = value.intValue { result.insert(String(number)) } else {
                throw FieldProblem(path: "\(fields.path(key))[\(index)]", message: "expected an id string, found \(value.typeName)")
            }
        }
        return result
    }

    /// A field path (`data.attributes.goal`) as an error instance (`@data/attributes/goal`).
    private static func instance(_ path: String) -> String {
        "@" + path.replacingOccurrences(of: ".", with: "/").replacingOccurrences(of: "[", with: "/").replacingOccurrences(of: "]", with: "")
    }

    private func create(_ request: HTTPRequest) -> HTTPResponse {
        let body: SandboxJSON
        switch RequestBody.json(request) {
        case .success(let json): body = json
        case .failure(let problem): return badRequest(problem, instance: "@data")
        }
        let campaign: CriteoCampaign
        do throws(FieldProblem) {
            let top = try JSONFields(body, path: "")
            try top.rejectUnknownKeys(["data"])
            guard let data = try top.optionalObject("data") else { throw FieldProblem(path: "data", message: "is required") }
            try data.rejectUnknownKeys(["type", "id", "attributes"])
            guard try data.optionalString("type") == "Campaign" else {
                throw FieldProblem(path: data.path("type"), message: "must be \"Campaign\"")
            }
            guard let attributes = try data.optionalObject("attributes") else { throw FieldProblem(path: data.path("attributes"), message: "is required") }
            try attributes.rejectUnknownKeys(["name", "advertiserId", "goal", "spendLimit"])
            let name = try attributes.string("name")
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw FieldProblem(path: attributes.path("name"), message: "must not be empty") }
            guard let advertiserId = try attributes.optionalIdentifier("advertiserId") else {
                throw FieldProblem(path: attributes.path("advertiserId"), message: "is required")
            }
            guard advertisers.contains(where: { $0.id == advertiserId }) else {
                throw FieldProblem(path: attributes.path("advertiserId"), message: "advertiser \(advertiserId) is not in your portfolio")
            }
            guard let goal = try attributes.optionalString("goal") else {
                throw FieldProblem(path: attributes.path("goal"), message: "is mandatory: Acquisition or Retention")
            }
            guard CriteoCampaign.goals.contains(goal) else {
                throw FieldProblem(path: attributes.path("goal"), message: "must be Acquisition or Retention, not \"\(goal)\"")
            }
            // Only `goal` is mandatory in the reference: a campaign created without a spend limit has none (uncapped).
            let spendLimit = try attributes.optionalObject("spendLimit").map { fields throws(FieldProblem) in try CriteoSpendLimit.read(fields, over: nil) }
                ?? .uncapped
            campaign = CriteoCampaign(id: nextCampaignID(), name: name, advertiserId: advertiserId, goal: goal, spendLimit: spendLimit)
        } catch {
            return failure(400, CriteoProblem(type: "validation", code: "campaign--campaign-create-check--validation-failed",
                                              instance: Self.instance(error.path), title: "Validation failed", detail: error.description))
        }
        campaigns.append(campaign)
        return .json(201, .object([("data", campaign.createdResource), ("warnings", .array([])), ("errors", .array([]))]))
    }

    /// The next numeric campaign id after the largest in use.
    private func nextCampaignID() -> String {
        let largest = campaigns.compactMap { Int($0.id) }.max() ?? 100_000
        return String(max(largest, 100_000) + 1)
    }

    private func update(_ request: HTTPRequest) -> HTTPResponse {
        let body: SandboxJSON
        switch RequestBody.json(request) {
        case .success(let json): body = json
        case .failure(let problem): return badRequest(problem, instance: "@data")
        }
        guard case .object = body, let items = body["data"]?.arrayValue else {
            return failure(400, CriteoProblem(type: "validation", code: "invalid-request", instance: "@data", title: "Invalid payload",
                                              detail: "The payload must be an object whose data is an array of campaign updates."))
        }
        let itemIDs: [String?] = items.map { item in item["id"].flatMap { $0.stringValue ?? $0.intValue.map(String.init) } }
        var idCounts: [String: Int] = [:]
        for id in itemIDs.compactMap({ $0 }) { idCounts[id, default: 0] += 1 }
        let injected = context.faults.criteoItemFailures(for: request, count: items.count)
        var updated: [SandboxJSON] = []
        var errors: [CriteoProblem] = []
        var warnings: [CriteoProblem] = []
        for (index, item) in items.enumerated() {
            switch applyItem(item, index: index, id: itemIDs[index], duplicated: itemIDs[index].map { idCounts[$0, default: 0] > 1 } ?? false,
                             injectedCode: injected[index]) {
            case .success(let (id, warning)):
                updated.append(.object([("type", .string("Campaign")), ("id", .string(id))]))
                if let warning { warnings.append(warning) }
            case .failure(let problem):
                errors.append(problem)
            }
        }
        return .json(200, .object([
            ("data", .array(updated)),
            ("errors", .array(errors.map { $0.json(traceIdentifier: ids.uuid()) })),
            ("warnings", .array(warnings.map { $0.json(traceIdentifier: ids.uuid()) })),
        ]))
    }

    /// Validates and applies one item of a bulk update; on success the campaign id and any warning.
    private func applyItem(_ item: SandboxJSON, index: Int, id: String?, duplicated: Bool,
                           injectedCode: String?) -> Result<(String, CriteoProblem?), CriteoProblem> {
        let fields: JSONFields
        let attributes: JSONFields?
        do throws(FieldProblem) {
            fields = try JSONFields(item, path: "")
            try fields.rejectUnknownKeys(["type", "id", "attributes"])
            guard try fields.optionalString("type") == "Campaign" else { throw FieldProblem(path: "type", message: "must be \"Campaign\"") }
            attributes = try fields.optionalObject("attributes")
            try attributes?.rejectUnknownKeys(["name", "advertiserId", "goal", "spendLimit"])
        } catch {
            return .failure(.invalidItem(index, error.description))
        }
        guard let id else { return .failure(.invalidItem(index, "id is required")) }
        if duplicated { return .failure(.sameCampaignTwice(index, id: id)) }
        guard let position = campaigns.firstIndex(where: { $0.id == id }) else { return .failure(.campaignDoesNotExist(index, id: id)) }
        if let injectedCode { return .failure(.injected(index, code: injectedCode)) }
        var campaign = campaigns[position]
        var warning: CriteoProblem?
        if let attributes {
            do throws(FieldProblem) {
                if let name = try attributes.optionalString("name"), name != campaign.name { return .failure(.readOnly(index, field: "name")) }
                if let advertiser = try attributes.optionalIdentifier("advertiserId"), advertiser != campaign.advertiserId {
                    return .failure(.readOnly(index, field: "advertiserId"))
                }
            } catch {
                return .failure(.invalidItem(index, error.description))
            }
            if let goalValue = attributes.value("goal") {
                guard let goal = goalValue.stringValue, CriteoCampaign.goals.contains(goal) else {
                    return .failure(.goalInvalid(index, "goal must be Acquisition or Retention."))
                }
                campaign.goal = goal
            }
            if attributes.value("spendLimit") != nil {
                let limit: CriteoSpendLimit
                do throws(FieldProblem) {
                    guard let limitFields = try attributes.optionalObject("spendLimit") else { throw FieldProblem(path: "spendLimit", message: "is required") }
                    if campaign.spendLimit.type == .uncapped, try limitFields.optionalString("spendLimitType") != "uncapped" {
                        return .failure(.spendLimitDoesNotExist(index))
                    }
                    limit = try CriteoSpendLimit.read(limitFields, over: campaign.spendLimit)
                } catch {
                    return .failure(.spendLimitInvalid(index, error.description))
                }
                if limit.type == .capped, let amount = limit.amount {
                    if limit.renewal == .lifetime, amount < campaign.lifetimeSpent {
                        return .failure(.belowLifetimeSpent(index, spent: "\(campaign.lifetimeSpent)"))
                    }
                    if limit.renewal != .lifetime, limit != campaign.spendLimit, amount < campaign.currentPeriodSpent {
                        warning = .nextPeriodWarning(index, renewal: limit.renewal.rawValue)
                    }
                }
                campaign.spendLimit = limit
            }
        }
        campaigns[position] = campaign
        return .success((id, warning))
    }
}
