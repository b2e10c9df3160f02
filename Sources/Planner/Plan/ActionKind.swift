/// What an action does to its resource.
public enum ActionKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Stops a campaign or ad group from serving (DESIGN: never delete).
    case pause
    /// Changes fields of an existing resource.
    case update
    /// Removes ads from an ad group.
    case detach
    /// Adds ads to an ad group.
    case attach
    /// Makes a new resource.
    case create
    /// Lets a paused or newly built campaign or ad group serve.
    case resume
    /// Activates a Jivox retail campaign for tag generation, with trackers.
    case activate
    /// Starts a Jivox asset export.
    case export
    /// Downloads a Jivox retail campaign's tags CSV into the manifest's folder.
    case download

    public var description: String { rawValue }

    /// The order actions on the same resource are listed in when nothing else decides.
    public static func < (lhs: ActionKind, rhs: ActionKind) -> Bool {
        let order = ActionKind.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }

    /// The verb for summaries: "3 to create".
    public var summaryNoun: String {
        switch self {
        case .pause: return "to pause"
        case .update: return "to update"
        case .detach: return "to detach"
        case .attach: return "to attach"
        case .create: return "to create"
        case .resume: return "to resume"
        case .activate: return "to activate"
        case .export: return "to export"
        case .download: return "to download"
        }
    }
}
