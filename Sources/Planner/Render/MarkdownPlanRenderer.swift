/// Renders a plan as GitHub-flavoured Markdown to post as a pull-request comment: the summary line and
/// spend table first, safety violations, a table of actions per provider (folded into `<details>`
/// when the plan is long), blocked changes, then the full ordered plan folded away.
public struct MarkdownPlanRenderer: Sendable {
    /// Plans with more actions than this fold each provider's table.
    public var foldThreshold: Int

    public init(foldThreshold: Int = 20) {
        self.foldThreshold = foldThreshold
    }

    public func render(_ plan: Plan) -> String {
        var out = "## reconcile plan\n\n**\(plan.summaryLine)**\n"
        if !plan.spend.isEmpty {
            out += "\n### \(PlanWording.spendTitle)\n\n\(PlanWording.spendExplanation)\n\n"
            out += "| Provider | Currency | Current | Planned | Change |\n|---|---|---:|---:|---:|\n"
            for spend in plan.spend {
                let change = spend.change.isZero ? spend.changeText : "**\(spend.changeText)**"
                out += "| \(code(spend.provider)) | \(spend.currency.code) | \(spend.amount(spend.current)) | \(spend.amount(spend.planned)) | \(change) |\n"
            }
        }
        if !plan.safety.violations.isEmpty {
            out += "\n> [!CAUTION]\n> **\(PlanWording.unsafeTitle).** \(PlanWording.unsafeLead(plan.safety))\n"
            for violation in plan.safety.violations { out += "> - \(cell(violation.message))\n" }
        }
        let fold = plan.actions.count > foldThreshold
        for provider in plan.providers {
            let actions = plan.actions.enumerated().filter { $0.element.provider == provider.alias }
            guard !actions.isEmpty else { continue }
            let title = "\(code(provider.alias)) (\(provider.kind.displayName)): \(actions.count) action\(actions.count == 1 ? "" : "s")"
            var table = "| # | Action | Resource | Changes |\n|---:|---|---|---|\n"
            for (position, action) in actions {
                let resource = relative(action.address)
                var details = action.changes.map { "\($0.field.rawValue): \($0.displayText)" }.joined(separator: "; ")
                if let reason = action.reason { details += (details.isEmpty ? "" : " — ") + "_\(reason)_" }
                table += "| \(position + 1) | \(action.kind.symbol) \(action.kind.rawValue) | \(code(resource)) | \(cell(details)) |\n"
            }
            if fold {
                out += "\n<details><summary><b>\(html(provider.alias))</b> (\(provider.kind.displayName)): \(actions.count) actions</summary>\n\n\(table)\n</details>\n"
            } else {
                out += "\n### \(title)\n\n\(table)"
            }
        }
        if !plan.blocked.isEmpty {
            out += "\n### \(PlanWording.blockedTitle)\n\n| Resource | Change | Reason |\n|---|---|---|\n"
            for change in plan.blocked {
                let fields = change.changes.map { "\($0.field.rawValue): \($0.displayText)" }.joined(separator: "; ")
                out += "| \(code(change.address.description)) | \(cell(change.kind.rawValue + (fields.isEmpty ? "" : " — " + fields))) | \(cell(change.reason)) |\n"
            }
        }
        if !plan.actions.isEmpty {
            let text = TextPlanRenderer().render(plan)
            let fence = text.contains("```") ? "~~~~" : "```"
            out += "\n<details><summary>Full plan: calls and dependencies</summary>\n\n\(fence)\n\(text)\(fence)\n\n</details>\n"
        }
        return out
    }

    /// The address without the provider alias, which the table's heading already names.
    private func relative(_ address: ResourceAddress) -> String {
        let text = address.description
        let prefix = ResourceAddress(provider: address.provider).description + "/"
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    /// Inline code that survives any content: backticks in the text get a longer fence; pipes are escaped for tables.
    private func code(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "|", with: "\\|")
        var fence = "`"
        while escaped.contains(fence) { fence += "`" }
        let padding = escaped.hasPrefix("`") || escaped.hasSuffix("`") ? " " : ""
        return fence + padding + escaped + padding + fence
    }

    /// Table cell text: pipes escaped, HTML and line breaks neutralized.
    private func cell(_ text: String) -> String {
        html(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
