import Foundation

// The generic fixture: one account on each platform with resources in every state the simulators
// model (active, paused, draft; capped, uncapped and lifetime spend limits; pending banners; a retail
// campaign before and after activation). Tests start from it; the format is described on `SandboxFixture`.
//
// It is kept as a Swift string rather than a bundle resource so the `reconcile` binary works wherever
// it is copied (SwiftPM's `Bundle.module` stops the process when the bundle is not found next to it).

extension SandboxFixture {
    /// A small, complete starting state for all four platforms.
    public static let generic = SandboxFixture(embedded: genericJSON)

    /// Parses an embedded fixture; the tests check that each one parses, so the empty fallback is never used.
    init(embedded text: String) {
        self = (try? SandboxFixture(data: Data(text.utf8), source: "embedded fixture")) ?? .empty
    }
}

private let genericJSON = #"""
{
  "format": "reconcile-sandbox/1",
  "nextroll": {
    "advertisables": [
      { "eid": "ADVGENERIC000000000001", "name": "Generic Shop", "organization": "ORGGENERIC000000000001", "url": "https://shop.example.com", "created_date": "2025-01-10T00:00:00+00:00" }
    ],
    "segments": [
      { "eid": "SEGGENERICVISITORS0001", "advertisable": "ADVGENERIC000000000001", "name": "All visitors", "type": "s", "duration": 30, "conversion_value": 5.00, "created_date": "2025-01-11T00:00:00+00:00" },
      { "eid": "SEGGENERICBUYERS000001", "advertisable": "ADVGENERIC000000000001", "name": "Buyers", "type": "c", "duration": 60, "conversion_value": 20.00, "created_date": "2025-01-12T00:00:00+00:00" },
      { "eid": "SEGGENERICCART00000001", "advertisable": "ADVGENERIC000000000001", "name": "Cart abandoners", "type": "b", "duration": 14, "conversion_value": 12.50, "created_date": "2025-01-13T00:00:00+00:00" }
    ],
    "ads": [
      { "eid": "ADGENERICBANNER0000001", "advertisable": "ADVGENERIC000000000001", "name": "Banner 300x250", "ad_format_id": 5, "destination_url": "https://shop.example.com/" },
      { "eid": "ADGENERICBANNER0000002", "advertisable": "ADVGENERIC000000000001", "name": "Banner 728x90", "ad_format_id": 3, "destination_url": "https://shop.example.com/" },
      { "eid": "ADGENERICFACEBOOK00001", "advertisable": "ADVGENERIC000000000001", "name": "Facebook link ad", "ad_format_id": 24, "destination_url": "https://shop.example.com/" },
      { "eid": "ADGENERICPAUSED0000001", "advertisable": "ADVGENERIC000000000001", "name": "Old banner", "ad_format_id": 5, "status": "paused", "is_active": false }
    ],
    "campaigns": [
      { "eid": "CAMGENERICACTIVE000001", "advertisable": "ADVGENERIC000000000001", "name": "Always On", "budget": 700.00, "ui_budget_daily": true,
        "cpc": 1.50, "max_cpm": 8.00, "start_date": "2026-01-01", "is_retargeting": true, "status": "approved" },
      { "eid": "CAMGENERICPAUSED000001", "advertisable": "ADVGENERIC000000000001", "name": "Seasonal", "budget": 350.00, "ui_budget_daily": false,
        "cpm": 4.50, "start_date": "2026-01-01", "end_date": "2026-12-31", "status": "paused", "status_before_pause": "approved" },
      { "eid": "CAMGENERICDRAFT0000001", "advertisable": "ADVGENERIC000000000001", "name": "Draft Idea", "budget": 70.00, "start_date": "2026-06-01", "status": "draft" }
    ],
    "adgroups": [
      { "eid": "AGGENERICACTIVE0000001", "campaign": "CAMGENERICACTIVE000001", "name": "Visitors", "status": "approved",
        "segments": [ { "id": "SEGGENERICVISITORS0001", "is_negative": false }, { "id": "SEGGENERICBUYERS000001", "is_negative": true } ],
        "ads": [ "ADGENERICBANNER0000001", "ADGENERICBANNER0000002" ],
        "geo_targets": [ { "country_id": 19, "eid": "YD2QNVI2GVH4DP4TIO8GEO", "is_negative": false } ] },
      { "eid": "AGGENERICDRAFT00000001", "campaign": "CAMGENERICACTIVE000001", "name": "Draft group", "status": "draft" },
      { "eid": "AGGENERICPAUSED0000001", "campaign": "CAMGENERICPAUSED000001", "name": "Seasonal group", "status": "paused",
        "segments": [ "SEGGENERICCART00000001" ], "ads": [ "ADGENERICBANNER0000001" ] }
    ]
  },
  "criteo": {
    "advertisers": [ { "id": "12345", "name": "Generic Advertiser" }, { "id": "67890", "name": "Other Advertiser" } ],
    "campaigns": [
      { "id": "100001", "name": "Retention Daily", "advertiserId": "12345", "goal": "Retention",
        "spendLimit": { "spendLimitRenewal": "daily", "spendLimitType": "capped", "spendLimitAmount": 123.45 }, "lifetimeSpent": 500.00, "currentPeriodSpent": 100.00 },
      { "id": "100002", "name": "Acquisition Uncapped", "advertiserId": "12345", "goal": "Acquisition",
        "spendLimit": { "spendLimitRenewal": "undefined", "spendLimitType": "uncapped", "spendLimitAmount": null } },
      { "id": "100003", "name": "Lifetime Burst", "advertiserId": "12345", "goal": "Acquisition",
        "spendLimit": { "spendLimitRenewal": "lifetime", "spendLimitType": "capped", "spendLimitAmount": 1000.00 }, "lifetimeSpent": 800.00 },
      { "id": "100004", "name": "Other Monthly", "advertiserId": "67890", "goal": "Retention",
        "spendLimit": { "spendLimitRenewal": "monthly", "spendLimitType": "capped", "spendLimitAmount": 2000.00 } }
    ]
  },
  "topsort": {
    "marketplaceId": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    "vendors": [
      { "id": "vendor-1", "name": "First Vendor", "walletId": "9a1f2b3c-4d5e-4f60-8a7b-1c2d3e4f5a6b" },
      { "id": "vendor-2", "name": "Second Vendor", "walletId": "0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e" }
    ],
    "campaigns": [
      { "campaignId": "11111111-1111-4111-8111-111111111111", "vendorId": "vendor-1", "name": "Autobid Listings", "externalCampaignId": "ext-autobid",
        "startDate": "2026-01-01T00:00:00Z", "endDate": "2027-01-01T00:00:00Z", "isActive": true, "campaignType": "autobidding", "chargeType": "CPC",
        "autobiddingObjective": "clicks", "targetRoas": 4.0, "budget": { "amount": 5000, "type": "daily", "amountUsed": 1200 },
        "createdAt": "2025-12-01T10:00:00Z",
        "targetingFilters": { "isActive": true, "targetingFilters": [ { "type": "segment", "segmentId": 123 } ] } },
      { "campaignId": "22222222-2222-4222-8222-222222222222", "vendorId": "vendor-1", "name": "Manual Listings", "externalCampaignId": "ext-manual",
        "startDate": "2026-01-01T00:00:00Z", "endDate": "2027-01-01T00:00:00Z", "isActive": false, "campaignType": "manual", "chargeType": "CPM",
        "budget": { "amount": 30000, "type": "weekly" }, "createdAt": "2025-12-02T10:00:00Z" },
      { "campaignId": "33333333-3333-4333-8333-333333333333", "vendorId": "vendor-1", "name": "Homepage Banner", "adFormat": "banner", "status": "pending",
        "startDate": "2026-02-01T00:00:00Z", "endDate": "2026-03-01T00:00:00Z", "isActive": true, "campaignType": "manual", "chargeType": "CPM",
        "budget": { "amount": 100000, "type": "total" }, "createdAt": "2025-12-03T10:00:00Z" },
      { "campaignId": "44444444-4444-4444-8444-444444444444", "vendorId": "vendor-2", "name": "Other Vendor Listings",
        "startDate": "2026-01-01T00:00:00Z", "endDate": "2027-01-01T00:00:00Z", "isActive": true, "campaignType": "manual", "chargeType": "CPC",
        "budget": { "amount": 120000, "type": "monthly" }, "createdAt": "2025-12-04T10:00:00Z" }
    ]
  },
  "jivox": {
    "accounts": [ { "id": "acc-1", "name": "Generic Retail" } ],
    "retailCampaigns": [
      { "account": "acc-1", "idx": 101, "name": "Spring Retail", "status": "DRAFT", "availableTrackers": [ "MOAT" ] },
      { "account": "acc-1", "idx": 102, "name": "Summer Retail", "status": "ACTIVE", "availableTrackers": [ "MOAT" ], "selectedTrackers": [ "MOAT" ],
        "exports": [ { "assetExportType": "png", "resolution": 1, "status": "COMPLETED" } ] }
    ]
  }
}
"""#
