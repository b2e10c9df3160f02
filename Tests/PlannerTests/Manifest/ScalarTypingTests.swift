import Foundation
import Testing
@testable import Planner

/// Scalars are typed by the schema, never by YAML 1.1 guessing: text fields keep the text as written,
/// numbers go from their digits straight into `Decimal`, and only `true`/`false` are booleans.
@Suite struct ScalarTypingTests {
    @Test func textFieldsKeepTheTextAsWritten() throws {
        let manifest = try ManifestFixtures.manifest("""
            campaigns:
              - { name: 2026.10, provider: nextroll-us }
              - { name: 1e3, provider: nextroll-us }
              - { name: true, provider: nextroll-us }
              - { name: 0x1F, provider: nextroll-us }
              - { name: 012, provider: nextroll-us }
              - { name: "  spaced  ", provider: nextroll-us }
              - name: no
                provider: nextroll-us
                adgroups:
                  - name: NO
                    geo:
                      include: [{ region_id: NO, eid: E1 }, { postal_code: 01234, eid: E2 }, { country_id: 19, eid: E3 }]
            """)
        #expect(manifest.campaigns.map(\.name) == ["2026.10", "1e3", "true", "0x1F", "012", "  spaced  ", "no"])
        let geo = try #require(manifest.campaigns.last?.adGroups.first?.geo)
        #expect(manifest.campaigns.last?.adGroups.first?.name == "NO")
        #expect(geo.include == [GeoTarget(kind: .regionID, value: "NO", eid: "E1"),
                                GeoTarget(kind: .postalCode, value: "01234", eid: "E2"),
                                GeoTarget(kind: .countryID, value: "19", eid: "E3")])
    }

    @Test func moneyIsExactDecimal() throws {
        let manifest = try ManifestFixtures.manifest("""
            campaigns:
              - { name: a, provider: criteo-eu, budget: { amount: 19.99, period: daily } }
              - { name: b, provider: criteo-eu, budget: { amount: 0.10, period: daily } }
              - { name: c, provider: criteo-eu, budget: { amount: 123456789012345678901234.56, period: lifetime } }
              - { name: d, provider: criteo-eu, budget: { amount: .5, period: daily } }
              - { name: e, provider: criteo-eu, budget: { amount: +7, period: daily } }
              - { name: f, provider: criteo-eu, budget: { amount: -0, period: daily } }
              - { name: g, provider: criteo-jp, budget: { amount: 1000000, period: monthly } }
              - { name: h, provider: criteo-kw, budget: { amount: 1.234, period: monthly } }
            """)
        let amounts = manifest.campaigns.map { campaign -> Decimal? in
            if case .capped(let money, _)? = campaign.budget { return money.amount }
            return nil
        }
        #expect(amounts[0] == Decimal(sign: .plus, exponent: -2, significand: 1999))
        #expect(amounts[0].map { "\($0)" } == "19.99")
        #expect(amounts[1] == Decimal(sign: .plus, exponent: -1, significand: 1))
        #expect(amounts[2].map { "\($0)" } == "123456789012345678901234.56")
        #expect(amounts[3] == Decimal(sign: .plus, exponent: -1, significand: 5))
        #expect(amounts[4] == 7)
        #expect(amounts[5] == 0)
        #expect(amounts[6] == 1_000_000)
        #expect(amounts[7] == Decimal(sign: .plus, exponent: -3, significand: 1234))
        if case .capped(let money, .monthly)? = manifest.campaigns[7].budget {
            #expect(money.currency.code == "KWD" && money.minorUnits == 1234)
        } else {
            Issue.record("KWD budget not read")
        }
    }

    @Test func decimalTextThatIsNotPlainDigitsIsRefused() {
        let diagnostics = ManifestFixtures.diagnostics("""
            campaigns:
              - { name: a, provider: criteo-eu, budget: { amount: 1e2, period: daily } }
              - { name: b, provider: criteo-eu, budget: { amount: 1_000, period: daily } }
              - { name: c, provider: criteo-eu, budget: { amount: "1,000", period: daily } }
              - { name: d, provider: criteo-eu, budget: { amount: .inf, period: daily } }
              - { name: e, provider: criteo-eu, budget: { amount: .nan, period: daily } }
              - { name: f, provider: criteo-eu, budget: { amount: 0x10, period: daily } }
              - { name: g, provider: criteo-eu, budget: { amount: 12345678901234567890123456789012345, period: daily } }
              - { name: h, provider: criteo-eu, budget: { amount: 1., period: daily } }
            """)
        #expect(diagnostics.map(\.placeAndText) == [
            "2:55: `amount` must be a decimal number such as 100.00, found `1e2`",
            "3:55: `amount` must be a decimal number such as 100.00, found `1_000`",
            "4:55: `amount` must be a decimal number such as 100.00, found the quoted text \"1,000\" (write numbers without quotes)",
            "5:55: `amount` must be a decimal number such as 100.00, found `.inf`",
            "6:55: `amount` must be a decimal number such as 100.00, found `.nan`",
            "7:55: `amount` must be a decimal number such as 100.00, found `0x10`",
            "8:55: `amount` has 35 digits; at most 34 can be held exactly (use fewer decimals)",
        ])
    }

    @Test func numbersAndBooleansWrittenAsTextAreRefused() {
        let diagnostics = ManifestFixtures.diagnostics("""
            campaigns:
              - name: a
                provider: nextroll-us
                budget: { amount: "19.99", period: daily }
                retargeting: "true"
              - { name: b, provider: criteo-eu, budget: { amount: !!str 5, period: daily } }
            retail_campaigns:
              - { provider: jivox-main, idx: '5373', exports: [{ format: png, resolution: "2" }] }
            """)
        #expect(diagnostics.map(\.placeAndText) == [
            "4:23: `amount` must be a decimal number such as 100.00, found the quoted text \"19.99\" (write numbers without quotes)",
            "5:18: `retargeting` must be true or false, found the quoted text \"true\" (write true or false without quotes)",
            "6:55: `amount` must be a decimal number such as 100.00, found the text \"5\" (write numbers without quotes)",
            "8:34: `idx` must be a whole number, found the quoted text \"5373\" (write numbers without quotes)",
            "8:79: `resolution` must be one of 1, 2, found the quoted text \"2\" (write numbers without quotes)",
        ])
    }

    @Test func onlyTrueAndFalseAreBooleans() throws {
        let manifest = try ManifestFixtures.manifest("""
            campaigns:
              - { name: a, provider: nextroll-us, retargeting: true }
              - { name: b, provider: nextroll-us, retargeting: False }
              - { name: c, provider: nextroll-us, retargeting: TRUE }
            """)
        #expect(manifest.campaigns.map(\.retargeting) == [true, false, true])
        let diagnostics = ManifestFixtures.diagnostics("""
            campaigns:
              - { name: a, provider: nextroll-us, retargeting: yes }
              - { name: b, provider: nextroll-us, retargeting: no }
              - { name: c, provider: nextroll-us, retargeting: on }
              - { name: d, provider: nextroll-us, retargeting: Off }
              - { name: e, provider: nextroll-us, retargeting: 1 }
            """)
        #expect(diagnostics.map(\.placeAndText) == [
            "2:52: `retargeting` must be true or false, found `yes` (YAML 1.1 words like yes/no/on/off are not booleans here)",
            "3:52: `retargeting` must be true or false, found `no` (YAML 1.1 words like yes/no/on/off are not booleans here)",
            "4:52: `retargeting` must be true or false, found `on` (YAML 1.1 words like yes/no/on/off are not booleans here)",
            "5:52: `retargeting` must be true or false, found `Off` (YAML 1.1 words like yes/no/on/off are not booleans here)",
            "6:52: `retargeting` must be true or false, found `1`",
        ])
    }

    @Test func datesAreStrictlyYearMonthDay() throws {
        let manifest = try ManifestFixtures.manifest("""
            campaigns:
              - { name: a, provider: nextroll-us, schedule: { start: 2026-03-01, end: "2028-02-29" } }
            """)
        #expect(manifest.campaigns.first?.schedule == Schedule(start: CalendarDate(year: 2026, month: 3, day: 1),
                                                                end: CalendarDate(year: 2028, month: 2, day: 29)))
        let diagnostics = ManifestFixtures.diagnostics("""
            campaigns:
              - { name: a, provider: nextroll-us, schedule: { start: 2026-3-1 } }
              - { name: b, provider: nextroll-us, schedule: { start: 2026-02-29 } }
              - { name: c, provider: nextroll-us, schedule: { start: 2026-03-01T00:00:00Z } }
              - { name: d, provider: nextroll-us, schedule: { start: 20260301 } }
              - { name: e, provider: nextroll-us, schedule: { start: 2026/03/01 } }
              - { name: f, provider: nextroll-us, schedule: { start: 2026-13-01 } }
              - { name: g, provider: nextroll-us, schedule: { start: ２０２６-03-01 } }
            """)
        #expect(diagnostics.map(\.placeAndText) == [
            "2:58: `start` must be a date such as 2026-03-01, found `2026-3-1`",
            "3:58: `start` is not a day of the calendar: `2026-02-29` (check the month and day)",
            "4:58: `start` must be a date such as 2026-03-01, found `2026-03-01T00:00:00Z`",
            "5:58: `start` must be a date such as 2026-03-01, found `20260301`",
            "6:58: `start` must be a date such as 2026-03-01, found `2026/03/01`",
            "7:58: `start` is not a day of the calendar: `2026-13-01` (check the month and day)",
            "8:58: `start` must be a date such as 2026-03-01, found `２０２６-03-01`",
        ])
    }

    @Test func wholeNumbersAreDigitsThatFit() throws {
        let manifest = try ManifestFixtures.manifest("""
            retail_campaigns:
              - { provider: jivox-main, idx: +5373 }
              - { provider: jivox-main, idx: 0 }
            segments:
              - { id: S1, provider: nextroll-us, duration: 0030 }
            """)
        #expect(manifest.retailCampaigns.map(\.idx) == [5373, 0])
        #expect(manifest.segments.first?.duration == 30)
        let diagnostics = ManifestFixtures.diagnostics("""
            retail_campaigns:
              - { provider: jivox-main, idx: 5373.0 }
              - { provider: jivox-main, idx: 99999999999999999999 }
              - { provider: jivox-main, idx: -1 }
              - { provider: jivox-main, idx: 0o17 }
              - { provider: jivox-main, idx: 1_000 }
            """)
        #expect(diagnostics.map(\.placeAndText) == [
            "2:34: `idx` must be a whole number, found `5373.0`",
            "3:34: `idx` is too large: `99999999999999999999` (at most 9223372036854775807)",
            "4:34: `idx` must be at least 0; found -1",
            "5:34: `idx` must be a whole number, found `0o17`",
            "6:34: `idx` must be a whole number, found `1_000`",
        ])
    }
}
