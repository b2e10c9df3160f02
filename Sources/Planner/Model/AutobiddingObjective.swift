/// What a Topsort autobidding campaign optimises for (`autobiddingObjective`).
public enum AutobiddingObjective: String, Sendable, Hashable, Codable, CaseIterable {
    case impressions, clicks, conversions, revenue
}
