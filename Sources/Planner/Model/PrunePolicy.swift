/// What happens to live campaigns that no manifest declares.
public enum PrunePolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Leave them alone (the default).
    case none
    /// Pause them; `reconcile` never deletes.
    case pause
}
