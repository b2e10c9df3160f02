/// Whether a campaign or ad group is meant to serve. Platforms' own status words are mapped to this.
public enum ServingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active, paused
}
