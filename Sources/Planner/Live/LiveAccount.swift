/// One provider account's live resources, under the alias the manifests use for it.
public struct LiveAccount: Sendable, Hashable {
    public var alias: String
    public var kind: ProviderKind
    /// The NextRoll advertisable EID, Criteo advertiser id, Topsort vendor id or Jivox account id.
    public var account: String
    /// The currency budgets and bids are in; nil for Jivox.
    public var currency: Currency?
    public var campaigns: [LiveCampaign]
    /// NextRoll segments (only those a manifest refers to need to be fetched).
    public var segments: [LiveSegment]
    /// Jivox retail campaigns.
    public var retailCampaigns: [LiveRetailCampaign]

    public init(alias: String, kind: ProviderKind, account: String, currency: Currency?, campaigns: [LiveCampaign] = [],
                segments: [LiveSegment] = [], retailCampaigns: [LiveRetailCampaign] = []) {
        self.alias = alias
        self.kind = kind
        self.account = account
        self.currency = currency
        self.campaigns = campaigns
        self.segments = segments
        self.retailCampaigns = retailCampaigns
    }

    /// The daily-equivalent spend ceiling of the account's serving campaigns.
    public var spendCeiling: SpendCeiling {
        campaigns.reduce(SpendCeiling.zero) { $0 + $1.spendCeiling }
    }

    public func campaign(id: String) -> LiveCampaign? { campaigns.first { $0.id == id } }
    public func segment(id: String) -> LiveSegment? { segments.first { $0.id == id } }
    public func retailCampaign(idx: Int) -> LiveRetailCampaign? { retailCampaigns.first { $0.idx == idx } }

    /// Decodes the account stored under `alias`.
    public init(from decoder: any Decoder, alias: String) throws {
        let container = try decoder.container(keyedBy: LiveCoding.Key.self)
        self.alias = alias
        guard let kind = try LiveCoding.choice(ProviderKind.self, container, "type") else {
            throw DecodingError.keyNotFound(LiveCoding.Key("type"), .init(codingPath: decoder.codingPath,
                                                                          debugDescription: "missing required key `type` (nextroll, criteo, topsort or jivox)"))
        }
        self.kind = kind
        account = try container.decode(String.self, forKey: LiveCoding.Key("account"))
        if let code = try container.decodeIfPresent(String.self, forKey: LiveCoding.Key("currency")) {
            guard let currency = Currency(code: code) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [LiveCoding.Key("currency")],
                                                       debugDescription: "not an ISO 4217 currency code: \"\(code)\""))
            }
            self.currency = currency
        } else {
            currency = nil
        }
        let currency = self.currency
        campaigns = try LiveCoding.list(container, "campaigns") { try LiveCampaign(from: $0, currency: currency) }
        segments = try container.decodeIfPresent([LiveSegment].self, forKey: LiveCoding.Key("segments")) ?? []
        retailCampaigns = try container.decodeIfPresent([LiveRetailCampaign].self, forKey: LiveCoding.Key("retail_campaigns")) ?? []
    }
}

extension LiveAccount: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LiveCoding.Key.self)
        try container.encode(kind.rawValue, forKey: LiveCoding.Key("type"))
        try container.encode(account, forKey: LiveCoding.Key("account"))
        try container.encodeIfPresent(currency?.code, forKey: LiveCoding.Key("currency"))
        if !campaigns.isEmpty || kind != .jivox { try container.encode(campaigns, forKey: LiveCoding.Key("campaigns")) }
        if !segments.isEmpty { try container.encode(segments, forKey: LiveCoding.Key("segments")) }
        if !retailCampaigns.isEmpty || kind == .jivox { try container.encode(retailCampaigns, forKey: LiveCoding.Key("retail_campaigns")) }
    }
}
