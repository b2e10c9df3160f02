import Foundation
import Planner

/// Update actions laid out as Criteo bulk PATCH items, and the answer mapped back to the actions.
///
/// Criteo refuses a payload that names one campaign twice
/// (`campaign--campaign-update-check--cannot-update-same-campaign-multiple-times`), so every change to a
/// campaign is merged into one item; two actions that set the same attribute of one campaign to
/// different values cannot both be right, and the later one is refused. Each item succeeds or fails on
/// its own: its error (`instance: "@data/N"`) fails exactly the actions merged into item N.
struct CriteoBulkUpdate {
    /// One attribute value and where it goes (`["spendLimit", "spendLimitAmount"]`).
    typealias Leaf = (path: [String], value: JSONValue)

    /// One campaign's merged changes.
    struct Item {
        var campaignID: String
        /// Attribute leaves in the order first set (`spendLimit.spendLimitAmount`, `goal`).
        var leaves: [Leaf]
        /// The input positions of the actions merged into it.
        var actions: [Int]

        var resource: JSONValue {
            var attributes = JSONValue.object([])
            for leaf in leaves { attributes.setMember(at: leaf.path, leaf.value) }
            return .object([("type", .string("Campaign")), ("id", .string(campaignID)), ("attributes", attributes)])
        }
    }

    /// What became of one item.
    enum ItemOutcome: Equatable {
        case updated(warning: String?)
        case failed(ActionFailure)
    }

    private(set) var items: [Item] = []
    /// Actions that cannot be sent, by input position, with the reason.
    private(set) var refused: [Int: ActionFailure] = [:]

    init(_ actions: [PlanAction]) {
        var itemIndex: [String: Int] = [:]
        for (position, action) in actions.enumerated() {
            do throws(ActionFailure) {
                // Everything is checked before anything is merged, so an action goes whole or not at all.
                var changes: [(campaignID: String, leaves: [Leaf], call: ProviderCall)] = []
                for call in action.calls {
                    let (campaignID, leaves) = try Self.change(call)
                    if let index = changes.firstIndex(where: { $0.campaignID == campaignID }) {
                        changes[index].leaves = try Self.merge(leaves, into: changes[index].leaves, campaignID: campaignID, call: call, earlier: [action.id])
                    } else {
                        changes.append((campaignID, leaves, call))
                    }
                }
                // Each change merged with its campaign's item, if there is one already.
                var merged: [(item: Int?, campaignID: String, leaves: [Leaf])] = []
                for change in changes {
                    if let index = itemIndex[change.campaignID] {
                        merged.append((index, change.campaignID, try Self.merge(change.leaves, into: items[index].leaves, campaignID: change.campaignID,
                                                                                call: change.call, earlier: items[index].actions.map { actions[$0].id })))
                    } else {
                        merged.append((nil, change.campaignID, change.leaves))
                    }
                }
                for change in merged {
                    if let index = change.item {
                        items[index].leaves = change.leaves
                        items[index].actions.append(position)
                    } else {
                        itemIndex[change.campaignID] = items.count
                        items.append(Item(campaignID: change.campaignID, leaves: change.leaves, actions: [position]))
                    }
                }
            } catch {
                refused[position] = error
            }
        }
    }

    /// `{"data": [items]}`.
    static func payload(_ items: ArraySlice<Item>) -> JSONValue {
        .object([("data", .array(items.map(\.resource)))])
    }

    /// Each item's outcome from the bulk answer (`data` lists the updated campaigns; `errors` and
    /// `warnings` name their item by `@data/N`). A problem that names no item fails every item the
    /// answer does not list as updated; an item the answer does not mention at all failed too.
    static func outcomes(of answer: JSONValue, for items: ArraySlice<Item>, status: Int, call: String) -> [ItemOutcome] {
        let updated = Set(answer["data"]?.arrayValue?.compactMap { $0["id"]?.identifierText } ?? [])
        var errors: [Int: [CriteoProblemReport]] = [:]
        var general: [CriteoProblemReport] = []
        for problem in CriteoProblemReport.list(answer, "errors") {
            if let index = problem.itemIndex, index < items.count { errors[index, default: []].append(problem) } else { general.append(problem) }
        }
        var warnings: [Int: [CriteoProblemReport]] = [:]
        for problem in CriteoProblemReport.list(answer, "warnings") {
            if let index = problem.itemIndex { warnings[index, default: []].append(problem) }
        }
        return items.enumerated().map { offset, item in
            let done = updated.contains(item.campaignID)
            // Its own errors; else, if the answer does not list it as updated, the errors that name no item.
            let problems = errors[offset] ?? (done ? [] : general)
            if let first = problems.first {
                return .failed(ActionFailure(code: first.code, message: "campaign \(item.campaignID): " + problems.map(\.message).joined(separator: "; "),
                                             httpStatus: status, call: call))
            }
            guard done else {
                return .failed(ActionFailure(message: "campaign \(item.campaignID): the answer lists the update neither as done nor as failed",
                                             httpStatus: status, call: call))
            }
            let notes = warnings[offset].map { $0.map { ($0.code.map { "\($0): " } ?? "") + $0.message }.joined(separator: "; ") }
            return .updated(warning: notes)
        }
    }

    /// The campaign a PATCH call updates and the attribute leaves it sets.
    private static func change(_ call: ProviderCall) throws(ActionFailure) -> (String, [Leaf]) {
        let summary = "\(call.method) \(call.path)"
        guard let idParameter = call.parameters.first(where: { $0.name == "id" }) else {
            throw ActionFailure(message: "the update names no campaign id", call: summary)
        }
        let campaignID: String
        switch idParameter.value {
        case .resource(.live(let id)), .text(let id): campaignID = id
        case .resource(.created(let creator)):
            throw ActionFailure(message: "the campaign id comes from `\(creator)`, which has not returned one: that action must succeed first", call: summary)
        default:
            throw ActionFailure(message: "the campaign id is not an id", call: summary)
        }
        var attributesCall = call
        attributesCall.parameters.removeAll { $0.name == "id" }
        let attributes = try CallPayload(attributesCall).body
        return (campaignID, attributes.leaves())
    }

    private static func merge(_ leaves: [Leaf], into existing: [Leaf], campaignID: String,
                              call: ProviderCall, earlier: [ActionID]) throws(ActionFailure) -> [Leaf] {
        var merged = existing
        for leaf in leaves {
            if let present = merged.first(where: { $0.path == leaf.path }) {
                guard present.value == leaf.value else {
                    let by = earlier.map { "`\($0)`" }.joined(separator: ", ")
                    throw ActionFailure(message: "campaign \(campaignID): `\(leaf.path.joined(separator: "."))` is set to a different value by \(by) in the same update; "
                                        + "Criteo takes one change per campaign, so re-plan", call: "\(call.method) \(call.path)")
                }
            } else {
                merged.append(leaf)
            }
        }
        return merged
    }
}

extension JSONValue {
    /// The non-object values inside an object, each with its path (`spendLimit`, `spendLimitAmount`).
    func leaves(under prefix: [String] = []) -> [CriteoBulkUpdate.Leaf] {
        guard case .object(let members) = self else { return [(prefix, self)] }
        if members.isEmpty, !prefix.isEmpty { return [(prefix, self)] }
        return members.flatMap { $0.1.leaves(under: prefix + [$0.0]) }
    }
}
