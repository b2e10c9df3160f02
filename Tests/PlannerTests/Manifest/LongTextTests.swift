import Testing
@testable import Planner

/// Pasted blobs stay readable in messages and cheap to check.
@Suite struct LongTextTests {
    @Test func longUnknownKeysAndValuesAreClippedInMessages() {
        // YAML keys without `?` are at most 1024 characters; values may be any length.
        let key = String(repeating: "budget", count: 166)
        let blob = String(repeating: "budget", count: 20_000)
        let diagnostics = ManifestFixtures.diagnostics("""
            campaigns:
              - name: A
                provider: nextroll-us
                \(key): 1
                status: \(blob)
              - { name: B, provider: \(blob) }
            """)
        #expect(diagnostics.count == 3)
        for diagnostic in diagnostics {
            #expect(diagnostic.description.count < 400, "\(diagnostic.description.prefix(200))")
        }
        #expect(diagnostics.first?.message.hasPrefix("unknown key `budgetbudgetbudgetbudgetbudgetbudgetb...` in campaign") == true)
    }
}
