/// The kinds of resource a plan acts on.
public enum ResourceKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case campaign
    /// A NextRoll ad group.
    case adGroup = "adgroup"
    /// A NextRoll audience segment.
    case segment
    /// A Jivox retail campaign.
    case retailCampaign = "retail_campaign"
    /// A Jivox asset export of a retail campaign.
    case export
    /// The tags CSV of a Jivox retail campaign, downloaded to a local folder.
    case tags

    public var description: String {
        switch self {
        case .campaign: return "campaign"
        case .adGroup: return "ad group"
        case .segment: return "segment"
        case .retailCampaign: return "retail campaign"
        case .export: return "export"
        case .tags: return "tags"
        }
    }
}
