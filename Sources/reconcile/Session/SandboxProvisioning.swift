import Planner
import Sandbox

/// What the manifests reference that the platforms' APIs cannot create, as sandbox accounts: the
/// accounts themselves (NextRoll advertisable, Criteo advertiser, Topsort vendor, Jivox account),
/// NextRoll segments and ads, and Jivox retail campaigns (made not yet activated).
enum SandboxProvisioning {
    static func accounts(for manifest: Manifest) -> [SandboxAccount] {
        var accounts: [SandboxAccount] = []
        for provider in manifest.providers {
            switch provider.kind {
            case .nextroll: accounts.append(.nextrollAdvertisable(eid: provider.account))
            case .criteo: accounts.append(.criteoAdvertiser(id: provider.account))
            case .topsort: accounts.append(.topsortVendor(id: provider.account))
            case .jivox: accounts.append(.jivoxAccount(id: provider.account))
            }
        }
        for campaign in manifest.campaigns {
            guard let provider = manifest.provider(campaign.provider), provider.kind == .nextroll else { continue }
            for group in campaign.adGroups {
                let segments = (group.segments?.include ?? []).union(group.segments?.exclude ?? [])
                accounts += segments.sorted().map { .nextrollSegment(eid: $0, advertisable: provider.account) }
                accounts += (group.ads ?? []).sorted().map { .nextrollAd(eid: $0, advertisable: provider.account) }
            }
        }
        for segment in manifest.segments {
            guard let provider = manifest.provider(segment.provider) else { continue }
            accounts.append(.nextrollSegment(eid: segment.id, advertisable: provider.account))
        }
        for retail in manifest.retailCampaigns {
            guard let provider = manifest.provider(retail.provider) else { continue }
            accounts.append(.jivoxRetailCampaign(account: provider.account, idx: retail.idx))
        }
        return accounts
    }
}
