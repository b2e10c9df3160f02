import Foundation
import Planner

/// `reconcile plan` at scale: the manifest benchmark's 10,000 NextRoll campaigns with 5 ad groups each,
/// against a live state (read from JSON) where 10% of the campaigns drifted: budgets up and down,
/// paused or resumed, ad groups retargeted or with other ads, campaigns missing (created again) and
/// undeclared ones. Times load (YAML and live-state JSON), diff + order, and both renderings.
/// Target: well under one second of CPU in release mode, peak memory under 300 MB.
struct PlanBenchmark {
    var manifestShape = ManifestBenchmark()
    var driftPercent = 10

    /// The variable that tells a child process where the generated files are: setup (making 60,000
    /// resources and their JSON) runs in the parent, so the child's peak memory is the plan's alone.
    static let filesVariable = "RECONCILE_BENCH_PLAN_FILES"

    func run() throws {
        if let folder = ProcessInfo.processInfo.environment[Self.filesVariable] {
            try measure(URL(fileURLWithPath: folder))
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-plan-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifestFile = folder.appendingPathComponent("campaigns.yaml")
        try Data(manifestShape.generate().utf8).write(to: manifestFile)
        let live = drifted(try ManifestLoader().load(path: manifestFile.path))
        // Compact, as a machine writes it.
        try Data(try live.jsonText(indent: 0).utf8).write(to: folder.appendingPathComponent("live.json"))

        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["plan"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.filesVariable: folder.path]) { _, new in new }
        try child.run()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else { throw BenchmarkFailure(message: "the measuring process exited with \(child.terminationStatus)") }
    }

    private func measure(_ folder: URL) throws {
        let manifestFile = folder.appendingPathComponent("campaigns.yaml")
        let liveFile = folder.appendingPathComponent("live.json")
        let (manifest, loadManifest, loadManifestCPU) = try ProcessMeasurements.seconds { try ManifestLoader().load(path: manifestFile.path) }
        let (live, loadLive, loadLiveCPU) = try ProcessMeasurements.seconds { try LiveState(contentsOf: liveFile.path) }
        if ProcessInfo.processInfo.environment["RECONCILE_BENCH_DETAIL"] != nil {
            let data = try Data(contentsOf: liveFile)
            let (parsed, _, parse) = try ProcessMeasurements.seconds { try JSONParser().parse(data) }
            let (_, _, decode) = try ProcessMeasurements.seconds { try JSONValueDecoder().decode(LiveState.self, from: parsed) }
            print(String(format: "  (live state: parse %.3f s CPU, decode %.3f s CPU)", parse, decode))
        }
        let today = CalendarDate(utcDayOf: Date())
        let (plan, planning, planningCPU) = try ProcessMeasurements.seconds {
            try PlanBuilder.plan(manifest, live: live, options: PlanOptions(today: today, allowUnsafe: true))
        }
        let (text, renderText, renderTextCPU) = ProcessMeasurements.seconds { TextPlanRenderer().render(plan) }
        let (json, renderJSON, renderJSONCPU) = try ProcessMeasurements.seconds { try JSONPlanRenderer().render(plan) }

        let liveSize = (try? FileManager.default.attributesOfItem(atPath: liveFile.path)[.size] as? Int) ?? 0
        let dependencies = plan.actions.reduce(0) { $0 + $1.dependsOn.count }
        print("plan: \(manifest.campaigns.count) campaigns x \(manifestShape.adGroupsPerCampaign) ad groups, \(driftPercent)% drift; "
              + "live state \(liveSize / 1024) KiB of JSON")
        print("  \(plan.summaryLine) (\(plan.actions.count) actions, \(dependencies) dependencies)")
        print(String(format: "  load manifests (YAML):      %.3f s wall, %.3f s CPU", loadManifest, loadManifestCPU))
        print(String(format: "  load live state (JSON):     %.3f s wall, %.3f s CPU (a testing aid: providers fetch it)", loadLive, loadLiveCPU))
        print(String(format: "  diff + order + safety:      %.3f s wall, %.3f s CPU", planning, planningCPU))
        print(String(format: "  render text:                %.3f s wall, %.3f s CPU (%d KiB)", renderText, renderTextCPU, text.utf8.count / 1024))
        print(String(format: "  render JSON:                %.3f s wall, %.3f s CPU (%d KiB)", renderJSON, renderJSONCPU, json.utf8.count / 1024))
        print(String(format: "  load manifests + diff + order + render: %.3f s CPU (target: well under 1 s)",
                     loadManifestCPU + planningCPU + renderTextCPU + renderJSONCPU))
        print(String(format: "  total with the live state: %.3f s wall, %.3f s CPU",
                     loadManifest + loadLive + planning + renderText + renderJSON,
                     loadManifestCPU + loadLiveCPU + planningCPU + renderTextCPU + renderJSONCPU))
        print(String(format: "  peak resident memory: %.1f MiB", ProcessMeasurements.peakResidentMiB()))
    }

    /// The live state that realizes `manifest`, then drifted deterministically for `driftPercent` of the campaigns.
    func drifted(_ manifest: Manifest) -> LiveState {
        var accounts: [LiveAccount] = []
        for provider in manifest.providers {
            guard let currency = provider.currency else { continue }
            var account = LiveAccount(alias: provider.alias, kind: provider.kind, account: provider.account, currency: provider.currency)
            for (number, campaign) in manifest.campaigns.enumerated() where campaign.provider == provider.alias {
                let drift = number % 100 < driftPercent
                if drift, number % 10 == 9 { continue }  // gone: created again
                var live = LiveCampaign(id: "CMP\(number)", name: campaign.name, status: campaign.creationStatus, platformStatus: "approved",
                                        schedule: campaign.schedule, bidding: campaign.bidding, retargeting: campaign.retargeting)
                if case .capped(let money, let period)? = campaign.budget {
                    var weekly = period == .daily ? money.amount * 7 : money.amount
                    if drift, number % 10 < 3 { weekly += number % 2 == 0 ? 70 : -35 }  // raised or lowered
                    live.budget = .capped(Money(weekly, money.currency), .weekly)
                    live.budgetShownDaily = period == .daily
                }
                if drift, number % 10 == 0 || number % 10 == 3 { live.status = live.status == .active ? .paused : .active }
                live.adGroups = campaign.adGroups.enumerated().map { index, group in
                    var adGroup = LiveAdGroup(id: "AG\(number)-\(index)", name: group.name, status: group.creationStatus,
                                              segments: group.segments ?? Selection(), geo: group.geo ?? Selection(), ads: group.ads ?? [])
                    if drift, number % 10 == 4, index == 0 { adGroup.segments.include.insert("SEGSTALE") }
                    if drift, number % 10 == 5, index == 1 { adGroup.ads = ["ADOLD"] }
                    if drift, number % 10 == 6, index == 2 { adGroup.status = .paused }
                    return adGroup
                }
                if drift, number % 10 == 7 { live.adGroups.removeLast() }
                account.campaigns.append(live)
                if drift, number % 10 == 8 {
                    account.campaigns.append(LiveCampaign(id: "OLD\(number)", name: "Undeclared \(number)", status: .paused,
                                                          budget: .capped(Money(70, currency), .weekly)))
                }
            }
            accounts.append(account)
        }
        return LiveState(accounts: accounts)
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
