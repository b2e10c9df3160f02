import Foundation

/// The manifest format, version 1, as data (see DESIGN.md "Manifest format (v1)").
public enum ManifestSchema {
    static let moneyProviders: Set<ProviderKind> = [.nextroll, .criteo, .topsort]

    /// The top level of one manifest document.
    public static let document = ObjectSchema(
        name: "manifest",
        description: "A reconcile manifest: providers and the campaigns, segments and retail campaigns wanted on them. Every *.yaml/*.yml file under the manifest path is read; top-level lists from several files are concatenated; top-level keys starting with x- are ignored (to hold anchors).",
        properties: [
            SchemaProperty("providers", .map(of: .object(provider), keyDescription: "provider alias"),
                           "Provider blocks keyed by an alias that resources refer to."),
            SchemaProperty("campaigns", .sequence(of: .object(campaign)), "Campaigns on NextRoll, Criteo and Topsort."),
            SchemaProperty("segments", .sequence(of: .object(segment)), "Settings of existing NextRoll audience segments (edited, never created)."),
            SchemaProperty("retail_campaigns", .sequence(of: .object(retailCampaign)), "Jivox retail campaigns to activate and export."),
            SchemaProperty("safety", .object(safety(providerBlock: false)), "Thresholds above which a plan is refused without an explicit override."),
        ],
        allowsExtensionKeys: true,
        mayHoldSecrets: true)

    public static let provider = ObjectSchema(
        name: "provider",
        description: "An account on an ad platform.",
        properties: [
            SchemaProperty("type", .enumeration(ProviderKind.allCases.map(\.rawValue)), required: true, "The platform."),
            SchemaProperty("advertisable", .string(minLength: 1), providers: [.nextroll], "NextRoll advertisable EID (required for nextroll)."),
            SchemaProperty("advertiser", .string(minLength: 1), providers: [.criteo], "Criteo advertiser id (required for criteo)."),
            SchemaProperty("vendor", .string(minLength: 1), providers: [.topsort], "Topsort vendor id (required for topsort)."),
            SchemaProperty("account", .string(minLength: 1), providers: [.jivox], "Jivox account id (required for jivox)."),
            SchemaProperty("currency", .string(minLength: 3), providers: moneyProviders,
                           "ISO 4217 code; money in this provider's resources is in it (required for nextroll, criteo, topsort)."),
            SchemaProperty("prune", .enumeration(PrunePolicy.allCases.map(\.rawValue)), providers: [.nextroll, .topsort], default: .string("none"),
                           "none: leave live campaigns no manifest declares alone; pause: pause them (never deleted)."),
            SchemaProperty("endpoint", .string(minLength: 1), "Overrides the platform's default base URL (http or https; no user:password@ or ?query: credentials go under credentials)."),
            SchemaProperty("credentials", .object(credentials),
                           "Where credentials come from: env:VARIABLE only, never a literal secret."),
            SchemaProperty("limits", .object(limits), "Client concurrency and request-rate limits for this account."),
            SchemaProperty("safety", .object(safety(providerBlock: true)), "Safety thresholds for this provider; override the top-level ones."),
        ],
        providerTypeKey: "type",
        mayHoldSecrets: true)

    static let credentials = ObjectSchema(
        name: "credentials block",
        description: "Credential names to environment variables (env:NAME). Unset names use the platform's default variable.",
        properties: [
            SchemaProperty("api_key", .string(minLength: 1, secret: true), providers: [.nextroll, .topsort, .jivox],
                           "API key (default env:NEXTROLL_API_KEY, env:TOPSORT_API_KEY or env:JIVOX_API_KEY)."),
            SchemaProperty("token", .string(minLength: 1, secret: true), providers: [.nextroll], "NextRoll bearer token (default env:NEXTROLL_TOKEN)."),
            SchemaProperty("client_id", .string(minLength: 1, secret: true), providers: [.criteo], "Criteo OAuth client id (default env:CRITEO_CLIENT_ID)."),
            SchemaProperty("client_secret", .string(minLength: 1, secret: true), providers: [.criteo], "Criteo OAuth client secret (default env:CRITEO_CLIENT_SECRET)."),
        ],
        mayHoldSecrets: true)

    static let limits = ObjectSchema(
        name: "limits",
        description: "Client limits; defaults follow the platform's published rate limits.",
        properties: [
            SchemaProperty("concurrency", .integer(minimum: 1, maximum: 64), "Calls in flight at once."),
            SchemaProperty("requests_per_minute", .integer(minimum: 1), "Calls started per minute."),
        ])

    static func safety(providerBlock: Bool) -> ObjectSchema {
        var properties = [
            SchemaProperty("max_change_percent", .decimal(minimum: 0, maximum: 100), default: .integer(50),
                           "Refuse plans that pause or edit more than this percentage of a provider's live campaigns."),
            // Jivox resources carry no money, so a Jivox block has no spend to limit.
            SchemaProperty("max_spend_increase_percent", .decimal(minimum: 0), providers: providerBlock ? moneyProviders : nil, default: .integer(100),
                           "Refuse plans that raise a provider's daily-equivalent spend ceiling by more than this percentage."),
        ]
        if providerBlock {
            properties.append(SchemaProperty("max_spend_increase", .decimal(minimum: 0), providers: moneyProviders,
                                             "Refuse plans that raise this provider's daily-equivalent spend ceiling by more than this amount, in its currency."))
        }
        return ObjectSchema(name: "safety", description: "Safety thresholds.", properties: properties)
    }

    public static let campaign = ObjectSchema(
        name: "campaign",
        description: "A campaign. Keys left out are not managed: their live values are left alone.",
        properties: [
            SchemaProperty("name", .string(minLength: 1), required: true, "The name on the platform; identity within its provider."),
            SchemaProperty("provider", .string(minLength: 1), required: true, "Alias of a block under providers."),
            SchemaProperty("id", .string(minLength: 1),
                           "Pins the campaign to a live ID (adoption, renames): a NextRoll EID, a numeric Criteo id, a Topsort UUID."),
            SchemaProperty("status", .enumeration(ServingStatus.allCases.map(\.rawValue)), providers: [.nextroll, .topsort],
                           "Whether the campaign serves. Left out: a new campaign is created serving; a live one keeps its status."),
            SchemaProperty("budget", .object(budget), "Spend limit per period, or { uncapped: true } (Criteo)."),
            SchemaProperty("schedule", .object(schedule), providers: [.nextroll, .topsort], "Start and end dates."),
            SchemaProperty("bidding", .object(bidding), providers: [.nextroll, .topsort], "Bidding settings (keys depend on the provider)."),
            SchemaProperty("retargeting", .boolean, providers: [.nextroll], "NextRoll: a retargeting campaign (is_retargeting)."),
            SchemaProperty("goal", .enumeration(CriteoGoal.allCases.map(\.rawValue)), providers: [.criteo],
                           "Criteo marketing goal; required when the campaign is created."),
            SchemaProperty("external_id", .string(minLength: 1), providers: [.topsort], "Topsort externalCampaignId; matched before the name."),
            SchemaProperty("targeting", .object(integerSelection(name: "targeting", what: "Topsort segment ids")), providers: [.topsort],
                           "Topsort targeting (include) and exclusion (exclude) segment ids."),
            SchemaProperty("adgroups", .sequence(of: .object(adGroup)), providers: [.nextroll], "NextRoll ad groups of the campaign."),
        ],
        resourceProviders: moneyProviders)

    static let budget = ObjectSchema(
        name: "budget",
        description: "An amount per period in the provider's currency, or { uncapped: true } where the provider allows it (Criteo).",
        properties: [
            SchemaProperty("amount", .decimal(minimum: 0), "The amount, in the provider's currency."),
            SchemaProperty("period", .enumeration(BudgetPeriod.allCases.map(\.rawValue)),
                           "daily | weekly | monthly | lifetime; each provider supports some."),
            SchemaProperty("uncapped", .boolean, "true for no spend limit (Criteo only)."),
        ],
        alternatives: [["amount", "period"], ["uncapped"]])

    static let schedule = ObjectSchema(
        name: "schedule",
        description: "When the campaign runs; end is exclusive.",
        properties: [
            SchemaProperty("start", .date, "First day (YYYY-MM-DD)."),
            SchemaProperty("end", .date, "Day the campaign ends, exclusive (YYYY-MM-DD)."),
        ])

    static let bidding = ObjectSchema(
        name: "bidding",
        description: "NextRoll: cpc, cpm, max_cpm. Topsort: type, objective, target_roas, charge.",
        properties: [
            SchemaProperty("cpc", .decimal(minimum: 0), providers: [.nextroll], "NextRoll CPC goal, in the provider's currency."),
            SchemaProperty("cpm", .decimal(minimum: 0), providers: [.nextroll], "NextRoll CPM limit of the pricing model."),
            SchemaProperty("max_cpm", .decimal(minimum: 0), providers: [.nextroll], "NextRoll CPM limit for the networks, used in bidding."),
            SchemaProperty("type", .enumeration(TopsortCampaignType.allCases.map(\.rawValue)), providers: [.topsort],
                           "Topsort campaignType; a live campaign can only be changed to autobidding."),
            SchemaProperty("objective", .enumeration(AutobiddingObjective.allCases.map(\.rawValue)), providers: [.topsort],
                           "Topsort autobiddingObjective (autobidding campaigns only)."),
            SchemaProperty("target_roas", .decimal(minimum: Decimal(string: "0.5"), maximum: 20), providers: [.topsort],
                           "Topsort targetRoas, 0.5 to 20 (autobidding campaigns only)."),
            SchemaProperty("charge", .enumeration(ChargeType.allCases.map(\.rawValue)), providers: [.topsort], "Topsort chargeType."),
        ])

    public static let adGroup = ObjectSchema(
        name: "adgroup",
        description: "A NextRoll ad group. Keys left out are not managed.",
        properties: [
            SchemaProperty("name", .string(minLength: 1), required: true, "Identity within the campaign."),
            SchemaProperty("status", .enumeration(ServingStatus.allCases.map(\.rawValue)),
                           "Whether the ad group serves. Left out: a new ad group is created serving; a live one keeps its status."),
            SchemaProperty("segments", .object(stringSelection(name: "segments", what: "segment EIDs")),
                           "Segment EIDs to target (include) and to exclude (negative segments)."),
            SchemaProperty("geo", .object(geoSelection), "Geo targets to include and exclude."),
            SchemaProperty("ads", .sequence(of: .string(minLength: 1)), "Ad EIDs attached to the ad group."),
        ])

    static func stringSelection(name: String, what: String) -> ObjectSchema {
        ObjectSchema(name: name, description: "Included and excluded \(what).", properties: [
            SchemaProperty("include", .sequence(of: .string(minLength: 1)), "Included \(what)."),
            SchemaProperty("exclude", .sequence(of: .string(minLength: 1)), "Excluded \(what)."),
        ])
    }

    static func integerSelection(name: String, what: String) -> ObjectSchema {
        ObjectSchema(name: name, description: "Included and excluded \(what).", properties: [
            SchemaProperty("include", .sequence(of: .integer(minimum: 0)), "Included \(what)."),
            SchemaProperty("exclude", .sequence(of: .integer(minimum: 0)), "Excluded \(what)."),
        ])
    }

    static let geoSelection = ObjectSchema(name: "geo", description: "Included and excluded geo targets.", properties: [
        SchemaProperty("include", .sequence(of: .object(geoTarget)), "Targeted locations."),
        SchemaProperty("exclude", .sequence(of: .object(geoTarget)), "Excluded locations (is_negative)."),
    ])

    static let geoTarget = ObjectSchema(
        name: "geo target",
        description: "One location key and the location's geo EID.",
        properties: [
            SchemaProperty("country_id", .integer(minimum: 0), "Country id."),
            SchemaProperty("region_id", .string(minLength: 1), "Region id such as USCA."),
            SchemaProperty("metro_id", .integer(minimum: 0), "Metro id."),
            SchemaProperty("city_id", .integer(minimum: 0), "City id."),
            SchemaProperty("postal_code_id", .integer(minimum: 0), "Postal code id."),
            SchemaProperty("postal_code", .string(minLength: 1), "Postal code as text (leading zeros kept)."),
            SchemaProperty("eid", .string(minLength: 1), required: true, "The location's geo EID."),
        ],
        alternatives: GeoTarget.Kind.allCases.map { [$0.rawValue] })

    public static let segment = ObjectSchema(
        name: "segment",
        description: "Settings of an existing NextRoll audience segment.",
        properties: [
            SchemaProperty("id", .string(minLength: 1), required: true, "Segment EID."),
            SchemaProperty("provider", .string(minLength: 1), required: true, "Alias of a nextroll provider block."),
            SchemaProperty("conversion_value", .decimal(minimum: 0), "Value of a conversion from this segment, in USD (NextRoll keeps it in USD)."),
            SchemaProperty("duration", .integer(minimum: 1), "Days of inactivity before a user leaves the segment."),
        ],
        resourceProviders: [.nextroll])

    public static let retailCampaign = ObjectSchema(
        name: "retail campaign",
        description: "A Jivox retail campaign made in Jivox, named by its index.",
        properties: [
            SchemaProperty("provider", .string(minLength: 1), required: true, "Alias of a jivox provider block."),
            SchemaProperty("idx", .integer(minimum: 0), required: true, "Retail campaign index (retailCampaignIdx)."),
            SchemaProperty("trackers", .sequence(of: .enumeration(RetailCampaign.trackerTypes)),
                           "Tracker types to activate with (MOAT); an empty list activates without trackers."),
            SchemaProperty("exports", .sequence(of: .object(assetExport)), "Asset exports to run once the campaign is active."),
            SchemaProperty("tags", .string(minLength: 1), "Folder apply downloads the tags CSV into, relative to the manifest file."),
        ],
        resourceProviders: [.jivox])

    static let assetExport = ObjectSchema(
        name: "export",
        description: "An asset export: format and resolution multiplier (2x only for png, jpg, gif).",
        properties: [
            SchemaProperty("format", .enumeration(AssetExport.Format.allCases.map(\.rawValue)), required: true, "Export format."),
            SchemaProperty("resolution", .integerChoice([1, 2]), default: .integer(1), "Resolution multiplier: 1 or 2."),
        ])
}
