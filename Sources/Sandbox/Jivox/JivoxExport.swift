/// One asset export of a retail campaign (a format at a resolution) and where it is in its lifecycle.
struct JivoxExport: Sendable, Equatable {
    static let formats = ["png", "jpg", "gif", "tiff", "mp4"]
    /// 2x is only rendered for still web images.
    static let doubleResolutionFormats: Set<String> = ["png", "jpg", "gif"]

    enum Status: String, Sendable, CaseIterable {
        case initiated = "INITIATED", processing = "PROCESSING", completed = "COMPLETED", failed = "FAILED"
        case notInitiated = "NOT_INITIATED"

        var message: String {
            switch self {
            case .initiated: return "Export initiated"
            case .processing: return "Export in progress"
            case .completed: return "Export completed successfully"
            case .failed: return "Export failed"
            case .notInitiated: return "Export not yet started"
            }
        }

        var isInFlight: Bool { self == .initiated || self == .processing }
    }

    var format: String
    var resolution: Int
    var status: Status
    var queueId: String
    /// Polls counted toward the next step.
    var polls: Int
    /// Whether the export ends FAILED.
    var fails: Bool

    var stateJSON: SandboxJSON {
        .object([("assetExportType", .string(format)), ("resolution", .integer(resolution)), ("status", .string(status.rawValue)),
                 ("queueId", .string(queueId)), ("polls", .integer(polls)), ("fails", .bool(fails))])
    }

    init(format: String, resolution: Int, queueId: String, fails: Bool) {
        self.format = format
        self.resolution = resolution
        status = .initiated
        self.queueId = queueId
        polls = 0
        self.fails = fails
    }

    init(state fields: JSONFields) throws(FieldProblem) {
        try fields.rejectUnknownKeys(["assetExportType", "resolution", "status", "queueId", "polls", "fails"])
        format = try fields.string("assetExportType")
        guard Self.formats.contains(format) else { throw FieldProblem(path: fields.path("assetExportType"), message: "must be png, jpg, gif, tiff or mp4") }
        resolution = try fields.int("resolution")
        guard resolution == 1 || (resolution == 2 && Self.doubleResolutionFormats.contains(format)) else {
            throw FieldProblem(path: fields.path("resolution"), message: "must be 1, or 2 for png, jpg and gif")
        }
        let statusText = try fields.optionalString("status") ?? Status.completed.rawValue
        guard let status = Status(rawValue: statusText), status != .notInitiated else {
            throw FieldProblem(path: fields.path("status"), message: "must be INITIATED, PROCESSING, COMPLETED or FAILED")
        }
        self.status = status
        queueId = try fields.optionalString("queueId") ?? "export-\(format)-\(resolution)"
        polls = try fields.optionalInt("polls") ?? 0
        fails = try fields.optionalBool("fails") ?? (status == .failed)
    }

    /// Counts one status poll and moves a step when enough polls have been counted.
    mutating func poll(pollsPerStep: Int) {
        guard status.isInFlight else { return }
        polls += 1
        guard polls >= pollsPerStep else { return }
        polls = 0
        status = status == .initiated ? .processing : (fails ? .failed : .completed)
    }
}
