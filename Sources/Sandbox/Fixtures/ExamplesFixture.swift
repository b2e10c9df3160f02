import Foundation

// Live state for the manifests in `examples/`, chosen so the first `reconcile plan` against it shows
// every kind of action and stays within the examples' safety thresholds (so the first apply goes
// through without --allow-unsafe, which is what the README's first command runs):
// - NextRoll (nextroll-us, prune: pause): "Spring Sale Retargeting" serves but has drifted (weekly
//   budget 560 instead of 700, cpc 1.00 instead of 1.20); its adgroup "Cart abandoners US" lacks the
//   excluded segment SEGRECENTBUYERS0000000 and the 728x90 ad, and carries an old ad to detach;
//   "Product viewers US" is missing. "Holiday Prospecting 2026.10" is missing (created paused).
//   "Winter Clearance 2025" serves but is in no manifest (paused by prune); "Summer Sale 2025" and
//   "Back to School 2025" are in no manifest and already paused (left alone). The daily ceiling goes
//   from 110.00 to 100.00; 2 of 4 live campaigns change (50%). Segment SEGCARTABANDON000000US has
//   conversion value 10.00 instead of 12.50; SEGPRODUCTVIEWERS000US matches.
// - Criteo (criteo-eu): "Retention EU" and "Always-on Catalog" (uncapped) match; "Acquisition DACH" has
//   goal Retention and a 3500.00 monthly limit (both change); "Black Friday Burst" has a 2000.00
//   lifetime limit (raised to 2500); "Legacy Retargeting FR" is in no manifest and left alone (no prune).
// - Topsort (topsort-mkt, vendor-42): "Bola-Bola Ad campaign" has a 40.00 budget, target ROAS 3.5 and no
//   exclusion filter; "Pantry Staples Always On" matches but is inactive (resumed); "Weekend Flash Deals"
//   is missing. A campaign of another vendor shows the vendor filter at work.
// - Jivox (jivox-main, acc-7): retail campaign 5373 is not activated yet (activation, two exports, tag
//   download); 5374 is active with no trackers and a finished jpg export (unchanged).

extension SandboxFixture {
    /// The live state the example manifests are planned against in `--sandbox` runs.
    public static let examples = SandboxFixture(embedded: examplesJSON)
}

private let examplesJSON = #"""
{
  "format": "reconcile-sandbox/1",
  "nextroll": {
    "advertisables": [
      { "eid": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Example Store US", "organization": "ORGEXAMPLE000000000001", "url": "https://store.example.com", "created_date": "2025-06-01T00:00:00+00:00" }
    ],
    "segments": [
      { "eid": "SEGCARTABANDON000000US", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Cart abandoners", "type": "b", "duration": 30, "conversion_value": 10.00, "created_date": "2025-06-02T00:00:00+00:00" },
      { "eid": "SEGPRODUCTVIEWERS000US", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Product viewers", "type": "s", "duration": 14, "conversion_value": 3.00, "created_date": "2025-06-02T00:00:00+00:00" },
      { "eid": "SEGRECENTBUYERS0000000", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Recent buyers", "type": "c", "duration": 30, "conversion_value": 25.00, "created_date": "2025-06-03T00:00:00+00:00" },
      { "eid": "SEGLOOKALIKE0000000US", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Lookalikes US", "type": "g", "duration": 60, "conversion_value": 0, "created_date": "2025-06-04T00:00:00+00:00" }
    ],
    "ads": [
      { "eid": "ADSPRINGBANNER30025000", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Spring banner 300x250", "ad_format_id": 5, "destination_url": "https://store.example.com/spring" },
      { "eid": "ADSPRINGBANNER72890000", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Spring banner 728x90", "ad_format_id": 3, "destination_url": "https://store.example.com/spring" },
      { "eid": "ADHOLIDAYVIDEO00000001", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Holiday teaser", "ad_format_id": 34, "destination_url": "https://store.example.com/holiday" },
      { "eid": "ADSPRINGOLDCREATIVE000", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Spring banner (2025)", "ad_format_id": 5, "destination_url": "https://store.example.com/spring-2025" }
    ],
    "campaigns": [
      { "eid": "CAMSPRINGSALE000000001", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Spring Sale Retargeting", "budget": 560.00, "ui_budget_daily": true,
        "cpc": 1.00, "max_cpm": 8.00, "start_date": "2026-03-01", "end_date": "2026-12-31", "is_retargeting": true,
        "status": "approved", "created_date": "2026-02-01T09:00:00+00:00" },
      { "eid": "CAMWINTERCLEARANCE0001", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Winter Clearance 2025", "budget": 210.00, "ui_budget_daily": true,
        "cpc": 0.90, "start_date": "2025-11-01", "is_retargeting": true, "status": "approved", "created_date": "2025-10-20T09:00:00+00:00" },
      { "eid": "CAMSUMMERSALE2025000001", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Summer Sale 2025", "budget": 350.00, "ui_budget_daily": true,
        "cpc": 1.10, "start_date": "2025-06-01", "end_date": "2025-09-01", "is_retargeting": true,
        "status": "paused", "status_before_pause": "approved", "created_date": "2025-05-20T09:00:00+00:00" },
      { "eid": "CAMBACKTOSCHOOL2025001", "advertisable": "K3V7ZQ2MXRFQBDN5HYT8AD", "name": "Back to School 2025", "budget": 280.00, "ui_budget_daily": true,
        "cpc": 0.95, "start_date": "2025-08-01", "end_date": "2025-09-15", "is_retargeting": false,
        "status": "paused", "status_before_pause": "approved", "created_date": "2025-07-20T09:00:00+00:00" }
    ],
    "adgroups": [
      { "eid": "AGCARTABANDONERSUS0001", "campaign": "CAMSPRINGSALE000000001", "name": "Cart abandoners US", "status": "approved",
        "segments": [ { "id": "SEGCARTABANDON000000US", "is_negative": false } ],
        "ads": [ "ADSPRINGBANNER30025000", "ADSPRINGOLDCREATIVE000" ],
        "geo_targets": [ { "country_id": 19, "eid": "YD2QNVI2GVH4DP4TIO8GEO", "is_negative": false },
                         { "region_id": "USCA", "eid": "FPDT2YVTEZG3LNMQ5Q8GEO", "is_negative": true } ],
        "created_date": "2026-02-01T09:05:00+00:00" },
      { "eid": "AGWINTERALLVISITORS001", "campaign": "CAMWINTERCLEARANCE0001", "name": "All visitors", "status": "approved",
        "segments": [ "SEGPRODUCTVIEWERS000US" ], "ads": [ "ADSPRINGOLDCREATIVE000" ],
        "geo_targets": [ { "country_id": 19, "eid": "YD2QNVI2GVH4DP4TIO8GEO", "is_negative": false } ], "created_date": "2025-10-20T09:05:00+00:00" }
    ]
  },
  "criteo": {
    "advertisers": [ { "id": "48213", "name": "Example Store EU" } ],
    "campaigns": [
      { "id": "310001", "name": "Retention EU", "advertiserId": "48213", "goal": "Retention",
        "spendLimit": { "spendLimitRenewal": "daily", "spendLimitType": "capped", "spendLimitAmount": 123.45 }, "lifetimeSpent": 8200.00, "currentPeriodSpent": 40.10 },
      { "id": "310002", "name": "Acquisition DACH", "advertiserId": "48213", "goal": "Retention",
        "spendLimit": { "spendLimitRenewal": "monthly", "spendLimitType": "capped", "spendLimitAmount": 3500.00 }, "lifetimeSpent": 12000.00, "currentPeriodSpent": 1900.00 },
      { "id": "310003", "name": "Black Friday Burst", "advertiserId": "48213", "goal": "Acquisition",
        "spendLimit": { "spendLimitRenewal": "lifetime", "spendLimitType": "capped", "spendLimitAmount": 2000.00 }, "lifetimeSpent": 1200.00 },
      { "id": "310005", "name": "Always-on Catalog", "advertiserId": "48213", "goal": "Acquisition",
        "spendLimit": { "spendLimitRenewal": "undefined", "spendLimitType": "uncapped", "spendLimitAmount": null }, "lifetimeSpent": 4100.00 },
      { "id": "310004", "name": "Legacy Retargeting FR", "advertiserId": "48213", "goal": "Unspecified",
        "spendLimit": { "spendLimitRenewal": "undefined", "spendLimitType": "uncapped", "spendLimitAmount": null }, "lifetimeSpent": 30500.00 }
    ]
  },
  "topsort": {
    "marketplaceId": "5b0e8c1a-7d2f-4e3a-9b4c-6d5e7f8a9b0c",
    "vendors": [
      { "id": "vendor-42", "name": "Bola-Bola Foods", "walletId": "a4e1c2d3-b5f6-4a7b-8c9d-0e1f2a3b4c5d" },
      { "id": "vendor-7", "name": "Another Vendor", "walletId": "b5f2d3e4-c6a7-4b8c-9d0e-1f2a3b4c5d6e" }
    ],
    "campaigns": [
      { "campaignId": "6f9d2c1e-3b4a-4c5d-8e7f-9a0b1c2d3e4f", "vendorId": "vendor-42", "name": "Bola-Bola Ad campaign", "externalCampaignId": "bola-2026",
        "startDate": "2026-01-15T00:00:00Z", "endDate": "2027-01-15T00:00:00Z", "isActive": true, "campaignType": "autobidding", "chargeType": "CPC",
        "autobiddingObjective": "clicks", "targetRoas": 3.5, "budget": { "amount": 4000, "type": "daily", "amountUsed": 1750 },
        "targetingFilters": { "isActive": true, "targetingFilters": [ { "type": "segment", "segmentId": 123 } ] },
        "createdAt": "2026-01-10T12:00:00Z" },
      { "campaignId": "7a0e3d2f-4c5b-4d6e-9f8a-0b1c2d3e4f5a", "vendorId": "vendor-42", "name": "Pantry Staples Always On", "externalCampaignId": "pantry-staples",
        "startDate": "2025-09-01T00:00:00Z", "endDate": "2030-01-01T00:00:00Z", "isActive": false, "campaignType": "autobidding", "chargeType": "CPC",
        "autobiddingObjective": "revenue", "targetRoas": 2.5, "budget": { "amount": 120000, "type": "monthly", "amountUsed": 0 },
        "createdAt": "2025-08-25T12:00:00Z" },
      { "campaignId": "8b1f4e3a-5d6c-4e7f-8a9b-1c2d3e4f5a6b", "vendorId": "vendor-7", "name": "Another Vendor Listings", "externalCampaignId": "other-1",
        "startDate": "2026-01-01T00:00:00Z", "endDate": "2027-01-01T00:00:00Z", "isActive": true, "campaignType": "manual", "chargeType": "CPM",
        "budget": { "amount": 50000, "type": "weekly" }, "createdAt": "2025-12-20T12:00:00Z" }
    ]
  },
  "jivox": {
    "accounts": [ { "id": "acc-7", "name": "Example Retail Media" } ],
    "retailCampaigns": [
      { "account": "acc-7", "idx": 5373, "name": "Spring Retail 2026", "status": "DRAFT", "availableTrackers": [ "MOAT" ] },
      { "account": "acc-7", "idx": 5374, "name": "Everyday Essentials", "status": "ACTIVE", "availableTrackers": [ "MOAT" ], "selectedTrackers": [],
        "exports": [ { "assetExportType": "jpg", "resolution": 1, "status": "COMPLETED" } ] }
    ]
  }
}
"""#
