import Foundation

/// What the platforms hold now, per provider alias: the input the planner diffs the manifests against.
///
/// Provider clients fill it from the APIs. It is also a JSON document (the `--live-state FILE` format
/// of `reconcile plan`, a testing aid), version 1:
///
/// ```json
/// {
///   "format_version": 1,
///   "providers": {
///     "nextroll-us": {
///       "type": "nextroll", "account": "ADV0EID000000000000000", "currency": "USD",
///       "campaigns": [{
///         "id": "CAMPEID", "name": "Spring Sale", "status": "active", "platform_status": "approved",
///         "budget": { "amount": "700.00", "period": "weekly" }, "ui_budget_daily": true,
///         "schedule": { "start": "2026-03-01", "end": "2026-04-01" },
///         "bidding": { "cpc": "1.20", "max_cpm": "8.00" }, "retargeting": true,
///         "adgroups": [{
///           "id": "AGEID", "name": "Cart", "status": "active",
///           "segments": { "include": ["SEGEID1"], "exclude": [] },
///           "geo": { "include": [{ "country_id": 19, "eid": "YD2QNVI2GVH4DP4TIO8GEO" }], "exclude": [] },
///           "ads": ["ADEID1"] }] }],
///       "segments": [{ "id": "SEGEID1", "conversion_value": "12.50", "duration": 30 }] },
///     "criteo-eu": { "type": "criteo", "account": "12345", "currency": "EUR", "campaigns": [{
///         "id": "99999", "name": "Retention EU", "goal": "Retention", "lifetime_spent": "0",
///         "budget": { "amount": "123.45", "period": "daily" } }] },
///     "topsort-mkt": { "type": "topsort", "account": "vendor-42", "currency": "USD", "campaigns": [{
///         "id": "3c90c3cc-…", "name": "Bola-Bola", "external_id": "bola-2026", "status": "active",
///         "budget": { "amount": "50.00", "period": "daily" },
///         "bidding": { "type": "autobidding", "objective": "clicks", "target_roas": "4.0", "charge": "CPC" },
///         "targeting": { "include": [123], "exclude": [456] } }] },
///     "jivox-main": { "type": "jivox", "account": "acc-7", "retail_campaigns": [{
///         "idx": 5373, "active": true, "trackers": ["MOAT"], "available_trackers": ["MOAT"],
///         "exports": [{ "format": "png", "resolution": 2, "status": "COMPLETED" }],
///         "tags_file": "out/tags/Spring_tags.csv" }] }
///   }
/// }
/// ```
/// Rules: money amounts are decimal strings (or exact JSON numbers) in the account's `currency`, in
/// currency units (Topsort's minor units are converted by the client); segment conversion values are
/// USD. Budgets are in the platform's stored form: NextRoll's weekly amount with `ui_budget_daily`,
/// Topsort's `total` as `lifetime`, Criteo's `{ "uncapped": true }`. `status` is the mapped serving
/// state (`active` | `paused`), `platform_status` the platform's own word. Enum values are read
/// without regard to case (`Retention`, `CPC`). Dates are `YYYY-MM-DD` (a date-time's date part is
/// used). Absent keys mean "not reported". `lifetime_spent` is spend so far against a lifetime budget.
/// `tags_file` is the tags CSV already in the manifest's `tags` folder, if any.
public struct LiveState: Sendable, Hashable {
    public static let formatVersion = 1

    /// Accounts in alias order.
    public private(set) var accounts: [LiveAccount]

    public init(accounts: [LiveAccount] = []) {
        self.accounts = accounts.sorted { $0.alias < $1.alias }
    }

    public subscript(alias: String) -> LiveAccount? {
        get { accounts.first { $0.alias == alias } }
        set {
            accounts.removeAll { $0.alias == alias }
            if let newValue { accounts.append(newValue) }
            accounts.sort { $0.alias < $1.alias }
        }
    }

    /// Reads a live-state JSON document (exact decimals; errors name the path inside the document).
    public init(json data: Data, file: String) throws(LiveStateError) {
        let value: JSONValue
        do {
            value = try JSONParser().parse(data)
        } catch {
            throw LiveStateError(file: "\(file):\(error.line):\(error.column)", message: error.message)
        }
        do {
            self = try JSONValueDecoder().decode(LiveState.self, from: value)
        } catch {
            throw LiveStateError(file: file, message: JSONValueDecoder.describe(error))
        }
    }

    /// Reads a live-state file.
    public init(contentsOf path: String) throws(LiveStateError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LiveStateError(file: path, message: "cannot read the file", hint: "check the path given to --live-state")
        }
        try self.init(json: data, file: path)
    }

    /// The document as JSON text (stable; pretty-printed unless `indent` is 0).
    public func jsonText(indent: Int = 2) throws -> String {
        try JSONValueEncoder().encode(self).serialized(indent: indent) + "\n"
    }
}

extension LiveState: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LiveCoding.Key.self)
        let version = try container.decodeIfPresent(Int.self, forKey: LiveCoding.Key("format_version")) ?? LiveState.formatVersion
        guard version == LiveState.formatVersion else {
            throw DecodingError.dataCorrupted(.init(codingPath: [LiveCoding.Key("format_version")],
                                                   debugDescription: "format_version \(version) is not supported; this reconcile reads version \(LiveState.formatVersion)"))
        }
        let providers = try container.nestedContainer(keyedBy: LiveCoding.Key.self, forKey: LiveCoding.Key("providers"))
        var accounts: [LiveAccount] = []
        for key in providers.allKeys {
            accounts.append(try LiveAccount(from: try providers.superDecoder(forKey: key), alias: key.stringValue))
        }
        self.init(accounts: accounts)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LiveCoding.Key.self)
        try container.encode(LiveState.formatVersion, forKey: LiveCoding.Key("format_version"))
        var providers = container.nestedContainer(keyedBy: LiveCoding.Key.self, forKey: LiveCoding.Key("providers"))
        for account in accounts { try providers.encode(account, forKey: LiveCoding.Key(account.alias)) }
    }
}

/// A live-state document that could not be read.
public struct LiveStateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var hint: String?

    public init(file: String, message: String, hint: String? = nil) {
        self.file = file
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(file): \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}
