import Foundation
import Testing
@testable import Planner

/// The three renderings of a plan with every action kind and a blocked change, compared with golden
/// files in `Resources/Golden/`. Run with `RECONCILE_UPDATE_GOLDENS=1` to rewrite them after an intended change
/// (then read the diff before committing).
@Suite struct RendererGoldenTests {
    static func check(_ rendered: String, against name: String) throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECONCILE_UPDATE_GOLDENS"] == "1" {
            try rendered.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let url = try #require(TestResources.url("Golden/\(name)"))
        let golden = try String(contentsOf: url, encoding: .utf8)
        if rendered != golden {
            let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
            let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(renderedLines, goldenLines).enumerated().first { $0.element.0 != $0.element.1 }
            let line = (first?.offset ?? min(renderedLines.count, goldenLines.count)) + 1
            let got = first.map { String($0.element.0) } ?? "", expected = first.map { String($0.element.1) } ?? ""
            Issue.record("\(name) differs from its golden file at line \(line): got \"\(got)\", expected \"\(expected)\"")
        }
    }

    @Test func text() throws {
        try Self.check(TextPlanRenderer().render(try Showcase.plan()), against: "showcase.txt")
    }

    @Test func textWithColour() throws {
        let style = RenderStyle { text, role in
            let code: String
            switch role {
            case .added: code = "32"
            case .changed: code = "33"
            case .removed, .blocked: code = "31"
            case .started: code = "36"
            case .heading: code = "1"
            case .muted: code = "2"
            }
            return "\u{1B}[\(code)m\(text)\u{1B}[0m"
        }
        let coloured = TextPlanRenderer(style: style).render(try Showcase.plan())
        try Self.check(coloured, against: "showcase-colour.txt")
        // Without a painting style there is no escape sequence at all.
        #expect(!TextPlanRenderer().render(try Showcase.plan()).contains("\u{1B}"))
    }

    @Test func markdown() throws {
        try Self.check(MarkdownPlanRenderer().render(try Showcase.plan()), against: "showcase.md")
    }

    @Test func longPlansFoldEachProviderInMarkdown() throws {
        let folded = MarkdownPlanRenderer(foldThreshold: 3).render(try Showcase.plan())
        #expect(folded.contains("<details><summary><b>nr</b> (NextRoll): 10 actions</summary>"))
        #expect(!folded.contains("### `nr`"))
        // The spend summary comes first in every rendering.
        #expect(folded.range(of: "Spend ceiling")?.lowerBound ?? folded.endIndex < folded.range(of: "<details>")?.lowerBound ?? folded.startIndex)
    }

    @Test func json() throws {
        try Self.check(try JSONPlanRenderer().render(try Showcase.plan()), against: "showcase.json")
    }

    @Test func emptyPlans() throws {
        var live = try Showcase.live()
        var executor = ModelExecutor(state: live)
        for action in try Showcase.plan().actions { try executor.run(action) }
        live = executor.state
        let plan = try Fixture.plan(try Showcase.manifest(), live)
        #expect(plan.actions.isEmpty)
        #expect(TextPlanRenderer().render(plan).hasSuffix("\nPlan: 1 blocked.\n"))
        let none = Plan(plannedOn: Fixture.today)
        #expect(TextPlanRenderer().render(none) == "\nNo changes. The live accounts match the manifests.\n")
        #expect(MarkdownPlanRenderer().render(none) == "## reconcile plan\n\n**No changes. The live accounts match the manifests.**\n")
    }
}
