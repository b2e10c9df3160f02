import Testing

@Suite("help and usage")
struct HelpTests {
    @Test func overviewListsEveryCommand() async throws {
        let result = try await ReconcileProcess.run(["--help"])
        #expect(result.status == 0)
        for command in ["validate", "plan", "apply", "import", "sandbox", "schema"] {
            #expect(result.stdout.contains("\n  \(command) "), "missing \(command)")
        }
    }

    @Test func noArgumentsPrintsTheOverviewAndFails() async throws {
        let result = try await ReconcileProcess.run([])
        #expect(result.status == 1)
        #expect(result.stderr.contains("USAGE: reconcile COMMAND"))
    }

    @Test(arguments: [["help", "validate"], ["validate", "--help"], ["validate", "-h"]])
    func commandHelpShowsUsageAndOptions(arguments: [String]) async throws {
        let result = try await ReconcileProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: reconcile validate [PATH] [options]"))
        #expect(result.stdout.contains("--format text|github|json"))
        #expect(result.stdout.contains("EXAMPLES:"))
    }

    @Test func unknownCommandSuggestsTheNearestOne() async throws {
        let result = try await ReconcileProcess.run(["valdate"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown command `valdate` (did you mean `validate`?)"))
    }

    @Test func version() async throws {
        let result = try await ReconcileProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("reconcile "))
    }
}
