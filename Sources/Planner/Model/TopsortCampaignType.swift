/// Topsort's bidding method (`campaignType`). The API can only change a campaign *to* `autobidding`.
public enum TopsortCampaignType: String, Sendable, Hashable, Codable, CaseIterable {
    case manual, autobidding, exclusive
}
