/// The apply report for a terminal: one line per action that did something or failed to, with its
/// error or the failure that skipped it, then the summary line.
public struct ApplyReportRenderer: Sendable {
    public var style: RenderStyle

    public init(style: RenderStyle = .plain) {
        self.style = style
    }

    public func render(_ report: ApplyReport) -> String {
        var text = ""
        for outcome in report.outcomes {
            let id = outcome.action.description
            switch outcome.status {
            case .succeeded:
                var line = "  " + style.paint("✓", .added) + " " + id
                if let created = outcome.createdID { line += style.paint(" (id \(created)\(outcome.adopted ? ", found after its answer was lost" : ""))", .muted) }
                text += line + "\n"
            case .failed:
                text += "  " + style.paint("✗", .removed) + " " + id + "\n"
                if let failure = outcome.failure { text += "      " + style.paint(failure.description, .removed) + "\n" }
            case .skipped:
                text += "  " + style.paint("-", .muted) + " " + id
                text += style.paint(" skipped: \(outcome.skippedBecause.map { "\($0) failed" } ?? "a dependency failed")", .muted) + "\n"
            case .notRun:
                text += "  " + style.paint("·", .muted) + " " + id + style.paint(" not run (interrupted)", .muted) + "\n"
            }
        }
        for change in report.blocked {
            text += "  " + style.paint("!", .blocked) + " \(change.kind.rawValue) \(change.address)" + style.paint(" blocked: \(change.reason)", .muted) + "\n"
        }
        if !text.isEmpty { text += "\n" }
        text += style.paint(report.summaryLine, .heading) + "\n"
        return text
    }
}
