/// Jivox's export status values.
public enum ExportStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case initiated = "INITIATED"
    case processing = "PROCESSING"
    case completed = "COMPLETED"
    case available = "AVAILABLE"
    case archived = "ARCHIVED"
    case failed = "FAILED"
    case failedToInitiate = "FAILED_TO_INITIATE"
    case notInitiated = "NOT_INITIATED"

    /// Reads the platform's spelling, including the doc's variants (`FAILED TO_INITIATE`, `NOT_INITIATED_`).
    public init?(platformValue text: String) {
        var normalized = text.uppercased().replacingOccurrences(of: " ", with: "_")
        while normalized.hasSuffix("_") { normalized.removeLast() }
        guard let status = ExportStatus(rawValue: normalized) else { return nil }
        self = status
    }

    /// Whether the export has been made or is being made, so another export request is not needed.
    /// Failed and never-started exports are requested again. An archived export was made (and put
    /// away by the platform); asking again would export on every apply, so it counts as made.
    public var isSatisfied: Bool {
        switch self {
        case .initiated, .processing, .completed, .available, .archived: return true
        case .failed, .failedToInitiate, .notInitiated: return false
        }
    }
}
