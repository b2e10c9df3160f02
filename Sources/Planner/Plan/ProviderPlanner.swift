import Foundation

/// Turns the differences between one provider block's manifest resources and its live account into
/// actions (with their calls, spend effect and the dependencies only this provider's rules know),
/// blocked changes and fingerprints. Ordering across resources is left to `DependencyGraph`.
struct ProviderPlanner {
    let config: ProviderConfig
    let live: LiveAccount
    let today: CalendarDate
    let capabilities: ProviderCapabilities

    private(set) var actions: [PlanAction] = []
    private(set) var blocked: [BlockedChange] = []
    /// Keyed by the address of the resource (the retail campaign for its exports and tags).
    private(set) var fingerprints: [ResourceAddress: ResourceFingerprint] = [:]
    /// Addresses of campaigns that exist live (matched or pruned): the base of the change-share rule.
    private(set) var liveCampaignAddresses: Set<ResourceAddress> = []

    init(config: ProviderConfig, live: LiveAccount, today: CalendarDate) {
        self.config = config
        self.live = live
        self.today = today
        self.capabilities = config.kind.capabilities
    }

    private var alias: String { config.alias }

    mutating func plan(_ manifest: Manifest, problems: inout [PlanningProblem]) {
        let campaigns = manifest.campaigns.filter { $0.provider == alias }
        if let calls = ProviderCalls.campaigns(config.kind) {
            let matches = IdentityMatcher.matchCampaigns(campaigns, live: live.campaigns, provider: alias, problems: &problems)
            for (campaign, match) in zip(campaigns, matches.live) {
                if let match {
                    planExisting(campaign, live.campaigns[match], calls: calls, problems: &problems)
                } else {
                    planNew(campaign, calls: calls)
                }
            }
            planPrune(matches.unmatched.map { live.campaigns[$0] }, declaredNames: Set(campaigns.map(\.name)), calls: calls)
        }
        for segment in manifest.segments where segment.provider == alias {
            planSegment(segment, problems: &problems)
        }
        for retail in manifest.retailCampaigns where retail.provider == alias {
            planRetailCampaign(retail, problems: &problems)
        }
    }

    // MARK: Campaigns

    private func resourceCapabilities(_ kind: ResourceKind) -> ResourceCapabilities {
        capabilities.resource(kind) ?? ResourceCapabilities(resource: kind, creation: .unsupported("\(config.kind.displayName) has no \(kind)s"))
    }

    /// Splits `changes` into what the API can make and what it cannot (grouped by reason).
    private func partition(_ changes: [FieldChange], of resource: ResourceKind,
                           refusals: [ResourceField: String] = [:]) -> (allowed: [FieldChange], refused: [(reason: String, changes: [FieldChange])]) {
        let rules = resourceCapabilities(resource)
        var allowed: [FieldChange] = []
        var refused: [(reason: String, changes: [FieldChange])] = []
        for change in changes {
            var reason = refusals[change.field] ?? rules.reasonFieldIsNotEditable(change.field)
            if reason == nil, let permitted = rules.restrictedValues[change.field], case .choice(let value) = change.after, !permitted.contains(value) {
                reason = "\(config.kind.displayName) can only change `\(change.field)` to \(permitted.sorted().joined(separator: " or ")); "
                    + "make a new campaign for `\(value)`, or keep the manifest as it is"
            }
            if let reason {
                if let index = refused.firstIndex(where: { $0.reason == reason }) { refused[index].changes.append(change) } else { refused.append((reason, [change])) }
            } else {
                allowed.append(change)
            }
        }
        return (allowed, refused)
    }

    private mutating func block(_ kind: ActionKind, _ address: ResourceAddress, _ resource: ResourceKind, _ changes: [FieldChange],
                                reason: String, location: SourceLocation?) {
        blocked.append(BlockedChange(kind: kind, address: address, provider: alias, providerKind: config.kind, resource: resource,
                                     changes: changes, reason: reason, location: location))
    }

    private mutating func add(_ kind: ActionKind, _ address: ResourceAddress, _ resource: ResourceKind, target: ResourceTarget?,
                              parent: ResourceTarget? = nil, phase: SpendPhase, spend: SpendCeiling = .zero, changes: [FieldChange],
                              calls: [ProviderCall], dependsOn: [ActionID] = [], reason: String? = nil, location: SourceLocation?) {
        actions.append(PlanAction(kind: kind, address: address, provider: alias, providerKind: config.kind, resource: resource,
                                  target: target, parent: parent, phase: phase, spendChange: spend, changes: changes, calls: calls,
                                  dependsOn: dependsOn, reason: reason, location: location))
    }

    /// The phase of an edit by its effect on spend.
    private func phase(for spend: SpendCeiling) -> SpendPhase {
        spend.isNegative ? .lower : (spend.isPositive ? .raise : .neutral)
    }

    private mutating func planExisting(_ desired: Campaign, _ current: LiveCampaign, calls: any CampaignCalls, problems: inout [PlanningProblem]) {
        let address = ResourceAddress.campaign(alias, desired.name)
        let target = ResourceTarget.live(current.id)
        liveCampaignAddresses.insert(address)
        let actionsBefore = actions.count

        var changes = CampaignDiff.changes(desired: desired, live: current, provider: config.kind, today: today)
        var statusChange = changes.first { $0.field == .status }
        let wantedStatus = CampaignDiff.wantedStatus(desired, live: current, provider: config.kind) ?? current.status
        changes.removeAll { $0.field == .status }
        // A campaign that finished for good (NextRoll `completed`) cannot be resumed: shown, never attempted.
        if let change = statusChange, wantedStatus == .active, let word = current.platformStatus?.lowercased(),
           let reason = config.kind.capabilities.finalStatuses[word] {
            block(.resume, address, .campaign, [change], reason: reason, location: desired.location)
            statusChange = nil
        }
        var refusals = calls.refusals(changes, desired: desired, live: current)
        let startChanges = changes.contains { $0.field == .scheduleStart }, endChanges = changes.contains { $0.field == .scheduleEnd }
        if startChanges || endChanges,
           let reason = unreachableEnd(start: startChanges ? desired.schedule?.start : current.schedule?.start,
                                       end: endChanges ? desired.schedule?.end : current.schedule?.end, startIsLive: !startChanges) {
            if startChanges { refusals[.scheduleStart] = refusals[.scheduleStart] ?? reason }
            if endChanges { refusals[.scheduleEnd] = refusals[.scheduleEnd] ?? reason }
        }
        let (edits, refused) = partition(changes, of: .campaign, refusals: refusals)
        for group in refused {
            block(.update, address, .campaign, group.changes, reason: group.reason, location: desired.location)
        }

        let before = current.spendCeiling
        let status = statusChange == nil ? current.status : wantedStatus
        let budget = edits.contains { $0.field == .budget } ? desired.budget : current.budget
        let after = status == .active ? SpendCeiling(budget: budget ?? .uncapped, spent: current.lifetimeSpent) : .zero
        let folds = calls.statusTravelsWithEdits && !edits.isEmpty

        if let statusChange, wantedStatus == .paused {
            if folds {
                add(.pause, address, .campaign, target: target, phase: .lower, spend: after - before, changes: [statusChange] + edits,
                    calls: calls.update(target, changes: edits, desired: desired, live: current, status: .paused), location: desired.location)
            } else {
                add(.pause, address, .campaign, target: target, phase: .lower, spend: after - before, changes: [statusChange],
                    calls: calls.pause(target), location: desired.location)
                if !edits.isEmpty {
                    add(.update, address, .campaign, target: target, phase: .neutral, changes: edits,
                        calls: calls.update(target, changes: edits, desired: desired, live: current, status: nil), location: desired.location)
                }
            }
        } else if let statusChange {
            if folds {
                add(.resume, address, .campaign, target: target, phase: .serve, spend: after - before, changes: [statusChange] + edits,
                    calls: calls.update(target, changes: edits, desired: desired, live: current, status: .active), location: desired.location)
            } else {
                if !edits.isEmpty {
                    add(.update, address, .campaign, target: target, phase: .neutral, changes: edits,
                        calls: calls.update(target, changes: edits, desired: desired, live: current, status: nil), location: desired.location)
                }
                add(.resume, address, .campaign, target: target, phase: .serve, spend: after - before, changes: [statusChange],
                    calls: calls.resume(target), location: desired.location)
            }
        } else if !edits.isEmpty {
            let spend = after - before
            add(.update, address, .campaign, target: target, phase: phase(for: spend), spend: spend, changes: edits,
                calls: calls.update(target, changes: edits, desired: desired, live: current, status: nil), location: desired.location)
        }

        // Hashing the live state costs; only resources the plan acts on need a fingerprint.
        if actions.count > actionsBefore { fingerprints[address] = .of(current, at: address) }

        guard config.kind == .nextroll else { return }
        let matches = IdentityMatcher.matchAdGroups(desired.adGroups, live: current.adGroups, campaign: address, problems: &problems)
        for (group, match) in zip(desired.adGroups, matches) {
            if let match {
                planExistingAdGroup(group, current.adGroups[match], campaign: current, address: address.adGroup(group.name))
            } else {
                planNewAdGroup(group, campaign: target, campaignID: current.id, address: address.adGroup(group.name), after: nil)
            }
        }
        if config.prune == .pause, desired.listsAdGroups {
            let matched = Set(matches.compactMap { $0 })
            planAdGroupPrune(current.adGroups.indices.filter { !matched.contains($0) }.map { current.adGroups[$0] },
                             campaign: current, address: address, declaredNames: Set(desired.adGroups.map(\.name)))
        }
    }

    private mutating func planNew(_ desired: Campaign, calls: any CampaignCalls) {
        let address = ResourceAddress.campaign(alias, desired.name)
        let rules = resourceCapabilities(.campaign)
        fingerprints[address] = ResourceFingerprint(address: address, resource: .campaign, name: desired.name, externalID: desired.externalID)
        let creation = CampaignDiff.creation(of: desired)
        func blockAll(_ reason: String) {
            block(.create, address, .campaign, creation, reason: reason, location: desired.location)
            for group in desired.adGroups {
                block(.create, address.adGroup(group.name), .adGroup, AdGroupDiff.creation(of: group),
                      reason: "its campaign cannot be created: \(reason)", location: group.location)
            }
        }
        if case .unsupported(let reason) = rules.creation {
            blockAll(reason)
            return
        }
        for (field, reason) in rules.requiredOnCreate.sorted(by: { $0.key < $1.key }) where !creation.contains(where: { $0.field == field }) {
            blockAll(reason)
            return
        }
        if let reason = calls.createRefusal(desired) ?? unreachableEnd(start: desired.schedule?.start, end: desired.schedule?.end, startIsLive: false) {
            blockAll(reason)
            return
        }
        // Everything the manifest sets must be settable on create; the create goes ahead without the rest.
        let notCreatable = creation.filter { !rules.creatableFields.contains($0.field) && $0.field != .status }
        if !notCreatable.isEmpty {
            block(.create, address, .campaign, notCreatable,
                  reason: "\(config.kind.displayName) cannot set these when creating a campaign", location: desired.location)
        }
        let fields = creation.filter { rules.creatableFields.contains($0.field) || $0.field == .status }
        let createID = ActionID(.create, address)
        switch rules.creation {
        case .dark:
            add(.create, address, .campaign, target: nil, phase: .build, changes: fields,
                calls: calls.create(desired, in: config, serving: false), location: desired.location)
            if desired.creationStatus == .active {
                add(.resume, address, .campaign, target: .created(by: createID), phase: .serve, spend: SpendCeiling(budget: desired.budget ?? .uncapped),
                    changes: [FieldChange(.status, .choice(ServingStatus.paused.rawValue), .choice(ServingStatus.active.rawValue))],
                    calls: calls.resume(.created(by: createID)), dependsOn: [createID],
                    reason: "created dark; serves once everything in it is in place", location: desired.location)
            }
        case .asDesired, .serving:
            let serving = desired.creationStatus == .active || rules.creation == .serving
            let spend = serving ? SpendCeiling(budget: desired.budget ?? .uncapped) : .zero
            add(.create, address, .campaign, target: nil, phase: spend.isPositive ? .raise : .build, spend: spend, changes: fields,
                calls: calls.create(desired, in: config, serving: serving), location: desired.location)
        case .unsupported:
            break
        }
        for group in desired.adGroups {
            planNewAdGroup(group, campaign: .created(by: createID), campaignID: nil, address: address.adGroup(group.name), after: createID)
        }
    }

    /// Why an end date cannot be reached, or nil: the end (exclusive) must be after the start the
    /// campaign will have. A new campaign without a start starts on the platform's default day (Topsort
    /// now, NextRoll tomorrow); Topsort moves a start in the past to today. `startIsLive`: the start is
    /// the live campaign's, which stays as it is.
    private func unreachableEnd(start: CalendarDate?, end: CalendarDate?, startIsLive: Bool) -> String? {
        guard let end else { return nil }
        var effectiveStart = start
        var moved = ""
        if startIsLive {
            if effectiveStart == nil, capabilities.clampsPastStartDates { effectiveStart = today }
        } else {
            if effectiveStart == nil, let days = capabilities.defaultStartDaysFromToday {
                effectiveStart = CalendarDate(daysSinceEpoch: today.daysSinceEpoch + days)
            }
            if capabilities.clampsPastStartDates, let given = effectiveStart, given < today { effectiveStart = today }
            if let effective = effectiveStart, effective != start || (capabilities.clampsPastStartDates && effective == today) {
                moved = capabilities.clampsPastStartDates
                    ? " (\(config.kind.displayName) starts a campaign no earlier than today, \(today))"
                    : " (\(config.kind.displayName) starts a campaign without a start date on \(effective))"
            }
        }
        guard let effectiveStart, end <= effectiveStart else { return nil }
        return "\(config.kind.displayName) needs the end date after the start date\(moved): `schedule.end` \(end) is not after \(effectiveStart); "
            + "set a later end date\(startIsLive || start != nil ? "" : " or a start date"), or leave the campaign as it is"
    }

    private mutating func planPrune(_ unmatched: [LiveCampaign], declaredNames: Set<String>, calls: any CampaignCalls) {
        guard config.prune == .pause else { return }
        var nameCounts: [String: Int] = [:]
        for campaign in unmatched { nameCounts[campaign.name, default: 0] += 1 }
        for campaign in unmatched where campaign.status == .active {
            // Names shared with another campaign get the ID, so every address stays unique.
            let unique = nameCounts[campaign.name] == 1 && !declaredNames.contains(campaign.name)
            let address = ResourceAddress.campaign(alias, unique ? campaign.name : "\(campaign.name) [\(campaign.id)]")
            let change = FieldChange(.status, .choice(ServingStatus.active.rawValue), .choice(ServingStatus.paused.rawValue))
            let reason = "no manifest declares it and `\(alias)` has `prune: pause`"
            liveCampaignAddresses.insert(address)
            guard resourceCapabilities(.campaign).pausable else {
                block(.pause, address, .campaign, [change], reason: "\(reason), but \(config.kind.displayName) campaigns cannot be paused through the API",
                      location: nil)
                continue
            }
            fingerprints[address] = .of(campaign, at: address)
            let target = ResourceTarget.live(campaign.id)
            add(.pause, address, .campaign, target: target, phase: .lower, spend: .zero - campaign.spendCeiling, changes: [change],
                calls: calls.pause(target), reason: reason, location: nil)
        }
    }

    // MARK: Ad groups (NextRoll)

    /// Under `prune: pause`, the serving ad groups a campaign's `adgroups:` list leaves out are paused.
    private mutating func planAdGroupPrune(_ unmatched: [LiveAdGroup], campaign: LiveCampaign, address: ResourceAddress, declaredNames: Set<String>) {
        var nameCounts: [String: Int] = [:]
        for group in unmatched { nameCounts[group.name, default: 0] += 1 }
        for group in unmatched where group.status == .active {
            // Names shared with another ad group get the ID, so every address stays unique.
            let unique = nameCounts[group.name] == 1 && !declaredNames.contains(group.name)
            let groupAddress = address.adGroup(unique ? group.name : "\(group.name) [\(group.id)]")
            fingerprints[groupAddress] = .of(group, campaignID: campaign.id, at: groupAddress)
            let target = ResourceTarget.live(group.id)
            add(.pause, groupAddress, .adGroup, target: target, parent: .live(campaign.id), phase: .lower,
                changes: [FieldChange(.status, .choice(ServingStatus.active.rawValue), .choice(ServingStatus.paused.rawValue))],
                calls: NextRollCalls().pauseAdGroup(target),
                reason: "the manifest's `adgroups:` list for this campaign leaves it out and `\(alias)` has `prune: pause`", location: nil)
        }
    }

    private mutating func planNewAdGroup(_ group: AdGroup, campaign: ResourceTarget, campaignID: String?, address: ResourceAddress, after create: ActionID?) {
        fingerprints[address] = ResourceFingerprint(address: address, resource: .adGroup, parentID: campaignID, name: group.name)
        add(.create, address, .adGroup, target: nil, parent: campaign, phase: .build, changes: AdGroupDiff.creation(of: group),
            calls: NextRollCalls().createAdGroup(group, campaign: campaign), dependsOn: create.map { [$0] } ?? [], location: group.location)
    }

    private mutating func planExistingAdGroup(_ desired: AdGroup, _ current: LiveAdGroup, campaign: LiveCampaign, address: ResourceAddress) {
        let actionsBefore = actions.count
        defer { if actions.count > actionsBefore { fingerprints[address] = .of(current, campaignID: campaign.id, at: address) } }
        let calls = NextRollCalls()
        let target = ResourceTarget.live(current.id)
        let parent = ResourceTarget.live(campaign.id)
        var changes = AdGroupDiff.changes(desired: desired, live: current)
        let statusChange = changes.first { $0.field == .status }
        let adsChange = changes.first { $0.field == .ads }
        changes.removeAll { $0.field == .status || $0.field == .ads }
        let (edits, refused) = partition(changes, of: .adGroup)
        for group in refused { block(.update, address, .adGroup, group.changes, reason: group.reason, location: desired.location) }

        if let statusChange {
            let kind: ActionKind = desired.status == .paused ? .pause : .resume
            // adgroup/edit takes the status with the other edits; alone, pause and unpause are the documented calls.
            let stepCalls = edits.isEmpty ? (kind == .pause ? calls.pauseAdGroup(target) : calls.resumeAdGroup(target))
                : calls.editAdGroup(target, changes: edits, desired: desired, status: desired.status)
            add(kind, address, .adGroup, target: target, parent: parent, phase: kind == .pause ? .lower : .serve,
                changes: [statusChange] + edits, calls: stepCalls, location: desired.location)
        } else if !edits.isEmpty {
            add(.update, address, .adGroup, target: target, parent: parent, phase: .neutral, changes: edits,
                calls: calls.editAdGroup(target, changes: edits, desired: desired, status: nil), location: desired.location)
        }
        if let adsChange {
            if !adsChange.added.isEmpty {
                add(.attach, address, .adGroup, target: target, parent: parent, phase: .neutral,
                    changes: [FieldChange(.ads, adsChange.before, .strings(current.ads.union(adsChange.added)))],
                    calls: calls.selectAds(target, adsChange.added), location: desired.location)
            }
            if !adsChange.removed.isEmpty {
                add(.detach, address, .adGroup, target: target, parent: parent, phase: .neutral,
                    changes: [FieldChange(.ads, adsChange.before, .strings(current.ads.subtracting(adsChange.removed)))],
                    calls: calls.deselectAds(target, adsChange.removed), location: desired.location)
            }
        }
    }

    // MARK: Segments (NextRoll)

    private mutating func planSegment(_ desired: AudienceSegment, problems: inout [PlanningProblem]) {
        let address = ResourceAddress.segment(alias, desired.id)
        let candidates = live.segments.filter { $0.id == desired.id }
        guard let current = IdentityMatcher.single(candidates, address: address, location: desired.location, what: "segment", problems: &problems) else {
            if candidates.isEmpty {
                var changes: [FieldChange] = []
                if let value = desired.conversionValue { changes.append(FieldChange(.conversionValue, .none, .money(value))) }
                if let duration = desired.duration { changes.append(FieldChange(.duration, .none, .integer(duration))) }
                let reason: String
                if case .unsupported(let why) = resourceCapabilities(.segment).creation { reason = "no live segment has this EID; \(why)" } else { reason = "no live segment has this EID" }
                block(.update, address, .segment, changes, reason: reason, location: desired.location)
            }
            return
        }
        var changes: [FieldChange] = []
        if let value = desired.conversionValue, !ValueNormalization.sameCharge(value, current.conversionValue) {
            changes.append(FieldChange(.conversionValue, .optional(current.conversionValue), .money(value)))
        }
        if let duration = desired.duration, duration != current.duration {
            changes.append(FieldChange(.duration, current.duration.map(FieldValue.integer) ?? .none, .integer(duration)))
        }
        let (edits, refused) = partition(changes, of: .segment)
        for group in refused { block(.update, address, .segment, group.changes, reason: group.reason, location: desired.location) }
        guard !edits.isEmpty else { return }
        fingerprints[address] = .of(current, at: address)
        add(.update, address, .segment, target: .live(current.id), phase: .neutral, changes: edits,
            calls: NextRollCalls().editSegment(current.id, conversionValue: desired.conversionValue ?? current.conversionValue,
                                               duration: desired.duration ?? current.duration),
            location: desired.location)
    }

    // MARK: Retail campaigns (Jivox)

    private mutating func planRetailCampaign(_ desired: RetailCampaign, problems: inout [PlanningProblem]) {
        let address = ResourceAddress.retailCampaign(alias, desired.idx)
        let candidates = live.retailCampaigns.filter { $0.idx == desired.idx }
        let folder = desired.resolvedTagsFolder
        guard let current = IdentityMatcher.single(candidates, address: address, location: desired.location, what: "retail campaign", problems: &problems) else {
            if candidates.isEmpty {
                var reason = "no retail campaign \(desired.idx) in Jivox account `\(live.account)`"
                if case .unsupported(let why) = resourceCapabilities(.retailCampaign).creation { reason += "; \(why)" }
                block(.activate, address, .retailCampaign, activationChanges(desired, nil), reason: reason, location: desired.location)
            }
            return
        }
        let actionsBefore = actions.count
        defer { if actions.count > actionsBefore { fingerprints[address] = .of(current, at: address) } }
        let calls = JivoxCalls()
        let target = ResourceTarget.live(String(desired.idx))
        let wanted = desired.trackers.map(ValueNormalization.trackers)
        let needsActive = wanted != nil || !desired.exports.isEmpty || folder != nil
        let activates = (!current.active && needsActive) || (current.active && wanted != nil && wanted != ValueNormalization.trackers(current.trackers))
        var activation: ActionID?
        if activates {
            let changes = activationChanges(desired, current)
            if let available = current.availableTrackers.map(ValueNormalization.trackers), let wanted, !wanted.isSubset(of: available) {
                let missing = wanted.subtracting(available).sorted().joined(separator: ", ")
                block(.activate, address, .retailCampaign, changes,
                      reason: "tracker \(missing) is not offered for this retail campaign (it offers \(available.isEmpty ? "none" : available.sorted().joined(separator: ", ")))",
                      location: desired.location)
                if !current.active {
                    for export in desired.exports where !(current.export(export)?.status.isSatisfied ?? false) {
                        block(.export, address.export(export), .export, [exportChange(export, current)],
                              reason: "exports need the retail campaign activated, and its activation is blocked", location: desired.location)
                    }
                    return
                }
            } else {
                let id = ActionID(.activate, address)
                add(.activate, address, .retailCampaign, target: target, phase: .serve, changes: changes,
                    calls: calls.activate(account: live.account, idx: desired.idx, trackers: desired.trackers ?? []),
                    reason: desired.trackers == nil ? "exports and tags need the retail campaign activated" : nil, location: desired.location)
                activation = id
            }
        }
        for export in desired.exports where !(current.export(export)?.status.isSatisfied ?? false) {
            add(.export, address.export(export), .export, target: target, phase: .serve, changes: [exportChange(export, current)],
                calls: calls.export(account: live.account, idx: desired.idx, asset: export), dependsOn: activation.map { [$0] } ?? [],
                location: desired.location)
        }
        if let folder, activation != nil || current.tagsFile == nil {
            add(.download, address.tags, .tags, target: target, phase: .serve,
                changes: [FieldChange(.tags, .optional(current.tagsFile), .text(folder))],
                calls: calls.downloadTags(account: live.account, idx: desired.idx, folder: folder), dependsOn: activation.map { [$0] } ?? [],
                location: desired.location)
        }
    }

    private func activationChanges(_ desired: RetailCampaign, _ current: LiveRetailCampaign?) -> [FieldChange] {
        var changes: [FieldChange] = []
        if current?.active != true { changes.append(FieldChange(.activation, .boolean(false), .boolean(true))) }
        let trackers = desired.trackers ?? []
        if current.map({ ValueNormalization.trackers($0.trackers) != ValueNormalization.trackers(trackers) }) ?? true {
            changes.append(FieldChange(.trackers, current.map { .strings($0.trackers) } ?? .none, .strings(trackers)))
        }
        return changes
    }

    private func exportChange(_ export: AssetExport, _ current: LiveRetailCampaign) -> FieldChange {
        FieldChange(.export, current.export(export).map { .choice($0.status.rawValue) } ?? .none, .choice(ExportStatus.completed.rawValue))
    }
}
