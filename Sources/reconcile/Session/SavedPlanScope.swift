import Planner

/// What a saved plan needs read from the live accounts, as the manifest the clients fetch for:
/// its provider blocks, and the segments and retail campaigns its actions and fingerprints name.
enum SavedPlanScope {
    static func manifest(for plan: Plan, file: String) -> Manifest {
        let location = SourceLocation(file: file, line: 1, column: 1)
        var manifest = Manifest(providers: plan.providers.map { $0.providerConfig(planFile: file) }, files: [file])
        var segments = Set<ResourceAddress>(), retail = Set<ResourceAddress>()
        for address in plan.fingerprints.map(\.address) + plan.actions.map(\.address) {
            guard let first = address.components.first, first.name != nil else { continue }
            switch first.kind {
            case "segment": segments.insert(ResourceAddress(provider: address.provider, components: [first]))
            case "retail_campaign": retail.insert(ResourceAddress(provider: address.provider, components: [first]))
            default: break
            }
        }
        for address in segments.sorted() {
            guard let id = address.components.first?.name else { continue }
            manifest.segments.append(AudienceSegment(id: id, provider: address.provider, location: location))
        }
        for address in retail.sorted() {
            guard let text = address.components.first?.name, let idx = Int(text) else { continue }
            manifest.retailCampaigns.append(RetailCampaign(provider: address.provider, idx: idx, location: location))
        }
        return manifest
    }
}
