import Foundation
import Testing
@testable import Planner

/// Shared helpers for planner tests.
enum Fixture {
    static let today = CalendarDate(year: 2026, month: 3, day: 1)!
    static let usd = Currency(code: "USD")!
    static let eur = Currency(code: "EUR")!

    static func money(_ text: String, _ currency: Currency = usd) -> Money {
        Money(Decimal(string: text)!, currency)
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(iso8601: text)! }

    /// Loads manifests given as file name → YAML text.
    static func manifest(_ files: [String: String]) throws -> Manifest {
        let sources = files.sorted { $0.key < $1.key }.map { ManifestSource(file: $0.key, data: Data($0.value.utf8)) }
        do {
            return try ManifestLoader().load(sources)
        } catch {
            Issue.record("manifest did not load: \(error)")
            throw error
        }
    }

    static func manifest(_ yaml: String) throws -> Manifest { try manifest(["m.yaml": yaml]) }

    static func live(_ json: String) throws -> LiveState {
        try LiveState(json: Data(json.utf8), file: "live.json")
    }

    static func plan(_ manifest: Manifest, _ live: LiveState, providers: [String] = [], targets: [String] = [],
                     allowUnsafe: Bool = false) throws -> Plan {
        try PlanBuilder.plan(manifest, live: live, options: PlanOptions(today: today, providers: providers,
                                                                         targets: targets.compactMap(ResourceAddress.init(parsing:)),
                                                                         allowUnsafe: allowUnsafe))
    }

    /// The providers block every small test uses.
    static let providers = """
    providers:
      nr: { type: nextroll, advertisable: ADV1, currency: USD }
      cr: { type: criteo, advertiser: "42", currency: EUR }
      ts: { type: topsort, vendor: v1, currency: USD }
      jx: { type: jivox, account: acc-7 }

    """

    /// Empty accounts for `providers`.
    static let emptyAccounts: [LiveAccount] = [
        LiveAccount(alias: "nr", kind: .nextroll, account: "ADV1", currency: usd),
        LiveAccount(alias: "cr", kind: .criteo, account: "42", currency: eur),
        LiveAccount(alias: "ts", kind: .topsort, account: "v1", currency: usd),
        LiveAccount(alias: "jx", kind: .jivox, account: "acc-7", currency: nil),
    ]

    static func accounts(_ change: (inout [String: LiveAccount]) -> Void) -> LiveState {
        var byAlias = Dictionary(uniqueKeysWithValues: emptyAccounts.map { ($0.alias, $0) })
        change(&byAlias)
        return LiveState(accounts: Array(byAlias.values))
    }
}
