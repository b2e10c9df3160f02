import Foundation

/// The field-level differences between a desired campaign and its live match, after normalization.
/// Fields the manifest leaves out (nil) are not managed and never differ.
public enum CampaignDiff {
    public static func changes(desired: Campaign, live: LiveCampaign, provider: ProviderKind, today: CalendarDate) -> [FieldChange] {
        let capabilities = provider.capabilities
        var changes: [FieldChange] = []
        if desired.name != live.name {
            changes.append(FieldChange(.name, .text(live.name), .text(desired.name)))
        }
        if capabilities.resource(.campaign)?.pausable == true, let status = wantedStatus(desired, live: live, provider: provider), status != live.status {
            changes.append(FieldChange(.status, .choice(live.status.rawValue), .choice(status.rawValue)))
        }
        if let budget = desired.budget, !ValueNormalization.budgetMatches(budget, live, for: provider) {
            changes.append(FieldChange(.budget, .optional(ValueNormalization.manifestForm(live, for: provider)), .budget(budget)))
        }
        if let start = desired.schedule?.start,
           !ValueNormalization.sameStart(start, live.schedule?.start, today: today, clampsPastDates: capabilities.clampsPastStartDates) {
            changes.append(FieldChange(.scheduleStart, .optional(live.schedule?.start), .date(start)))
        }
        if let end = desired.schedule?.end, end != live.schedule?.end {
            changes.append(FieldChange(.scheduleEnd, .optional(live.schedule?.end), .date(end)))
        }
        if let bidding = desired.bidding {
            let current = live.bidding ?? Bidding()
            func money(_ field: ResourceField, _ wanted: Money?, _ existing: Money?) {
                if let wanted, !ValueNormalization.sameCharge(wanted, existing) {
                    changes.append(FieldChange(field, .optional(existing), .money(wanted)))
                }
            }
            money(.cpc, bidding.cpc, current.cpc)
            money(.cpm, bidding.cpm, current.cpm)
            money(.maxCPM, bidding.maxCPM, current.maxCPM)
            if let strategy = bidding.strategy, strategy != current.strategy {
                changes.append(FieldChange(.biddingType, .optionalChoice(current.strategy), .choice(strategy.rawValue)))
            }
            if let objective = bidding.objective, objective != current.objective {
                changes.append(FieldChange(.objective, .optionalChoice(current.objective), .choice(objective.rawValue)))
            }
            if let roas = bidding.targetROAS, roas != current.targetROAS {
                changes.append(FieldChange(.targetROAS, .optional(current.targetROAS), .decimal(roas)))
            }
            if let charge = bidding.charge, charge != current.charge {
                changes.append(FieldChange(.charge, .optionalChoice(current.charge), .choice(charge.rawValue)))
            }
        }
        if let retargeting = desired.retargeting, retargeting != live.retargeting {
            changes.append(FieldChange(.retargeting, .optional(live.retargeting), .boolean(retargeting)))
        }
        if let goal = desired.goal, goal != live.goal {
            changes.append(FieldChange(.goal, .optionalChoice(live.goal), .choice(goal.rawValue)))
        }
        if let externalID = desired.externalID, externalID != live.externalID {
            changes.append(FieldChange(.externalID, .optional(live.externalID), .text(externalID)))
        }
        if let targeting = desired.targeting {
            let current = live.targeting ?? Selection()
            if targeting.include != current.include {
                changes.append(FieldChange(.targetingInclude, .integers(current.include), .integers(targeting.include)))
            }
            if targeting.exclude != current.exclude {
                changes.append(FieldChange(.targetingExclude, .integers(current.exclude), .integers(targeting.exclude)))
            }
        }
        return changes
    }

    /// The status the manifest asks of a live campaign: its `status:`; when that is left out, nil (the
    /// live status is left alone) unless the campaign was created dark and never launched, which gets
    /// the status a new campaign gets.
    public static func wantedStatus(_ desired: Campaign, live: LiveCampaign, provider: ProviderKind) -> ServingStatus? {
        if let status = desired.status { return status }
        guard let word = live.platformStatus, provider.capabilities.unlaunchedStatuses.contains(word.lowercased()) else { return nil }
        return desired.creationStatus
    }

    /// The fields a new campaign sets, as changes from nothing.
    public static func creation(of desired: Campaign) -> [FieldChange] {
        var changes = [FieldChange(.name, .none, .text(desired.name)), FieldChange(.status, .none, .choice(desired.creationStatus.rawValue))]
        if let budget = desired.budget { changes.append(FieldChange(.budget, .none, .budget(budget))) }
        if let start = desired.schedule?.start { changes.append(FieldChange(.scheduleStart, .none, .date(start))) }
        if let end = desired.schedule?.end { changes.append(FieldChange(.scheduleEnd, .none, .date(end))) }
        if let bidding = desired.bidding {
            if let cpc = bidding.cpc { changes.append(FieldChange(.cpc, .none, .money(cpc))) }
            if let cpm = bidding.cpm { changes.append(FieldChange(.cpm, .none, .money(cpm))) }
            if let maxCPM = bidding.maxCPM { changes.append(FieldChange(.maxCPM, .none, .money(maxCPM))) }
            if let strategy = bidding.strategy { changes.append(FieldChange(.biddingType, .none, .choice(strategy.rawValue))) }
            if let objective = bidding.objective { changes.append(FieldChange(.objective, .none, .choice(objective.rawValue))) }
            if let roas = bidding.targetROAS { changes.append(FieldChange(.targetROAS, .none, .decimal(roas))) }
            if let charge = bidding.charge { changes.append(FieldChange(.charge, .none, .choice(charge.rawValue))) }
        }
        if let retargeting = desired.retargeting { changes.append(FieldChange(.retargeting, .none, .boolean(retargeting))) }
        if let goal = desired.goal { changes.append(FieldChange(.goal, .none, .choice(goal.rawValue))) }
        if let externalID = desired.externalID { changes.append(FieldChange(.externalID, .none, .text(externalID))) }
        if let targeting = desired.targeting {
            changes.append(FieldChange(.targetingInclude, .none, .integers(targeting.include)))
            changes.append(FieldChange(.targetingExclude, .none, .integers(targeting.exclude)))
        }
        return changes
    }
}
