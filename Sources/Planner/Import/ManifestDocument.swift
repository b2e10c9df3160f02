import Foundation

/// The parts of one account's manifest, and the notes gathered while writing them.
struct ManifestDocument {
    let account: LiveAccount
    private(set) var notes: [ImportNote] = []

    init(account: LiveAccount) {
        self.account = account
    }

    var kind: ProviderKind { account.kind }
    var alias: String { account.alias }

    mutating func note(_ address: ResourceAddress, _ message: String) {
        notes.append(ImportNote(address, message))
    }

    /// Whether `key` of `schema` may be written for this account's platform.
    func applies(_ key: String, in schema: ObjectSchema) -> Bool {
        schema.property(key)?.applies(to: kind) == true
    }

    // MARK: Provider block

    mutating func providerBlock(currency: Currency?, provider: ProviderConfig?) -> YAMLOutput {
        let schema = ManifestSchema.provider
        var entries = [YAMLOutput.Entry("type", .plain(kind.rawValue)), YAMLOutput.Entry(kind.accountKey, .text(account.account))]
        if let currency, applies("currency", in: schema) { entries.append(YAMLOutput.Entry("currency", .text(currency.code))) }
        guard let provider else { return .map(entries) }
        if let endpoint = provider.endpoint { entries.append(YAMLOutput.Entry("endpoint", .text(endpoint.absoluteString))) }
        let defaults = Dictionary(uniqueKeysWithValues: kind.credentialDefaults.map { ($0.name, $0.environmentVariable) })
        let credentials = provider.credentials.filter { defaults[$0.key] != $0.value.environmentVariable }.sorted { $0.key < $1.key }
        if !credentials.isEmpty {
            entries.append(YAMLOutput.Entry("credentials", .map(credentials.map { YAMLOutput.Entry($0.key, .text($0.value.description)) })))
        }
        if let limits = provider.limits {
            var values: [YAMLOutput.Entry] = []
            if let concurrency = limits.concurrency { values.append(YAMLOutput.Entry("concurrency", .integer(concurrency))) }
            if let perMinute = limits.requestsPerMinute { values.append(YAMLOutput.Entry("requests_per_minute", .integer(perMinute))) }
            if !values.isEmpty { entries.append(YAMLOutput.Entry("limits", .map(values))) }
        }
        if let safety = provider.safety {
            var values: [YAMLOutput.Entry] = []
            if let value = safety.maxChangePercent { values.append(YAMLOutput.Entry("max_change_percent", .plain("\(value)"))) }
            if let value = safety.maxSpendIncreasePercent { values.append(YAMLOutput.Entry("max_spend_increase_percent", .plain("\(value)"))) }
            if let value = safety.maxSpendIncrease { values.append(YAMLOutput.Entry("max_spend_increase", .plain("\(value)"))) }
            if !values.isEmpty { entries.append(YAMLOutput.Entry("safety", .map(values))) }
        }
        if provider.prune != .none {
            note(ResourceAddress(provider: alias), "`prune: \(provider.prune.rawValue)` is not written: add it back if you want live campaigns no manifest declares paused")
        }
        return .map(entries)
    }

    // MARK: Shared values

    /// Money as the manifest writes it: the amount the platform can charge, with the currency's decimals.
    static func money(_ money: Money) -> YAMLOutput {
        .plain(ValueNormalization.chargeable(money).formatted(decimals: money.currency.minorUnitExponent))
    }

    /// Whether `value` is within the range the schema gives `key` of `schema` (a decimal key).
    static func inRange(_ value: Decimal, _ key: String, of schema: ObjectSchema) -> Bool {
        guard case .decimal(let minimum, let maximum)? = schema.property(key)?.type else { return true }
        return (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true)
    }

    /// EIDs NextRoll takes in a comma-separated list: none may be empty or hold a comma.
    static func listable(_ values: Set<String>) -> Bool {
        values.allSatisfy { !$0.isEmpty && !$0.contains(",") }
    }

    /// `{ include: [...], exclude: [...] }`, sorted.
    static func selection<Element: Comparable>(_ selection: Selection<Element>, _ write: (Element) -> YAMLOutput) -> YAMLOutput {
        .map([YAMLOutput.Entry("include", .list(selection.include.sorted().map(write))),
              YAMLOutput.Entry("exclude", .list(selection.exclude.sorted().map(write)))])
    }

    // MARK: Segments (NextRoll)

    mutating func segments() -> [YAMLOutput] {
        guard ManifestSchema.segment.resourceProviders?.contains(kind) == true else { return [] }
        var items: [YAMLOutput] = []
        var seen = Set<String>()
        for segment in account.segments.sorted(by: { $0.id < $1.id }) {
            let address = ResourceAddress.segment(alias, segment.id)
            guard !segment.id.isEmpty, seen.insert(segment.id).inserted else {
                note(address, segment.id.isEmpty ? "a segment without an EID is left out" : "listed twice by the platform; written once")
                continue
            }
            var entries = [YAMLOutput.Entry("id", .text(segment.id)), YAMLOutput.Entry("provider", .text(alias))]
            if let value = segment.conversionValue {
                if value.amount >= 0 {
                    entries.append(YAMLOutput.Entry("conversion_value", Self.money(value)))
                } else {
                    note(address, "conversion value \(value) is negative, which a manifest cannot declare; left unmanaged")
                }
            }
            if let duration = segment.duration {
                if duration >= 1 {
                    entries.append(YAMLOutput.Entry("duration", .integer(duration)))
                } else {
                    note(address, "duration \(duration) is below 1 day, which a manifest cannot declare; left unmanaged")
                }
            }
            // A segment entry must set something; one with nothing known is not worth managing.
            if entries.count > 2 { items.append(.map(entries)) }
        }
        return items
    }

    // MARK: Retail campaigns (Jivox)

    mutating func retailCampaigns() -> [YAMLOutput] {
        guard ManifestSchema.retailCampaign.resourceProviders?.contains(kind) == true else { return [] }
        var items: [YAMLOutput] = []
        var seen = Set<Int>()
        for retail in account.retailCampaigns.sorted(by: { $0.idx < $1.idx }) {
            let address = ResourceAddress.retailCampaign(alias, retail.idx)
            guard retail.idx >= 0, seen.insert(retail.idx).inserted else {
                note(address, retail.idx < 0 ? "a negative index cannot be declared; left out" : "listed twice by the platform; written once")
                continue
            }
            var entries = [YAMLOutput.Entry("provider", .text(alias)), YAMLOutput.Entry("idx", .integer(retail.idx))]
            // Trackers, exports and tags all need the campaign activated: an inactive one is written bare,
            // which leaves its activation alone.
            if retail.active {
                let trackers = ValueNormalization.trackers(retail.trackers)
                let known = Set(RetailCampaign.trackerTypes)
                if trackers.isSubset(of: known) {
                    entries.append(YAMLOutput.Entry("trackers", .texts(trackers.sorted())))
                } else {
                    note(address, "tracker \(trackers.subtracting(known).sorted().joined(separator: ", ")) is not one a manifest can declare "
                         + "(\(RetailCampaign.trackerTypes.joined(separator: ", "))); trackers left unmanaged")
                }
                let made = retail.exports.filter(\.status.isSatisfied).map(\.asset)
                let order = AssetExport.Format.allCases
                var exports: [AssetExport] = []
                for export in made where !exports.contains(export) && (export.resolution == 1 || (export.resolution == 2 && export.format.supportsDoubleResolution)) {
                    exports.append(export)
                }
                exports.sort { (order.firstIndex(of: $0.format) ?? 0, $0.resolution) < (order.firstIndex(of: $1.format) ?? 0, $1.resolution) }
                if !exports.isEmpty {
                    entries.append(YAMLOutput.Entry("exports", .list(exports.map {
                        .map([YAMLOutput.Entry("format", .plain($0.format.rawValue)), YAMLOutput.Entry("resolution", .integer($0.resolution))])
                    })))
                }
            }
            items.append(.map(entries))
        }
        return items
    }
}
