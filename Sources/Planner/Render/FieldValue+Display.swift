extension FieldValue {
    /// The value as people read it in a plan: `"Spring Sale"`, `100.00 USD daily`, `[SEG1, SEG2]`.
    public var displayText: String {
        switch self {
        case .none: return "(none)"
        case .text(let text): return "\"\(text)\""
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .decimal(let number): return number.formatted(decimals: 0)
        case .money(let money): return money.description
        case .budget(let budget): return budget.description
        case .date(let date): return date.description
        case .choice(let text): return text
        case .strings(let values): return "[" + values.joined(separator: ", ") + "]"
        case .integers(let values): return "[" + values.map(String.init).joined(separator: ", ") + "]"
        case .geoTargets(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .resource(let target): return target.description
        }
    }
}

extension FieldChange {
    /// `100.00 USD daily → 150.00 USD daily`, with members added and removed for sets, or the value
    /// alone when the field is new.
    public var displayText: String {
        if case .none = before { return after.displayText }
        var text = "\(before.displayText) → \(after.displayText)"
        let plus = added, minus = removed
        if !plus.isEmpty || !minus.isEmpty, before.setMembers != nil {
            let parts = plus.map { "+\($0)" } + minus.map { "-\($0)" }
            text += " (" + parts.joined(separator: ", ") + ")"
        }
        return text
    }
}

extension ActionKind {
    /// The Terraform-style mark: `+` create/attach, `~` update, `-` pause/detach, `>` resume/activate/export/download.
    public var symbol: String {
        switch self {
        case .create, .attach: return "+"
        case .update: return "~"
        case .pause, .detach: return "-"
        case .resume, .activate, .export, .download: return ">"
        }
    }

    var role: RenderStyle.Role {
        switch self {
        case .create, .attach: return .added
        case .update: return .changed
        case .pause, .detach: return .removed
        case .resume, .activate, .export, .download: return .started
        }
    }
}
