/// Which platform resource an action (or call parameter) refers to: one that exists, by its ID, or one
/// a create earlier in the plan makes, whose returned ID the applier passes on.
///
/// JSON: `{"id": "CAMPEID"}` or `{"created_by": "create nextroll-us/campaign/Spring Sale"}`.
public enum ResourceTarget: Sendable, Hashable, CustomStringConvertible {
    case live(String)
    case created(by: ActionID)

    public var liveID: String? {
        if case .live(let id) = self { return id }
        return nil
    }

    public var creator: ActionID? {
        if case .created(let action) = self { return action }
        return nil
    }

    public var description: String {
        switch self {
        case .live(let id): return id
        case .created(let action): return "(id from \(action))"
        }
    }
}

extension ResourceTarget: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LiveCoding.Key.self)
        if let id = try container.decodeIfPresent(String.self, forKey: LiveCoding.Key("id")) {
            self = .live(id)
        } else if let action = try container.decodeIfPresent(ActionID.self, forKey: LiveCoding.Key("created_by")) {
            self = .created(by: action)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a resource reference needs `id` or `created_by`"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LiveCoding.Key.self)
        try encodeMembers(into: &container)
    }

    func encodeMembers(into container: inout KeyedEncodingContainer<LiveCoding.Key>) throws {
        switch self {
        case .live(let id): try container.encode(id, forKey: LiveCoding.Key("id"))
        case .created(let action): try container.encode(action, forKey: LiveCoding.Key("created_by"))
        }
    }
}
