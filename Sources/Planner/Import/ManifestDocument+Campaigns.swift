import Foundation

extension ManifestDocument {
    /// Every live campaign, sorted by name, with its ad groups. Names are identities in a manifest, so of
    /// several live campaigns sharing a name only the first (by ID) can be written; campaigns whose name
    /// or external ID would not find them again get `id:`.
    mutating func campaigns(currency: Currency?) -> [YAMLOutput] {
        guard ManifestSchema.campaign.resourceProviders?.contains(kind) == true else { return [] }
        let ordered = account.campaigns.indices.sorted {
            (account.campaigns[$0].name, account.campaigns[$0].id) < (account.campaigns[$1].name, account.campaigns[$1].id)
        }
        var written: [(index: Int, externalID: String?)] = []
        var names: [String: String] = [:]
        var externalIDs = Set<String>()
        for index in ordered {
            let campaign = account.campaigns[index]
            guard !campaign.name.isEmpty else {
                note(.campaign(alias, "[\(campaign.id)]"), "a campaign without a name cannot be declared; left out")
                continue
            }
            if let first = names[campaign.name] {
                note(.campaign(alias, campaign.name), "campaign \(campaign.id) has the same name as campaign \(first), and names identify campaigns "
                     + "in manifests: only \(first) is written; rename the other on \(kind.displayName) to manage it")
                continue
            }
            names[campaign.name] = campaign.id
            var externalID = campaign.externalID
            if let external = externalID, applies("external_id", in: ManifestSchema.campaign), !externalIDs.insert(external).inserted {
                note(.campaign(alias, campaign.name), "external_id `\(external)` is also another campaign's; written on that one only")
                externalID = nil
            }
            written.append((index, externalID))
        }
        while true {
            let identity = pins(for: written)
            guard !identity.unpinnable.isEmpty else {
                return written.map { campaign(account.campaigns[$0.index], externalID: $0.externalID, pinned: identity.pinned.contains($0.index),
                                              currency: currency) }
            }
            for index in identity.unpinnable {
                let live = account.campaigns[index]
                note(.campaign(alias, live.name), "another live campaign would be taken for it, and its id `\(live.id)` cannot be pinned in a manifest; "
                     + "left out: give it a name of its own on \(kind.displayName) to manage it")
            }
            written.removeAll { identity.unpinnable.contains($0.index) }
        }
    }

    /// The campaigns (indexes into the account) that need `id:` to be matched to themselves: the
    /// planner's identity rules are run over the campaigns as written, and every one they would match
    /// elsewhere (or find ambiguous) is pinned, until all match themselves. `unpinnable` are those that
    /// need a pin their ID cannot be (a manifest refuses it).
    private func pins(for written: [(index: Int, externalID: String?)]) -> (pinned: Set<Int>, unpinnable: Set<Int>) {
        var pinned = Set<Int>()
        let location = SourceLocation(file: "import", line: 1, column: 1)
        for _ in 0...written.count {
            let desired = written.map { entry in
                let live = account.campaigns[entry.index]
                return Campaign(name: live.name, provider: alias, pinnedID: pinned.contains(entry.index) ? live.id : nil,
                                externalID: entry.externalID, location: location)
            }
            var problems: [PlanningProblem] = []
            let matches = IdentityMatcher.matchCampaigns(desired, live: account.campaigns, provider: alias, problems: &problems)
            let astray = Set(zip(written, matches.live).filter { $0.0.index != $0.1 }.map(\.0.index))
            if astray.isEmpty { break }
            let unpinnable = astray.filter { index in
                let id = account.campaigns[index].id
                return id.isEmpty || ManifestDecoder.campaignIDProblem(id, kind: kind) != nil
            }
            if !unpinnable.isEmpty { return (pinned, unpinnable) }
            pinned.formUnion(astray)
        }
        return (pinned, [])
    }

    private mutating func campaign(_ live: LiveCampaign, externalID: String?, pinned: Bool, currency: Currency?) -> YAMLOutput {
        let schema = ManifestSchema.campaign
        let address = ResourceAddress.campaign(alias, live.name)
        var entries = [YAMLOutput.Entry("name", .text(live.name)), YAMLOutput.Entry("provider", .text(alias))]
        if pinned { entries.append(YAMLOutput.Entry("id", .text(live.id))) }
        if let externalID, applies("external_id", in: schema) { entries.append(YAMLOutput.Entry("external_id", .text(externalID))) }
        if applies("status", in: schema) { entries.append(YAMLOutput.Entry("status", .plain(live.status.rawValue))) }
        if let goal = live.goal, applies("goal", in: schema) { entries.append(YAMLOutput.Entry("goal", .plain(goal.rawValue))) }
        if let budget = budget(live, address: address) { entries.append(YAMLOutput.Entry("budget", budget)) }
        if let schedule = live.schedule, applies("schedule", in: schema), let value = self.schedule(schedule, address: address) {
            entries.append(YAMLOutput.Entry("schedule", value))
        }
        if let bidding = live.bidding, applies("bidding", in: schema), let value = self.bidding(bidding, address: address) {
            entries.append(YAMLOutput.Entry("bidding", value))
        }
        if let retargeting = live.retargeting, applies("retargeting", in: schema) { entries.append(YAMLOutput.Entry("retargeting", .boolean(retargeting))) }
        if let targeting = live.targeting, applies("targeting", in: schema) {
            if !targeting.include.isDisjoint(with: targeting.exclude) || (targeting.include.union(targeting.exclude).min() ?? 0) < 0 {
                note(address, "targeting includes and excludes the same segment or has a negative id, which a manifest cannot declare; left unmanaged")
            } else {
                entries.append(YAMLOutput.Entry("targeting", Self.selection(targeting) { .integer($0) }))
            }
        }
        if applies("adgroups", in: schema), !live.adGroups.isEmpty {
            entries.append(YAMLOutput.Entry("adgroups", .list(adGroups(live.adGroups, campaign: address))))
        }
        return .map(entries)
    }

    // MARK: Budget

    /// The budget a manifest declares to match the live one exactly: the platform's stored form
    /// brought back to how the manifest says it (NextRoll's weekly amount shown daily is the daily
    /// amount when it divides into whole minor units), checked against the planner's own comparison.
    private mutating func budget(_ live: LiveCampaign, address: ResourceAddress) -> YAMLOutput? {
        guard let current = live.budget, applies("budget", in: ManifestSchema.campaign) else { return nil }
        // What the platform can charge: float dust left by its API is not part of the budget.
        var charged = live
        if case .capped(let money, let period) = current {
            charged.budget = .capped(Money(ValueNormalization.chargeable(money), money.currency), period)
        }
        var candidates: [Budget] = []
        for candidate in [ValueNormalization.manifestForm(charged, for: kind), charged.budget].compactMap({ $0 }) where !candidates.contains(candidate) {
            candidates.append(candidate)
        }
        for candidate in candidates where isDeclarable(candidate) && ValueNormalization.budgetMatches(candidate, live, for: kind) {
            switch candidate {
            case .uncapped:
                return .map([YAMLOutput.Entry("uncapped", .boolean(true))])
            case .capped(let money, let period):
                return .map([YAMLOutput.Entry("amount", Self.money(money)), YAMLOutput.Entry("period", .plain(period.rawValue))])
            }
        }
        if kind == .nextroll, case .capped(let money, .weekly) = current, live.budgetShownDaily == true {
            note(address, "NextRoll shows the weekly budget \(money) as a daily one, and no daily amount in whole "
                 + "\(money.currency.minorUnitExponent == 0 ? "units" : "minor units") makes exactly that week; left unmanaged "
                 + "(declare `{ amount: \(ValueNormalization.chargeable(money).formatted(decimals: money.currency.minorUnitExponent)), period: weekly }` "
                 + "to manage it as weekly)")
        } else {
            note(address, "the budget \(current) cannot be declared in a manifest for \(kind.displayName); left unmanaged")
        }
        return nil
    }

    /// Whether a manifest may declare `budget` for this platform (the validator's rules).
    private func isDeclarable(_ budget: Budget) -> Bool {
        switch budget {
        case .uncapped:
            return kind.supportsUncappedBudget
        case .capped(let money, let period):
            guard kind.supportedBudgetPeriods.contains(period), money.isRepresentable, money.amount >= 0 else { return false }
            let digits = ScalarParser.decimalDigitCount(ValueNormalization.chargeable(money).formatted(decimals: money.currency.minorUnitExponent)) ?? .max
            guard digits <= ScalarParser.maxDecimalDigits else { return false }
            if let limit = kind.budgetMinorUnitsLimit { return money.minorUnits.map { $0 < limit } ?? false }
            return true
        }
    }

    // MARK: Schedule and bidding

    private mutating func schedule(_ schedule: Schedule, address: ResourceAddress) -> YAMLOutput? {
        var entries: [YAMLOutput.Entry] = []
        if let start = schedule.start { entries.append(YAMLOutput.Entry("start", .plain(start.description))) }
        if let end = schedule.end {
            if let start = schedule.start, end <= start {
                note(address, "the schedule ends (\(end)) before it starts (\(start)), which a manifest cannot declare; the end is left unmanaged")
            } else {
                entries.append(YAMLOutput.Entry("end", .plain(end.description)))
            }
        }
        return entries.isEmpty ? nil : .map(entries)
    }

    private mutating func bidding(_ bidding: Bidding, address: ResourceAddress) -> YAMLOutput? {
        let schema = ManifestSchema.bidding
        var entries: [YAMLOutput.Entry] = []
        func money(_ key: String, _ value: Money?) {
            guard let value, applies(key, in: schema) else { return }
            if value.amount >= 0 {
                entries.append(YAMLOutput.Entry(key, Self.money(value)))
            } else {
                note(address, "`\(key)` \(value) is negative, which a manifest cannot declare; left unmanaged")
            }
        }
        money("cpc", bidding.cpc)
        money("cpm", bidding.cpm)
        money("max_cpm", bidding.maxCPM)
        if let strategy = bidding.strategy, applies("type", in: schema) { entries.append(YAMLOutput.Entry("type", .plain(strategy.rawValue))) }
        // Objective and target ROAS only go with autobidding (the validator refuses them on other types).
        let autobidding = bidding.strategy == nil || bidding.strategy == .autobidding
        if let objective = bidding.objective, applies("objective", in: schema) {
            if autobidding {
                entries.append(YAMLOutput.Entry("objective", .plain(objective.rawValue)))
            } else {
                note(address, "objective \(objective.rawValue) is set on a \(bidding.strategy?.rawValue ?? "") campaign, which a manifest cannot declare; left unmanaged")
            }
        }
        if let roas = bidding.targetROAS, applies("target_roas", in: schema) {
            if autobidding, Self.inRange(roas, "target_roas", of: schema) {
                entries.append(YAMLOutput.Entry("target_roas", .plain(roas.formatted(decimals: 1))))
            } else {
                note(address, "target ROAS \(roas) cannot be declared here (autobidding only, 0.5 to 20); left unmanaged")
            }
        }
        if let charge = bidding.charge, applies("charge", in: schema) { entries.append(YAMLOutput.Entry("charge", .plain(charge.rawValue))) }
        return entries.isEmpty ? nil : .map(entries)
    }

    // MARK: Ad groups (NextRoll)

    /// Ad groups sorted by name. The planner matches ad groups by name alone, so ad groups sharing a
    /// name cannot be told apart by a manifest: all of them are left out.
    private mutating func adGroups(_ groups: [LiveAdGroup], campaign: ResourceAddress) -> [YAMLOutput] {
        var counts: [String: [String]] = [:]
        for group in groups { counts[group.name, default: []].append(group.id) }
        var items: [YAMLOutput] = []
        for group in groups.sorted(by: { ($0.name, $0.id) < ($1.name, $1.id) }) {
            let address = campaign.adGroup(group.name)
            guard !group.name.isEmpty else {
                note(campaign.adGroup("[\(group.id)]"), "an ad group without a name cannot be declared; left out")
                continue
            }
            if let ids = counts[group.name], ids.count > 1 {
                if ids.first == group.id {
                    note(address, "\(ids.count) ad groups have this name (\(ids.joined(separator: ", "))); ad groups are told apart by name, "
                         + "so none is written: rename them on NextRoll to manage them")
                }
                continue
            }
            var entries = [YAMLOutput.Entry("name", .text(group.name)), YAMLOutput.Entry("status", .plain(group.status.rawValue))]
            let segments = group.segments
            if Self.listable(segments.include.union(segments.exclude)), segments.include.isDisjoint(with: segments.exclude) {
                entries.append(YAMLOutput.Entry("segments", Self.selection(segments) { .text($0) }))
            } else {
                note(address, "the segments include and exclude the same EID or hold an EID NextRoll cannot list; left unmanaged")
            }
            if let geo = geo(group.geo) {
                entries.append(YAMLOutput.Entry("geo", geo))
            } else {
                note(address, "a geo target has no EID, a non-numeric id where NextRoll has a number, or is both included and excluded; geo left unmanaged")
            }
            if Self.listable(group.ads) {
                entries.append(YAMLOutput.Entry("ads", .texts(group.ads.sorted())))
            } else {
                note(address, "an ad EID is empty or holds a comma, which NextRoll cannot list; ads left unmanaged")
            }
            items.append(.map(entries))
        }
        return items
    }

    /// `{ include: [...], exclude: [...] }` of geo targets, or nil when one cannot be declared.
    private func geo(_ selection: Selection<GeoTarget>) -> YAMLOutput? {
        guard ValueNormalization.geoIdentities(selection.include).isDisjoint(with: ValueNormalization.geoIdentities(selection.exclude)) else { return nil }
        func targets(_ set: Set<GeoTarget>) -> YAMLOutput? {
            var items: [YAMLOutput] = []
            for target in GeoTarget.sorted(set) {
                guard !target.eid.isEmpty, !target.value.isEmpty else { return nil }
                let value: YAMLOutput
                if target.kind.isNumeric {
                    guard let number = ScalarParser.integer(target.value), number >= 0 else { return nil }
                    value = .integer(number)
                } else {
                    value = .text(target.value)
                }
                items.append(.map([YAMLOutput.Entry(target.kind.rawValue, value), YAMLOutput.Entry("eid", .text(target.eid))]))
            }
            return .list(items)
        }
        guard let include = targets(selection.include), let exclude = targets(selection.exclude) else { return nil }
        return .map([YAMLOutput.Entry("include", include), YAMLOutput.Entry("exclude", exclude)])
    }
}
