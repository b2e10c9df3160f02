import Foundation

/// Sandbox state as JSON: what a fixture seeds, what `--state FILE` persists and what `exportState()`
/// returns. One format serves all three, so a saved state file is also a valid fixture.
///
///     {
///       "format": "reconcile-sandbox/1",
///       "nextroll": { "advertisables": [...], "segments": [...], "ads": [...], "campaigns": [...], "adgroups": [...] },
///       "criteo":   { "advertisers": [...], "campaigns": [...] },
///       "topsort":  { "marketplaceId": "<uuid>", "vendors": [...], "campaigns": [...] },
///       "jivox":    { "accounts": [...], "retailCampaigns": [...] }
///     }
///
/// Every platform key is optional, and so are most fields of each entry (a fresh entry's defaults fill
/// in). Entries use the platform's own field names: NextRoll snake_case (`ui_budget_daily`,
/// `geo_targets`), Criteo, Topsort and Jivox camelCase. Money is a JSON number read exactly as written.
/// Parents are referenced by id: a campaign's `advertisable`, an adgroup's `campaign`, a Criteo
/// campaign's `advertiserId`, a Topsort campaign's `vendorId`, a retail campaign's `account`.
public struct SandboxFixture: Sendable, Equatable {
    public static let formatName = "reconcile-sandbox/1"

    /// The state document.
    public var json: SandboxJSON
    /// Where it came from (a file path, or "fixture"), named in errors about its content.
    public var source: String

    public static func == (lhs: SandboxFixture, rhs: SandboxFixture) -> Bool { lhs.json == rhs.json }

    /// Checks the document's top level; each platform's part is checked when a sandbox loads it.
    public init(json: SandboxJSON, source: String = "fixture") throws(SandboxError) {
        do throws(FieldProblem) {
            let fields = try JSONFields(json, path: "")
            try fields.rejectUnknownKeys(["format", "nextroll", "criteo", "topsort", "jivox"])
            if let format = try fields.optionalString("format"), format != Self.formatName {
                throw FieldProblem(path: "format", message: "must be \"\(Self.formatName)\", not \"\(format)\"")
            }
        } catch {
            throw .invalidFixture(source: source, problem: error)
        }
        self.json = json
        self.source = source
    }

    /// Parses a fixture from JSON bytes.
    public init(data: Data, source: String = "fixture") throws(SandboxError) {
        let json: SandboxJSON
        do { json = try SandboxJSON.parse(data) } catch {
            throw .unreadableFile(path: source, reason: error.description)
        }
        try self.init(json: json, source: source)
    }

    /// Reads a fixture or state file.
    public static func load(contentsOf url: URL) throws(SandboxError) -> SandboxFixture {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadableFile(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try SandboxFixture(data: data, source: url.path)
    }

    /// A sandbox with no accounts at all.
    public static let empty = SandboxFixture(trusted: .object([("format", .string(formatName))]))

    init(trusted json: SandboxJSON) {
        self.json = json
        source = "fixture"
    }

    /// One platform's part, nil when the fixture leaves it out.
    func part(_ platform: SandboxPlatform) -> SandboxJSON? {
        guard let value = json[platform.rawValue], !value.isNull else { return nil }
        return value
    }
}
