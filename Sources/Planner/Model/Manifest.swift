/// Everything the manifests under a path declare: the desired state, validated.
public struct Manifest: Sendable, Hashable {
    /// Provider blocks in the order they were declared.
    public var providers: [ProviderConfig]
    public var campaigns: [Campaign]
    public var segments: [AudienceSegment]
    public var retailCampaigns: [RetailCampaign]
    /// Top-level safety thresholds; provider blocks override them.
    public var safety: SafetyThresholds
    /// The manifest files that were read, in reading order.
    public var files: [String]

    public init(providers: [ProviderConfig] = [], campaigns: [Campaign] = [], segments: [AudienceSegment] = [],
                retailCampaigns: [RetailCampaign] = [], safety: SafetyThresholds = SafetyThresholds(), files: [String] = []) {
        self.providers = providers
        self.campaigns = campaigns
        self.segments = segments
        self.retailCampaigns = retailCampaigns
        self.safety = safety
        self.files = files
    }

    /// The provider block with this alias.
    public func provider(_ alias: String) -> ProviderConfig? {
        providers.first { $0.alias == alias }
    }
}
