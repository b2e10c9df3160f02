/// The field-level differences between a desired NextRoll ad group and its live match.
public enum AdGroupDiff {
    public static func changes(desired: AdGroup, live: LiveAdGroup) -> [FieldChange] {
        var changes: [FieldChange] = []
        if let status = desired.status, status != live.status {
            changes.append(FieldChange(.status, .choice(live.status.rawValue), .choice(status.rawValue)))
        }
        if let segments = desired.segments {
            if !ValueNormalization.sameMembers(segments.include, live.segments.include) {
                changes.append(FieldChange(.segmentsInclude, .strings(live.segments.include), .strings(segments.include)))
            }
            if !ValueNormalization.sameMembers(segments.exclude, live.segments.exclude) {
                changes.append(FieldChange(.segmentsExclude, .strings(live.segments.exclude), .strings(segments.exclude)))
            }
        }
        if let geo = desired.geo {
            if !ValueNormalization.sameGeo(geo.include, live.geo.include) {
                changes.append(FieldChange(.geoInclude, .geoTargets(live.geo.include), .geoTargets(geo.include)))
            }
            if !ValueNormalization.sameGeo(geo.exclude, live.geo.exclude) {
                changes.append(FieldChange(.geoExclude, .geoTargets(live.geo.exclude), .geoTargets(geo.exclude)))
            }
        }
        if let ads = desired.ads, !ValueNormalization.sameMembers(ads, live.ads) {
            changes.append(FieldChange(.ads, .strings(live.ads), .strings(ads)))
        }
        return changes
    }

    /// The fields a new ad group sets, as changes from nothing.
    public static func creation(of desired: AdGroup) -> [FieldChange] {
        var changes = [FieldChange(.name, .none, .text(desired.name)), FieldChange(.status, .none, .choice(desired.creationStatus.rawValue))]
        if let segments = desired.segments {
            changes.append(FieldChange(.segmentsInclude, .none, .strings(segments.include)))
            changes.append(FieldChange(.segmentsExclude, .none, .strings(segments.exclude)))
        }
        if let geo = desired.geo {
            changes.append(FieldChange(.geoInclude, .none, .geoTargets(geo.include)))
            changes.append(FieldChange(.geoExclude, .none, .geoTargets(geo.exclude)))
        }
        if let ads = desired.ads { changes.append(FieldChange(.ads, .none, .strings(ads))) }
        return changes
    }
}
