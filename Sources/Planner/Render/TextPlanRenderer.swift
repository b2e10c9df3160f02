/// Renders a plan for a terminal, in the style people know from Terraform: the spend summary first,
/// then every action in execution order with a mark (`+ ~ - >`), its field changes and what it waits
/// for, blocked changes, safety violations, and a summary line.
public struct TextPlanRenderer: Sendable {
    public var style: RenderStyle

    public init(style: RenderStyle = .plain) {
        self.style = style
    }

    public func render(_ plan: Plan) -> String {
        var out = ""
        out += spendSection(plan)
        if !plan.actions.isEmpty {
            out += "\n" + style.paint(PlanWording.orderTitle + ":", .heading) + "\n"
            for action in plan.actions { out += "\n" + actionBlock(action) }
        }
        if !plan.blocked.isEmpty {
            out += "\n" + style.paint(PlanWording.blockedTitle + ":", .heading) + "\n"
            for change in plan.blocked { out += "\n" + blockedBlock(change) }
        }
        if !plan.safety.violations.isEmpty {
            out += "\n" + style.paint(PlanWording.unsafeTitle + ":", .blocked) + " " + PlanWording.unsafeLead(plan.safety) + "\n"
            for violation in plan.safety.violations { out += "  " + style.paint("!", .blocked) + " " + violation.message + "\n" }
        }
        out += "\n" + style.paint(plan.summaryLine, .heading) + "\n"
        return out
    }

    func spendSection(_ plan: Plan) -> String {
        guard !plan.spend.isEmpty else { return "" }
        var out = style.paint(PlanWording.spendTitle + ":", .heading) + "\n"
        let rows = plan.spend.map { spend in
            [spend.provider, spend.currency.code, spend.amount(spend.current), "→", spend.amount(spend.planned), spend.changeText]
        }
        let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (row, spend) in zip(rows, plan.spend) {
            let change = spend.change
            let role: RenderStyle.Role = change.isPositive ? .added : (change.isNegative ? .removed : .muted)
            out += "  " + pad(row[0], widths[0]) + "  " + pad(row[1], widths[1]) + "  " + padLeft(row[2], widths[2]) + " " + row[3] + " "
                + padLeft(row[4], widths[4]) + "  " + style.paint(padLeft(row[5], widths[5]), role) + "\n"
        }
        return out
    }

    func actionBlock(_ action: PlanAction) -> String {
        var out = "  " + style.paint("\(action.kind.symbol) \(pad(action.kind.rawValue, 8))", action.kind.role) + " " + action.address.description + "\n"
        out += fieldLines(action.changes, indent: "      ")
        if let reason = action.reason { out += "      " + style.paint("why:   " + reason, .muted) + "\n" }
        for call in action.calls { out += "      " + style.paint("call:  \(call.method) \(call.path)", .muted) + "\n" }
        if !action.dependsOn.isEmpty {
            out += "      " + style.paint("after: " + action.dependsOn.map(\.description).joined(separator: "; "), .muted) + "\n"
        }
        return out
    }

    func blockedBlock(_ change: BlockedChange) -> String {
        var out = "  " + style.paint("! \(pad(change.kind.rawValue, 8))", .blocked) + " " + change.address.description + "\n"
        out += fieldLines(change.changes, indent: "      ")
        out += "      " + style.paint("why:   " + change.reason, .blocked) + "\n"
        if let location = change.location { out += "      " + style.paint("at:    \(location)", .muted) + "\n" }
        return out
    }

    private func fieldLines(_ changes: [FieldChange], indent: String) -> String {
        let width = changes.map { $0.field.rawValue.count }.max() ?? 0
        return changes.map { indent + pad($0.field.rawValue + ":", width + 1) + " " + $0.displayText + "\n" }.joined()
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
