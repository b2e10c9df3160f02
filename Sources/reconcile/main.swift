import Foundation

let status = await ReconcileTool.main(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
