/// Rules that span resources and files: nothing may be declared twice.
public enum ManifestValidator {
    /// Provider blocks for the same account, campaigns (provider + name, pinned id, Topsort external id), ad groups within a campaign,
    /// segments and retail campaigns declared more than once, each naming both places.
    public static func duplicates(in manifest: Manifest) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check<Key: Hashable>(_ items: [(key: Key, location: SourceLocation)], describe: (Key) -> String) {
            // Most lists (a campaign's ad groups) are a handful of items: compared pairwise, with no dictionary.
            if items.count <= 8 {
                for (position, item) in items.enumerated() {
                    if let first = items[..<position].first(where: { $0.key == item.key }) {
                        diagnostics.append(Diagnostic(.error, at: item.location, "\(describe(item.key)) is declared twice",
                                                      hint: "also declared at \(first.location); each resource is declared once"))
                    }
                }
                return
            }
            var seen: [Key: SourceLocation] = [:]
            for item in items {
                if let first = seen[item.key] {
                    diagnostics.append(Diagnostic(.error, at: item.location, "\(describe(item.key)) is declared twice",
                                                  hint: "also declared at \(first); each resource is declared once"))
                } else {
                    seen[item.key] = item.location
                }
            }
        }
        struct Account: Hashable { var kind: ProviderKind; var account: String }
        // Two blocks for one account would plan against the same live campaigns twice (and prune each other's).
        check(manifest.providers.map { (Account(kind: $0.kind, account: $0.account), $0.location) }) {
            "a provider block for \($0.kind.rawValue) \($0.kind.accountKey) `\($0.account)`"
        }
        struct Scoped: Hashable { var provider: String; var value: String }
        check(manifest.campaigns.map { (Scoped(provider: $0.provider, value: $0.name), $0.location) }) {
            "campaign `\($0.value)` on provider `\($0.provider)`"
        }
        check(manifest.campaigns.compactMap { campaign in campaign.pinnedID.map { (Scoped(provider: campaign.provider, value: $0), campaign.location) } }) {
            "a campaign pinned to id `\($0.value)` on provider `\($0.provider)`"
        }
        check(manifest.campaigns.compactMap { campaign in campaign.externalID.map { (Scoped(provider: campaign.provider, value: $0), campaign.location) } }) {
            "a campaign with external_id `\($0.value)` on provider `\($0.provider)`"
        }
        for campaign in manifest.campaigns {
            check(campaign.adGroups.map { ($0.name, $0.location) }) { "ad group `\($0)` of campaign `\(campaign.name)`" }
        }
        check(manifest.segments.map { (Scoped(provider: $0.provider, value: $0.id), $0.location) }) {
            "segment `\($0.value)` on provider `\($0.provider)`"
        }
        check(manifest.retailCampaigns.map { (Scoped(provider: $0.provider, value: String($0.idx)), $0.location) }) {
            "retail campaign \($0.value) on provider `\($0.provider)`"
        }
        return diagnostics
    }
}
