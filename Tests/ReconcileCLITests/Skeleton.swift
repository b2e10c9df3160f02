import Testing
import Foundation
@Test func binaryIsBuilt() {
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    print("ARG0", CommandLine.arguments, dir.path, FileManager.default.fileExists(atPath: dir.appendingPathComponent("reconcile").path))
    print("BUNDLE", Bundle.main.bundlePath, Bundle.main.executablePath ?? "-")
}
