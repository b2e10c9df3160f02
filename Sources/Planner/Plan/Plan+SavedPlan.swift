import Foundation

extension Plan {
    /// The plan as its JSON document (pretty-printed, byte-stable for the same plan).
    public func jsonText() throws -> String {
        try JSONValueEncoder().encode(self).serialized() + "\n"
    }

    /// Reads a saved plan and checks that it holds together (see `validationProblems`).
    public init(json data: Data, file: String) throws(PlanFileError) {
        let value: JSONValue
        do {
            value = try JSONParser().parse(data)
        } catch {
            throw PlanFileError(file: "\(file):\(error.line):\(error.column)", message: error.message,
                                hint: "a saved plan is the JSON `reconcile plan --out FILE` writes; make it again")
        }
        do {
            self = try JSONValueDecoder().decode(Plan.self, from: value)
        } catch {
            throw PlanFileError(file: file, message: JSONValueDecoder.describe(error),
                                hint: "a saved plan is the JSON `reconcile plan --out FILE` writes; make it again")
        }
        let problems = validationProblems
        guard problems.isEmpty else {
            throw PlanFileError(file: file, message: problems.joined(separator: "; "),
                                hint: "the plan file was changed after it was written; make it again with `reconcile plan --out`")
        }
    }

    public init(contentsOf path: String) throws(PlanFileError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlanFileError(file: path, message: "cannot read the plan file", hint: "check the path")
        }
        try self.init(json: data, file: path)
    }

    /// What is wrong with the plan's structure: duplicate actions, dependencies on unknown or later
    /// actions, references to creates that are not in the plan, resources without a fingerprint,
    /// malformed fingerprints, providers the actions name but the plan does not describe.
    public var validationProblems: [String] {
        var problems: [String] = []
        var seen: [ActionID: Int] = [:]
        for (position, action) in actions.enumerated() {
            if seen.updateValue(position, forKey: action.id) != nil { problems.append("action `\(action.id)` appears twice") }
        }
        let providerAliases = Set(providers.map(\.alias))
        let fingerprinted = Set(fingerprints.map(\.address))
        for (position, action) in actions.enumerated() {
            for dependency in action.dependsOn {
                guard let place = seen[dependency] else {
                    problems.append("`\(action.id)` depends on `\(dependency)`, which is not in the plan")
                    continue
                }
                if place >= position { problems.append("`\(action.id)` comes before its dependency `\(dependency)`") }
            }
            let references = [action.target, action.parent].compactMap { $0?.creator }
                + action.calls.flatMap(\.parameters).compactMap { parameter -> ActionID? in
                    if case .resource(let target) = parameter.value { return target.creator }
                    return nil
                }
            for creator in references where seen[creator] == nil {
                problems.append("`\(action.id)` needs the ID `\(creator)` returns, but that action is not in the plan")
            }
            if !providerAliases.contains(action.provider) { problems.append("`\(action.id)` names provider `\(action.provider)`, which the plan does not describe") }
            if !fingerprinted.contains(Plan.fingerprintAddress(of: action)) { problems.append("`\(action.id)` has no fingerprint of the live state") }
        }
        for entry in fingerprints {
            if let fingerprint = entry.fingerprint, !Plan.isWellFormed(fingerprint) {
                problems.append("fingerprint of `\(entry.address)` is malformed")
            }
            if entry.liveID != nil, entry.fingerprint == nil { problems.append("fingerprint of `\(entry.address)` is missing") }
        }
        return problems
    }

    /// The resource whose live state an action depends on: the retail campaign for exports and tags.
    static func fingerprintAddress(of action: PlanAction) -> ResourceAddress {
        switch action.resource {
        case .export, .tags: return action.address.parent ?? action.address
        default: return action.address
        }
    }

    static func isWellFormed(_ fingerprint: String) -> Bool {
        guard fingerprint.hasPrefix("fnv1a64:") else { return false }
        let digits = fingerprint.dropFirst("fnv1a64:".count)
        return digits.count == 16 && digits.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// Each resource the plan acts on whose live state is no longer what the plan was made from, given
    /// a fresh fetch: changed, gone, or (for a resource the plan creates) now already there.
    /// An empty result means the plan can be applied as it is.
    public func drift(against live: LiveState) -> [ResourceDrift] {
        var drifted: [ResourceDrift] = []
        for entry in fingerprints {
            guard let account = live[entry.address.provider] else {
                drifted.append(ResourceDrift(address: entry.address, reason: "provider `\(entry.address.provider)` was not fetched"))
                continue
            }
            if let reason = Plan.driftReason(entry, in: account) { drifted.append(ResourceDrift(address: entry.address, reason: reason)) }
        }
        return drifted
    }

    private static func driftReason(_ entry: ResourceFingerprint, in account: LiveAccount) -> String? {
        switch entry.resource {
        case .campaign:
            if let id = entry.liveID {
                guard let campaign = account.campaign(id: id) else { return "campaign \(id) no longer exists" }
                return ResourceFingerprint.hash(campaign) == entry.fingerprint ? nil : "campaign \(id) changed since the plan was made"
            }
            let existing = account.campaigns.first { campaign in
                if let external = entry.externalID, campaign.externalID == external { return true }
                return campaign.name == entry.name
                    && (entry.externalID == nil || campaign.externalID == nil || campaign.externalID == entry.externalID)
            }
            return existing.map { "the plan creates it, but campaign \($0.id) now exists with that identity" }
        case .adGroup:
            guard let parentID = entry.parentID else { return nil }  // inside a campaign the plan creates
            guard let campaign = account.campaign(id: parentID) else { return "its campaign \(parentID) no longer exists" }
            if let id = entry.liveID {
                guard let group = campaign.adGroups.first(where: { $0.id == id }) else { return "ad group \(id) no longer exists" }
                return ResourceFingerprint.hash(group) == entry.fingerprint ? nil : "ad group \(id) changed since the plan was made"
            }
            return campaign.adGroups.first { $0.name == entry.name }.map { "the plan creates it, but ad group \($0.id) now exists with that name" }
        case .segment:
            guard let id = entry.liveID, let segment = account.segment(id: id) else { return "segment \(entry.liveID ?? "?") no longer exists" }
            return ResourceFingerprint.hash(segment) == entry.fingerprint ? nil : "segment \(id) changed since the plan was made"
        case .retailCampaign, .export, .tags:
            guard let text = entry.liveID, let idx = Int(text), let retail = account.retailCampaign(idx: idx) else {
                return "retail campaign \(entry.liveID ?? "?") no longer exists"
            }
            return ResourceFingerprint.hash(retail) == entry.fingerprint ? nil : "retail campaign \(idx) changed since the plan was made"
        }
    }
}
