import Foundation

/// How a campaign bids. Keys are provider-specific and validated per provider:
/// NextRoll takes `cpc`, `cpm` and `max_cpm`; Topsort takes `type`, `objective`, `target_roas` and `charge`.
public struct Bidding: Sendable, Hashable, Codable {
    /// NextRoll CPC goal.
    public var cpc: Money?
    /// NextRoll CPM limit used in the pricing model.
    public var cpm: Money?
    /// NextRoll CPM limit for the networks, used in bidding.
    public var maxCPM: Money?
    /// Topsort `campaignType`.
    public var strategy: TopsortCampaignType?
    /// Topsort `autobiddingObjective`.
    public var objective: AutobiddingObjective?
    /// Topsort `targetRoas`, 0.5 to 20.
    public var targetROAS: Decimal?
    /// Topsort `chargeType`.
    public var charge: ChargeType?

    public init(cpc: Money? = nil, cpm: Money? = nil, maxCPM: Money? = nil, strategy: TopsortCampaignType? = nil,
                objective: AutobiddingObjective? = nil, targetROAS: Decimal? = nil, charge: ChargeType? = nil) {
        self.cpc = cpc
        self.cpm = cpm
        self.maxCPM = maxCPM
        self.strategy = strategy
        self.objective = objective
        self.targetROAS = targetROAS
        self.charge = charge
    }
}
