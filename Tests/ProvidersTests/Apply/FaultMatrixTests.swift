import Foundation
import Planner
@testable import Providers
import Sandbox
import Testing

/// About a thousand changes across the four platforms, applied while about a tenth of the requests
/// fail in every way the platforms fail: 429 with Retry-After, 500, 503, a dropped connection after
/// the platform acted, a request that is never answered (client timeout), and Criteo bulk items
/// refused one by one. All from a fixed seed, so a failure repeats.
@Suite("Apply under faults")
struct FaultMatrixTests {
    static let size = ApplyScenario.Size(nextrollExisting: 120, nextrollNew: 70, adGroupsPerNew: 2, criteoExisting: 180, criteoNew: 60,
                                         topsortExisting: 120, topsortNew: 60, jivoxRetail: 40)
    /// About 9% of requests fail at the HTTP level (429, 500, 503, drop, and three hangs at most, each
    /// costing a whole request timeout), and Criteo refuses bulk items: the first two of the first
    /// PATCH, then 1.5% of them (at that rate one item refused in three runs running is rare enough).
    static let faults = "seed=20261125;429,rate=0.03,retry-after=1;500,rate=0.02;503,rate=0.02;drop,rate=0.02;"
        + "hang,times=1,method=PUT;hang,rate=0.002,times=2;"
        + "criteo-item,times=2,code=\(itemCode);criteo-item,rate=0.015,code=\(itemCode)"
    static let itemCode = "campaign--campaign-update-check--unavailable-feature-for-this-advertiser"
    static let httpFaults: Set<String> = ["429", "500", "503", "drop", "hang"]

    /// The report of each run accounts for exactly the requests the sandbox received; no create is
    /// ever sent more often than the report says; running apply again (faults still on) converges to
    /// an empty plan within three runs; nothing is duplicated and nothing declared is missing.
    @Test func aThousandChangesUnderTenPercentFaultsAreReportedExactlyAndConverge() async throws {
        let scenario = try ApplyScenario(Self.size)
        try await ApplyTestbed.with(scenario, faults: try FaultPlan.parse(Self.faults), requestTimeout: 2) { bed in
            var plan = try bed.plan(try await bed.fetch())
            #expect(plan.actions.count >= 950, "\(plan.summaryLine)")
            #expect(Set(plan.actions.map(\.kind)) == Set(ActionKind.allCases), "every action kind: \(plan.summaryLine)")
            #expect(plan.blocked.isEmpty, "\(plan.blocked.map(\.reason))")

            var reports: [ApplyReport] = []
            var faultsSeen: [String: Int] = [:]
            var createsSent = 0
            while !plan.actions.isEmpty, reports.count < 3 {
                // The fetch's requests are nobody's calls: the apply's log starts now.
                bed.log.clear()
                let report = await bed.apply(plan)
                reports.append(report)
                let entries = bed.log.entries
                for entry in entries { if let fault = entry.fault { faultsSeen[fault, default: 0] += 1 } }

                // (a) The report matches the request log, request for request.
                let reported = CallTally(report, platform: bed.platform(of:))
                let logged = CallTally(entries)
                #expect(reported == logged, "run \(reports.count): \(reported.differences(from: logged).prefix(20).joined(separator: "\n"))")
                let tokenRequests = report.requests.filter { CallTally.unattributedPaths.contains($0.call.path) }.count
                #expect(report.callCount - tokenRequests == logged.total, "the summary counts each request once")
                // No create reached the platform more often than the client sent it.
                let createsReported = CreateAttempts(report, plan: plan, platform: bed.platform(of:))
                let createsLogged = CreateAttempts(entries)
                #expect(createsReported == createsLogged, "run \(reports.count): \(createsReported.differences(from: createsLogged).prefix(20).joined(separator: "\n"))")
                createsSent += createsLogged.total
                if reports.count == 1 {
                    let share = Double(entries.filter { $0.fault.map(Self.httpFaults.contains) ?? false }.count) / Double(entries.count)
                    #expect(share > 0.06 && share < 0.13, "about a tenth of the requests fail: \(share) of \(entries.count)")
                }
                plan = try bed.plan(try await bed.fetch())
            }

            // (b) and (d): converged within three runs, so everything declared exists as declared.
            #expect(plan.actions.isEmpty, "after \(reports.count) runs: \(plan.summaryLine) \(plan.actions.prefix(10).map(\.id))")
            #expect(plan.blocked.isEmpty)
            let creates = Self.size.nextrollNew * (1 + Self.size.adGroupsPerNew) + Self.size.criteoNew + Self.size.topsortNew
            #expect(createsSent >= creates, "every new resource's create was sent: \(createsSent) of \(creates)")
            for kind in ["429", "500", "503", "drop", "hang"] {
                #expect(faultsSeen[kind, default: 0] > 0, "the \(kind) fault fired: \(faultsSeen)")
            }
            let itemFailures = reports.flatMap(\.outcomes).filter { $0.failure?.code == Self.itemCode }
            #expect(!itemFailures.isEmpty, "Criteo refused some bulk items")
            #expect(reports.flatMap(\.outcomes).contains { $0.adopted }, "some lost creates were found and adopted")
            #expect(bed.sleeper.waits.contains(1), "Retry-After: 1 was honoured")

            // (c) No duplicates: per account, one campaign per name, and per NextRoll campaign one ad group per name.
            let live = try await bed.fetch()
            for account in live.accounts {
                let names = Dictionary(grouping: account.campaigns, by: \.name).filter { $0.value.count > 1 }.keys
                #expect(names.isEmpty, "\(account.alias) has several campaigns named \(names.sorted())")
                for campaign in account.campaigns {
                    let groups = Dictionary(grouping: campaign.adGroups, by: \.name).filter { $0.value.count > 1 }.keys
                    #expect(groups.isEmpty, "\(account.alias)/\(campaign.name) has several ad groups named \(groups.sorted())")
                }
            }
            // The same from the sandbox's own state, which no client reading stands between.
            let state = await bed.server.exportState()
            for (platform, list) in [("nextroll", "campaigns"), ("criteo", "campaigns"), ("topsort", "campaigns")] {
                let names = state[platform]?[list]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
                #expect(Set(names).count == names.count, "\(platform) holds duplicate campaigns")
            }
            let groups = state["nextroll"]?["adgroups"]?.arrayValue?.map { "\($0["campaign"]?.stringValue ?? "")/\($0["name"]?.stringValue ?? "")" } ?? []
            #expect(Set(groups).count == groups.count, "NextRoll holds duplicate ad groups")
            let expectedCampaigns = Self.size.nextrollExisting + Self.size.nextrollNew
            #expect(live.accounts.first { $0.kind == .nextroll }?.campaigns.count == expectedCampaigns)
            let tags = try FileManager.default.contentsOfDirectory(atPath: bed.folder.appendingPathComponent("tags").path)
            #expect(tags.count == Self.size.jivoxRetail, "every retail campaign's tags were downloaded")
            ProviderTestKit.expectNoCredentials(in: reports.map { $0.json().serialized() })
        }
    }
}
