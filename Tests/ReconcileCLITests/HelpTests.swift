import Testing

@Suite("help and usage")
struct HelpTests {
    @Test func overviewListsEveryCommand() throws {
        let result = try ReconcileProcess.run(["--help"])
        #expect(result.status == 0)
        for command in ["validate", "schema"] {
            #expect(result.stdout.contains("\n  \(command) "), "missing \(command)")
        }
    }

    @Test func noArgumentsPrintsTheOverviewAndFails() throws {
        let result = try ReconcileProcess.run([])
        #expect(result.status == 1)
        #expect(result.stderr.contains("USAGE: reconcile COMMAND"))
    }

    @Test(arguments: [["help", "validate"], ["validate", "--help"], ["validate", "-h"]])
    func commandHelpShowsUsageAndOptions(arguments: [String]) throws {
        let result = try ReconcileProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: reconcile validate [PATH] [options]"))
        #expect(result.stdout.contains("--format text|github|json"))
        #expect(result.stdout.contains("EXAMPLES:"))
    }

    @Test func unknownCommandSuggestsTheNearestOne() throws {
        let result = try ReconcileProcess.run(["valdate"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown command `valdate` (did you mean `validate`?)"))
    }

    @Test func version() throws {
        let result = try ReconcileProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("reconcile "))
    }
}
