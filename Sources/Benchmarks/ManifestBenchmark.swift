import Foundation
import Planner

/// Load + decode + validate of a generated manifest of 10,000 NextRoll campaigns with 5 ad groups
/// each, against python3 PyYAML's `CSafeLoader` parsing the same file (parse only) in the same run.
/// Target: our full load is faster than PyYAML's parse alone, with peak memory under 300 MB.
struct ManifestBenchmark {
    var campaigns = 10_000
    var adGroupsPerCampaign = 5

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("campaigns.yaml")
        let text = generate()
        try Data(text.utf8).write(to: file)
        print("manifest: \(campaigns) campaigns x \(adGroupsPerCampaign) ad groups, \(text.utf8.count / 1024) KiB of YAML")

        let cpuBefore = ProcessMeasurements.cpuSeconds()
        let (manifest, wall) = try ProcessMeasurements.wallSeconds { try ManifestLoader().load(path: file.path) }
        let cpu = ProcessMeasurements.cpuSeconds() - cpuBefore
        let adGroups = manifest.campaigns.reduce(0) { $0 + $1.adGroups.count }
        print(String(format: "  reconcile load+decode+validate: %.3f s wall, %.3f s CPU (%d campaigns, %d ad groups)",
                     wall, cpu, manifest.campaigns.count, adGroups))
        print(String(format: "  peak resident memory: %.1f MiB", ProcessMeasurements.peakResidentMiB()))

        if let python = try pyYAMLParseSeconds(file) {
            print(String(format: "  PyYAML CSafeLoader parse only:  %.3f s wall", python))
            print(String(format: "  ratio PyYAML parse / reconcile full load: %.2fx", python / wall))
        } else {
            print("  PyYAML CSafeLoader: not available (pip install PyYAML with libyaml)")
        }
    }

    /// One file: the providers block, then the campaigns, each with a budget, schedule, bidding and ad groups.
    func generate() -> String {
        var text = """
        providers:
          nextroll-us: { type: nextroll, advertisable: ADVBENCH00000000000000, currency: USD }
        campaigns:

        """
        text.reserveCapacity(campaigns * (300 + adGroupsPerCampaign * 260))
        for index in 0..<campaigns {
            text += """
              - name: Campaign \(index)
                provider: nextroll-us
                status: \(index % 10 == 0 ? "paused" : "active")
                budget: { amount: \(50 + index % 200).\(index % 100 < 10 ? "0" : "")\(index % 100), period: daily }
                schedule: { start: 2026-03-01, end: 2026-12-31 }
                bidding: { cpc: 1.20, max_cpm: 8.00 }
                retargeting: true
                adgroups:

            """
            for group in 0..<adGroupsPerCampaign {
                text += """
                      - name: Ad group \(group)
                        status: active
                        segments: { include: [SEG\(index)X\(group)], exclude: [SEGBUYERS] }
                        geo:
                          include: [{ country_id: 19, eid: YD2QNVI2GVH4DP4TIO8GEO }]
                          exclude: [{ region_id: USCA, eid: FPDT2YVTEZG3LNMQ5Q8GEO }]
                        ads: [AD\(index)A, AD\(index)B]

                """
            }
        }
        return text
    }

    /// Seconds PyYAML's C-accelerated safe loader takes to parse `file`, measured inside python3.
    private func pyYAMLParseSeconds(_ file: URL) throws -> Double? {
        let script = """
        import sys, time, yaml
        data = open(sys.argv[1], 'rb').read()
        start = time.perf_counter()
        yaml.load(data, Loader=yaml.CSafeLoader)
        print(time.perf_counter() - start)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Double(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
