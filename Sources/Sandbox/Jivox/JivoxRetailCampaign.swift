/// A Jivox retail campaign: made in Jivox itself (the sandbox provisions it), activated for tag
/// generation through the API, then exported and its tags downloaded.
struct JivoxRetailCampaign: Sendable, Equatable {
    static let activeStatus = "ACTIVE"
    static let draftStatus = "DRAFT"

    var account: String
    var idx: Int
    var name: String
    /// DRAFT until activated, then ACTIVE.
    var status: String
    /// The tracker types the campaign can use (`trackerTypes` of the trackers endpoint).
    var availableTrackers: [String]
    /// The tracker types chosen at activation (`trackersSelected`).
    var selectedTrackers: [String]
    var adUnits: [JivoxAdUnit]
    var exports: [JivoxExport]

    var isActive: Bool { status == Self.activeStatus }

    var stateJSON: SandboxJSON {
        .object([
            ("account", .string(account)), ("idx", .integer(idx)), ("name", .string(name)), ("status", .string(status)),
            ("availableTrackers", .strings(availableTrackers)), ("selectedTrackers", .strings(selectedTrackers)),
            ("adUnits", .array(adUnits.map(\.stateJSON))), ("exports", .array(exports.map(\.stateJSON))),
        ])
    }

    init(account: String, idx: Int, name: String?, availableTrackers: [String]?) {
        self.account = account
        self.idx = idx
        self.name = name ?? "Retail Campaign \(idx)"
        status = Self.draftStatus
        self.availableTrackers = availableTrackers ?? ["MOAT"]
        selectedTrackers = []
        adUnits = JivoxAdUnit.defaults(idx: idx)
        exports = []
    }

    init(state fields: JSONFields) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["account", "idx", "name", "status", "availableTrackers", "selectedTrackers", "adUnits", "exports"])
        self.init(account: try fields.string("account"), idx: try fields.int("idx"), name: try fields.optionalString("name"),
                  availableTrackers: try fields.optionalStrings("availableTrackers"))
        status = try fields.optionalString("status") ?? Self.draftStatus
        guard status == Self.draftStatus || status == Self.activeStatus else {
            throw FieldProblem(path: fields.path("status"), message: "must be DRAFT or ACTIVE")
        }
        selectedTrackers = try fields.optionalStrings("selectedTrackers") ?? []
        if let unknown = selectedTrackers.first(where: { !availableTrackers.contains($0) }) {
            throw FieldProblem(path: fields.path("selectedTrackers"), message: "\(unknown) is not in availableTrackers")
        }
        if fields.value("adUnits") != nil {
            adUnits = []
            for unit in try fields.objects("adUnits") { adUnits.append(try JivoxAdUnit(state: unit)) }
        }
        for export in try fields.objects("exports") { exports.append(try JivoxExport(state: export)) }
        if !exports.isEmpty, !isActive {
            throw FieldProblem(path: fields.path("exports"), message: "only an ACTIVE retail campaign can have exports")
        }
    }
}
