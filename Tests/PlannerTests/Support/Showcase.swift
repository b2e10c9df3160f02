import Foundation
@testable import Planner

/// A small account with every kind of action and blocked change, used by the renderer goldens and
/// the saved-plan tests.
enum Showcase {
    static let manifestYAML = """
    providers:
      nr: { type: nextroll, advertisable: ADV1, currency: USD }
      cr: { type: criteo, advertiser: "42", currency: EUR }
      ts: { type: topsort, vendor: v1, currency: USD, prune: pause }
      jx: { type: jivox, account: acc-7 }
    safety: { max_change_percent: 100, max_spend_increase_percent: 200 }
    campaigns:
      - name: Spring
        provider: nr
        budget: { amount: 80.00, period: daily }
        adgroups:
          - name: Cart
            segments: { include: [SEGA, SEGB] }
            ads: [AD1, AD3]
          - name: Old
            status: paused
      - name: Summer
        provider: nr
        budget: { amount: 50.00, period: weekly }
        adgroups:
          - name: Lookalikes
            segments: { include: [SEGC] }
            ads: [AD9]
      - name: Winter
        provider: nr
        status: active
        budget: { amount: 10.00, period: daily }
      - name: Retention EU
        provider: cr
        id: "777"
        goal: retention
        budget: { amount: 120.00, period: daily }
      - name: Bola
        provider: ts
        external_id: bola
        budget: { amount: 30.00, period: daily }
    segments:
      - { id: SEGA, provider: nr, duration: 30 }
    retail_campaigns:
      - provider: jx
        idx: 5373
        trackers: [MOAT]
        exports: [{ format: png, resolution: 2 }]
        tags: out/tags
    """

    static let liveJSON = """
    {
      "format_version": 1,
      "providers": {
        "nr": {
          "type": "nextroll", "account": "ADV1", "currency": "USD",
          "campaigns": [
            { "id": "C1", "name": "Spring", "status": "active", "budget": { "amount": "700.00", "period": "weekly" }, "ui_budget_daily": true,
              "adgroups": [
                { "id": "G1", "name": "Cart", "status": "active", "segments": { "include": ["SEGA"], "exclude": [] }, "ads": ["AD1", "AD2"] },
                { "id": "G2", "name": "Old", "status": "active" }
              ] },
            { "id": "C3", "name": "Winter", "status": "paused", "platform_status": "paused", "budget": { "amount": 70, "period": "WEEKLY" }, "ui_budget_daily": true }
          ],
          "segments": [{ "id": "SEGA", "conversion_value": "5.00", "duration": 14 }]
        },
        "cr": {
          "type": "criteo", "account": "42", "currency": "EUR",
          "campaigns": [{ "id": "777", "name": "Retention", "goal": "Retention", "budget": { "amount": 100.0, "period": "daily" } }]
        },
        "ts": {
          "type": "topsort", "account": "v1", "currency": "USD",
          "campaigns": [
            { "id": "T1", "name": "Bola", "external_id": "bola", "status": "active", "budget": { "amount": "30.00", "period": "daily" },
              "bidding": { "type": "manual", "charge": "cpc" } },
            { "id": "T2", "name": "Forgotten", "status": "active", "budget": { "amount": "5.00", "period": "total" }, "lifetime_spent": "1.00" }
          ]
        },
        "jx": {
          "type": "jivox", "account": "acc-7",
          "retail_campaigns": [{ "idx": 5373, "active": false, "trackers": [], "available_trackers": ["MOAT"], "exports": [] }]
        }
      }
    }
    """

    static func manifest() throws -> Manifest { try Fixture.manifest(["showcase/m.yaml": manifestYAML]) }
    static func live() throws -> LiveState { try Fixture.live(liveJSON) }
    static func plan() throws -> Plan { try Fixture.plan(try manifest(), try live()) }
}
