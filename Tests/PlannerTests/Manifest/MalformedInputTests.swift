import Foundation
import Testing
@testable import Planner

/// Whatever bytes a manifest holds, loading ends with a manifest or with located diagnostics:
/// never a crash, a hang or a problem without a place. Inputs are mutations of a valid manifest.
@Suite struct MalformedInputTests {
    static let seed = ManifestDecodingTests.designExample + """

        x-defaults: &defaults { provider: criteo-eu, goal: acquisition }
        x-list: &list [*defaults, { budget: { uncapped: true } }]
        more:
          - { <<: *list, name: "Merged" }
        """

    static let fragments: [[UInt8]] = [
        Array(":".utf8), Array("- ".utf8), [0x09], Array("&a ".utf8), Array("*a".utf8), Array("*defaults".utf8),
        Array("<<: ".utf8), Array("{".utf8), Array("[".utf8), Array("\"".utf8), Array("'".utf8), [0x00], [0xFF], [0xC3],
        Array("\n".utf8), Array("  ".utf8), Array("!!str ".utf8), Array("%YAML 1.2\n".utf8), Array("? ".utf8),
        Array("|".utf8), Array(">-".utf8), Array("#".utf8), Array("---\n".utf8), Array("...\n".utf8), Array("\u{FEFF}".utf8),
        Array("\r".utf8), Array("\\x".utf8), Array("1e999".utf8), Array("~".utf8), Array("@".utf8),
    ]

    static func mutate(_ input: [UInt8], using random: inout TestRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                let length = min(bytes.count - position, Int.random(in: 1...40, using: &random))
                bytes.removeSubrange(position..<position + length)
            case 1:
                bytes.insert(contentsOf: fragments.randomElement(using: &random) ?? [], at: position)
            case 2:
                bytes = Array(bytes.prefix(position))
            case 3:
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                guard lines.count > 2 else { continue }
                let (a, b) = (Int.random(in: 0..<lines.count, using: &random), Int.random(in: 0..<lines.count, using: &random))
                var swapped = lines.map(Array.init)
                swapped.swapAt(a, b)
                bytes = Array(swapped.joined(separator: [0x0A]))
            default:
                if position < bytes.count { bytes[position] = UInt8.random(in: 0...255, using: &random) }
            }
        }
        return bytes
    }

    /// Lines as YAML counts them: CR LF, CR, LF, NEL, LS and PS each end one.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        var index = 0
        while index < bytes.count {
            switch (bytes[index], index + 1 < bytes.count ? bytes[index + 1] : nil, index + 2 < bytes.count ? bytes[index + 2] : nil) {
            case (0x0D, 0x0A?, _): lines += 1; index += 1
            case (0x0A, _, _), (0x0D, _, _): lines += 1
            case (0xC2, 0x85?, _): lines += 1
            case (0xE2, 0x80?, 0xA8?), (0xE2, 0x80?, 0xA9?): lines += 1
            default: break
            }
            index += 1
        }
        return lines
    }

    @Test func mutatedManifestsLoadOrFailWithPlacedDiagnostics() throws {
        var random = TestRandom(seed: 0x5EED_2026)
        let original = Array(Self.seed.utf8)
        var failures = 0
        for round in 0..<400 {
            let bytes = Self.mutate(original, using: &random)
            let data = Data(bytes)
            let lineCount = Self.lineCount(bytes)
            let first = Result { () throws(ManifestError) -> Manifest in try ManifestLoader().load([ManifestSource(file: "m.yaml", data: data)]) }
            guard case .failure(let error) = first else { continue }
            failures += 1
            #expect(!error.diagnostics.isEmpty, "round \(round)")
            for diagnostic in error.diagnostics {
                guard let location = diagnostic.location else {
                    Issue.record("round \(round): no place for \(diagnostic)")
                    continue
                }
                #expect(location.file == "m.yaml")
                #expect((1...lineCount + 1).contains(location.line) && location.column >= 1,
                        "round \(round): \(location) outside the input's \(lineCount) lines: \(diagnostic)")
                #expect(!diagnostic.message.isEmpty)
            }
            let second = Result { () throws(ManifestError) -> Manifest in try ManifestLoader().load([ManifestSource(file: "m.yaml", data: data)]) }
            if case .failure(let again) = second {
                #expect(again.diagnostics == error.diagnostics, "round \(round): the same input gave different diagnostics")
            } else {
                Issue.record("round \(round): the same input loaded the second time")
            }
        }
        #expect(failures > 200, "most mutations should break the manifest; only \(failures) did")
    }
}
