/// An account or resource that a platform's API cannot create, so the sandbox provisions it: what a
/// user's manifests reference must exist before `plan` can look at it.
public enum SandboxAccount: Sendable, Hashable, CustomStringConvertible {
    case nextrollAdvertisable(eid: String)
    /// A segment of an advertisable (segments come from the pixel).
    case nextrollSegment(eid: String, advertisable: String)
    /// An ad (creative) of an advertisable.
    case nextrollAd(eid: String, advertisable: String)
    case criteoAdvertiser(id: String)
    /// The Topsort marketplace (a UUID) the API key belongs to; settable only while it has no campaigns.
    case topsortMarketplace(id: String)
    case topsortVendor(id: String)
    case jivoxAccount(id: String)
    /// A retail campaign of an account, not yet activated.
    case jivoxRetailCampaign(account: String, idx: Int)

    public var description: String {
        switch self {
        case .nextrollAdvertisable(let eid): return "NextRoll advertisable \(eid)"
        case .nextrollSegment(let eid, let advertisable): return "NextRoll segment \(eid) of advertisable \(advertisable)"
        case .nextrollAd(let eid, let advertisable): return "NextRoll ad \(eid) of advertisable \(advertisable)"
        case .criteoAdvertiser(let id): return "Criteo advertiser \(id)"
        case .topsortMarketplace(let id): return "Topsort marketplace \(id)"
        case .topsortVendor(let id): return "Topsort vendor \(id)"
        case .jivoxAccount(let id): return "Jivox account \(id)"
        case .jivoxRetailCampaign(let account, let idx): return "Jivox retail campaign \(idx) of account \(account)"
        }
    }

    /// The NextRoll EIDs the account names (its own and its advertisable's).
    var nextrollEID: String? {
        switch self {
        case .nextrollAdvertisable(let eid): return eid
        case .nextrollSegment(let eid, let advertisable), .nextrollAd(let eid, let advertisable):
            return NextRollSimulator.isValidEID(advertisable) ? eid : advertisable
        default: return nil
        }
    }

    /// Parents before children, so one call can provision both.
    var order: Int {
        switch self {
        case .nextrollAdvertisable, .criteoAdvertiser, .topsortMarketplace, .jivoxAccount: return 0
        case .topsortVendor: return 1
        case .nextrollSegment, .nextrollAd, .jivoxRetailCampaign: return 2
        }
    }
}
