import Foundation

/// What a saved plan knows about one live resource it acts on, so a later apply can tell whether the
/// resource changed since (DESIGN.md: "apply re-fetches and refuses a stale plan").
///
/// For an existing resource: its live ID (and parent's, for ad groups) and a hash of its normalized
/// state, the fields the planner reads (volatile values such as lifetime spend and the platform's own
/// status word are left out, money is taken at the currency's precision, sets are sorted). For a
/// resource the plan creates: the identity the next fetch would find it by, which must still be free.
public struct ResourceFingerprint: Sendable, Hashable, Codable {
    public var address: ResourceAddress
    public var resource: ResourceKind
    /// The live ID (a retail campaign's index as text); nil when the plan creates the resource.
    public var liveID: String?
    /// The live ID of the parent campaign, for ad groups.
    public var parentID: String?
    /// For resources the plan creates: the name it will have.
    public var name: String?
    /// For campaigns the plan creates: the external ID it will have (Topsort).
    public var externalID: String?
    /// `fnv1a64:<16 hex digits>` of the normalized live resource; nil when the plan creates it.
    public var fingerprint: String?

    public init(address: ResourceAddress, resource: ResourceKind, liveID: String? = nil, parentID: String? = nil,
                name: String? = nil, externalID: String? = nil, fingerprint: String? = nil) {
        self.address = address
        self.resource = resource
        self.liveID = liveID
        self.parentID = parentID
        self.name = name
        self.externalID = externalID
        self.fingerprint = fingerprint
    }

    private enum CodingKeys: String, CodingKey {
        case address, resource, liveID = "live_id", parentID = "parent_id", name, externalID = "external_id", fingerprint
    }

    // MARK: Fingerprints of live resources

    static func of(_ campaign: LiveCampaign, at address: ResourceAddress) -> ResourceFingerprint {
        ResourceFingerprint(address: address, resource: .campaign, liveID: campaign.id, fingerprint: hash(campaign))
    }

    static func of(_ group: LiveAdGroup, campaignID: String, at address: ResourceAddress) -> ResourceFingerprint {
        ResourceFingerprint(address: address, resource: .adGroup, liveID: group.id, parentID: campaignID, fingerprint: hash(group))
    }

    static func of(_ segment: LiveSegment, at address: ResourceAddress) -> ResourceFingerprint {
        ResourceFingerprint(address: address, resource: .segment, liveID: segment.id, fingerprint: hash(segment))
    }

    static func of(_ retail: LiveRetailCampaign, at address: ResourceAddress) -> ResourceFingerprint {
        ResourceFingerprint(address: address, resource: .retailCampaign, liveID: String(retail.idx), fingerprint: hash(retail))
    }

    /// The hash of a campaign without its ad groups (they have their own) and without what changes on its own.
    static func hash(_ campaign: LiveCampaign) -> String {
        var normalized = campaign
        normalized.adGroups = []
        normalized.platformStatus = nil
        normalized.lifetimeSpent = nil
        normalized.budget = campaign.budget.map(chargeable)
        if var bidding = campaign.bidding {
            bidding.cpc = bidding.cpc.map(chargeable)
            bidding.cpm = bidding.cpm.map(chargeable)
            bidding.maxCPM = bidding.maxCPM.map(chargeable)
            normalized.bidding = bidding
        }
        return digest(normalized)
    }

    static func hash(_ group: LiveAdGroup) -> String {
        var normalized = group
        normalized.platformStatus = nil
        return digest(normalized)
    }

    static func hash(_ segment: LiveSegment) -> String {
        var normalized = segment
        normalized.name = nil
        normalized.conversionValue = segment.conversionValue.map(chargeable)
        return digest(normalized)
    }

    /// Export statuses count only as made or not (an export finishing between plan and apply is not drift);
    /// the local tags file does not count.
    static func hash(_ retail: LiveRetailCampaign) -> String {
        var normalized = retail
        normalized.name = nil
        normalized.trackers = ValueNormalization.trackers(retail.trackers)
        normalized.availableTrackers = retail.availableTrackers.map(ValueNormalization.trackers)
        normalized.exports = retail.exports
            .map { LiveExport(format: $0.format, resolution: $0.resolution, status: $0.status.isSatisfied ? .completed : .notInitiated) }
            .sorted { ($0.format.rawValue, $0.resolution) < ($1.format.rawValue, $1.resolution) }
        // The tags CSV is on the local disk, not in the account, and `apply PLANFILE` re-reads only the account.
        normalized.tagsFile = nil
        return digest(normalized)
    }

    private static func chargeable(_ money: Money) -> Money { Money(ValueNormalization.chargeable(money), money.currency) }

    private static func chargeable(_ budget: Budget) -> Budget {
        if case .capped(let money, let period) = budget { return .capped(chargeable(money), period) }
        return budget
    }

    private static func digest<T: Encodable>(_ value: T) -> String {
        let text = (try? JSONValueEncoder().encode(value).serialized(indent: 0)) ?? ""
        return "fnv1a64:" + StableHash.fnv1a64(text)
    }
}

/// A non-cryptographic, platform-independent hash for fingerprints (Foundation on Linux has no digest API).
enum StableHash {
    /// FNV-1a, 64 bits, of the UTF-8 bytes, as 16 lowercase hex digits.
    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
