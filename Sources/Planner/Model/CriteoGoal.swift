/// A Criteo campaign's marketing goal. The API also reports `Unspecified` for older campaigns,
/// which cannot be set.
public enum CriteoGoal: String, Sendable, Hashable, Codable, CaseIterable {
    case acquisition, retention

    /// The spelling Criteo's API uses (`Acquisition`).
    public var apiValue: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
