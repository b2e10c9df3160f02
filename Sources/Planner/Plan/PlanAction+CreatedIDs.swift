extension PlanAction {
    /// The creates earlier in the plan whose returned IDs this action sends (as its target, its
    /// parent or a call parameter).
    public var neededCreates: [ActionID] {
        var needed: [ActionID] = []
        for reference in [target, parent].compactMap({ $0 }) + calls.flatMap(\.parameters).compactMap(\.value.resourceTarget) {
            if let creator = reference.creator, !needed.contains(creator) { needed.append(creator) }
        }
        return needed
    }

    /// The action with every reference to a create replaced by the ID that create returned, as the
    /// applier records them; references to creates not in `ids` stay as they are.
    public func resolvingCreatedIDs(_ ids: [ActionID: String]) -> PlanAction {
        func resolve(_ reference: ResourceTarget?) -> ResourceTarget? {
            guard let reference, let creator = reference.creator, let id = ids[creator] else { return reference }
            return .live(id)
        }
        var resolved = self
        resolved.target = resolve(target)
        resolved.parent = resolve(parent)
        resolved.calls = calls.map { call in
            var call = call
            call.parameters = call.parameters.map { parameter in
                guard case .resource(let reference) = parameter.value, let live = resolve(reference) else { return parameter }
                return CallParameter(parameter.name, .resource(live))
            }
            return call
        }
        return resolved
    }
}

extension FieldValue {
    /// The resource a `.resource` value refers to.
    public var resourceTarget: ResourceTarget? {
        if case .resource(let target) = self { return target }
        return nil
    }
}
