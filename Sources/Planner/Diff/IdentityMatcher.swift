/// Matches manifest resources to live ones (DESIGN.md "Identity"): an explicit `id:` pin first, then
/// the provider's external ID (Topsort `externalCampaignId`), then the exact name within the parent.
/// A live resource is matched at most once. Two live candidates for one manifest entry is an error
/// naming every candidate, never a guess.
public enum IdentityMatcher {
    /// The live campaign (index into `live`) each desired campaign matches, or nil when it is new.
    public struct CampaignMatches: Sendable {
        /// Parallel to the desired campaigns.
        public var live: [Int?]
        /// Live campaigns no desired campaign matched, in the order given.
        public var unmatched: [Int]
    }

    public static func matchCampaigns(_ desired: [Campaign], live: [LiveCampaign], provider: String,
                                      problems: inout [PlanningProblem]) -> CampaignMatches {
        var matched = [Int?](repeating: nil, count: desired.count)
        var claimed = Set<Int>()
        var settled = Set<Int>()

        func report(_ index: Int, _ rule: String, _ candidates: [Int]) {
            let campaign = desired[index]
            let ids = candidates.map { "`\(live[$0].id)`" }.joined(separator: ", ")
            problems.append(PlanningProblem(
                address: .campaign(provider, campaign.name), location: campaign.location,
                "\(candidates.count) live campaigns match this manifest entry by \(rule): \(ids)",
                hint: "pin the one you mean with `id:` in the manifest, or rename the others on the platform"))
            settled.insert(index)
        }

        // Indexes, so matching stays linear in the number of campaigns.
        var byID: [String: [Int]] = [:], byExternalID: [String: [Int]] = [:], byName: [String: [Int]] = [:]
        for (position, campaign) in live.enumerated() {
            byID[campaign.id, default: []].append(position)
            if let external = campaign.externalID { byExternalID[external, default: []].append(position) }
            byName[campaign.name, default: []].append(position)
        }

        // 1. Pins.
        for (index, campaign) in desired.enumerated() {
            guard let pin = campaign.pinnedID else { continue }
            let candidates = byID[pin] ?? []
            settled.insert(index)
            if candidates.count > 1 {
                report(index, "id", candidates)
            } else if let only = candidates.first {
                matched[index] = only
                claimed.insert(only)
            } else {
                problems.append(PlanningProblem(
                    address: .campaign(provider, campaign.name), location: campaign.location,
                    "`id: \(pin)` names no live campaign on `\(provider)`",
                    hint: "check the id, or remove `id:` to create the campaign"))
            }
        }
        // 2. External IDs.
        for (index, campaign) in desired.enumerated() where !settled.contains(index) {
            guard let external = campaign.externalID else { continue }
            let candidates = (byExternalID[external] ?? []).filter { !claimed.contains($0) }
            if candidates.count > 1 {
                report(index, "external_id", candidates)
            } else if let only = candidates.first {
                matched[index] = only
                claimed.insert(only)
                settled.insert(index)
            }
        }
        // 3. Names, among live campaigns nobody claimed. A live campaign carrying a different external ID
        //    is another campaign, not this one.
        for (index, campaign) in desired.enumerated() where !settled.contains(index) {
            let candidates = (byName[campaign.name] ?? []).filter { position in
                !claimed.contains(position)
                    && (campaign.externalID == nil || live[position].externalID == nil || live[position].externalID == campaign.externalID)
            }
            if candidates.count > 1 {
                report(index, "name", candidates)
            } else if let only = candidates.first {
                matched[index] = only
                claimed.insert(only)
            }
        }
        return CampaignMatches(live: matched, unmatched: live.indices.filter { !claimed.contains($0) })
    }

    /// The live ad group (index into `live`) each desired ad group of a campaign matches, by exact name.
    public static func matchAdGroups(_ desired: [AdGroup], live: [LiveAdGroup], campaign: ResourceAddress,
                                     problems: inout [PlanningProblem]) -> [Int?] {
        desired.map { group in
            // Usually one live ad group has the name: only a second one makes the full list worth building.
            guard let first = live.firstIndex(where: { $0.name == group.name }) else { return nil }
            guard live[(first + 1)...].contains(where: { $0.name == group.name }) else { return first }
            let candidates = live.indices.filter { live[$0].name == group.name }
            if candidates.count > 1 {
                problems.append(PlanningProblem(
                    address: campaign.adGroup(group.name), location: group.location,
                    "\(candidates.count) live ad groups match this manifest entry by name: \(candidates.map { "`\(live[$0].id)`" }.joined(separator: ", "))",
                    hint: "rename or archive the extra ad groups on NextRoll, so that one ad group has this name"))
                return nil
            }
            return candidates.first
        }
    }

    /// The one live element with `key`, reporting duplicates (segments by EID, retail campaigns by index).
    static func single<Element>(_ candidates: [Element], address: ResourceAddress, location: SourceLocation, what: String,
                                problems: inout [PlanningProblem]) -> Element? {
        if candidates.count > 1 {
            problems.append(PlanningProblem(address: address, location: location,
                                            "the live state lists this \(what) \(candidates.count) times",
                                            hint: "the provider's answer should hold each \(what) once; fetch it again"))
            return nil
        }
        return candidates.first
    }
}
