/// How Topsort charges a campaign (`chargeType`): per mille impressions, per click or per action.
public enum ChargeType: String, Sendable, Hashable, Codable, CaseIterable {
    case CPM, CPC, CPA
}
