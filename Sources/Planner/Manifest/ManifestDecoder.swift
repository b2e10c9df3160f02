import Foundation

/// Turns checked manifest values into the model, applying the rules that need one resource and its
/// provider: budget periods, money precision, provider limits, credentials, ranges from the provider docs.
struct ManifestDecoder {
    private(set) var diagnostics: [Diagnostic] = []
    /// The file of the document the values being decoded come from (checked values hold lines and
    /// columns only).
    var file = ""

    /// The place `mark` is in the current `file`.
    func location(_ mark: YAMLTree.Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    // MARK: Providers

    mutating func provider(alias: String, _ object: CheckedObject) -> ProviderConfig? {
        guard let kindText = object["type"]?.string, let kind = ProviderKind(rawValue: kindText) else { return nil }
        guard let account = object[kind.accountKey]?.string else {
            if !object.has(kind.accountKey) {
                report(location(object.mark), "\(kind.rawValue) provider `\(alias)` is missing required key `\(kind.accountKey)`",
                       hint: "the \(kind.displayName) \(accountDescription(kind)) its resources live in")
            }
            return nil
        }
        if kind == .criteo, !account.allSatisfy({ $0.isASCII && $0.isNumber }) {
            report(location(object["advertiser"]?.mark ?? object.mark),
                   "criteo `advertiser` must be the numeric advertiser id, found `\(account)`")
        }

        var currency: Currency?
        if let code = object["currency"]?.string {
            currency = Currency(code: code)
            if currency == nil {
                let hint = NameSuggester.suggestion(for: code, among: Currency.activeCodes.sorted()).map { "did you mean `\($0)`?" }
                    ?? "use an ISO 4217 code such as USD or EUR"
                report(location(object["currency"]?.mark ?? object.mark), "`currency` must be an ISO 4217 currency code, found `\(code)`", hint: hint)
            }
        } else if kind.hasMoney, !object.has("currency") {
            report(location(object.mark), "\(kind.rawValue) provider `\(alias)` is missing required key `currency`",
                   hint: "the ISO 4217 code its budgets and bids are in, such as USD")
        }

        var endpoint: URL?
        if let text = object["endpoint"]?.string {
            if let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
               url.host?.isEmpty == false {
                if url.user != nil || url.password != nil || url.query != nil {
                    // user:password@ or a query (NextRoll takes its apikey as one) may be a credential, and the
                    // endpoint is written into plan files and reports. Neither the value nor its line is repeated.
                    var diagnostic = Diagnostic(.error, at: location(object["endpoint"]?.mark ?? object.mark),
                                                "`endpoint` of provider `\(alias)` must be a base URL without `user:password@` or a `?` query",
                                                hint: "credentials are never written in manifests: set them under `credentials:` as env:VARIABLE")
                    diagnostic.mayQuoteSource = false
                    diagnostics.append(diagnostic)
                } else {
                    endpoint = url
                }
            } else {
                report(location(object["endpoint"]?.mark ?? object.mark), "`endpoint` must be an http or https URL, found `\(text)`")
            }
        }

        var credentials: [String: CredentialReference] = [:]
        if let block = object["credentials"]?.object {
            for field in block.entries.sorted(by: { $0.key < $1.key }) {
                let name = field.key
                guard let value = field.value, let text = value.string else { continue }
                if let reference = CredentialReference(reference: text) {
                    credentials[name] = reference
                } else {
                    let variable = kind.credentialDefaults.first { $0.name == name }?.environmentVariable ?? "VARIABLE"
                    // Never repeat the value: it may be a real secret pasted by mistake.
                    report(location(value.mark), "credential `\(name)` of provider `\(alias)` is not an environment reference",
                           hint: text.hasPrefix("env:") ? "write env: followed by a variable name such as env:\(variable)"
                                : "literal credentials are not allowed in manifests; write env:\(variable) and set that variable")
                }
            }
        }

        var limits: RateLimits?
        if let block = object["limits"]?.object {
            limits = RateLimits(concurrency: block["concurrency"]?.integer, requestsPerMinute: block["requests_per_minute"]?.integer)
        }

        if let safety = object["safety"]?.object {
            // A spend threshold is an amount in the provider's currency: it may not be finer than the currency.
            _ = money(safety["max_spend_increase"], key: "max_spend_increase", currency: currency)
        }

        let prune = object["prune"]?.string.flatMap(PrunePolicy.init(rawValue:)) ?? PrunePolicy.none
        return ProviderConfig(alias: alias, kind: kind, account: account, currency: currency, prune: prune, endpoint: endpoint,
                              credentials: credentials, limits: limits, safety: object["safety"]?.object.map(safety),
                              location: location(object.mark))
    }

    func safety(_ object: CheckedObject) -> SafetyThresholds {
        SafetyThresholds(maxChangePercent: object["max_change_percent"]?.decimal,
                         maxSpendIncreasePercent: object["max_spend_increase_percent"]?.decimal,
                         maxSpendIncrease: object["max_spend_increase"]?.decimal)
    }

    private func accountDescription(_ kind: ProviderKind) -> String {
        switch kind {
        case .nextroll: return "advertisable EID"
        case .criteo: return "advertiser id"
        case .topsort: return "vendor id"
        case .jivox: return "account id"
        }
    }

    // MARK: Campaigns

    mutating func campaign(_ object: CheckedObject, provider: ProviderConfig?) -> Campaign? {
        guard let name = object["name"]?.string, let alias = object["provider"]?.string else { return nil }
        // A provider of the wrong type was reported by the schema check; its rules do not apply here.
        guard let provider, object.providerKind == provider.kind else { return nil }
        let currency = provider.currency
        var campaign = Campaign(name: name, provider: alias, location: location(object.mark))
        campaign.pinnedID = object["id"]?.string
        if let id = object["id"], let text = id.string { checkCampaignID(text, at: location(id.mark), kind: provider.kind) }
        campaign.status = object["status"]?.string.flatMap(ServingStatus.init(rawValue:))
        if let budget = object["budget"]?.object { campaign.budget = self.budget(budget, provider: provider) }
        if let schedule = object["schedule"]?.object {
            campaign.schedule = Schedule(start: schedule["start"]?.date, end: schedule["end"]?.date)
            if let start = schedule["start"]?.date, let end = schedule["end"], let endDate = end.date, endDate <= start {
                report(location(end.mark), "schedule `end` (\(endDate)) must be after `start` (\(start))", hint: "end is exclusive: the campaign stops at the start of that day")
            }
        }
        if let bidding = object["bidding"]?.object { campaign.bidding = self.bidding(bidding, currency: currency, provider: provider) }
        campaign.retargeting = object["retargeting"]?.boolean
        campaign.goal = object["goal"]?.string.flatMap(CriteoGoal.init(rawValue:))
        campaign.externalID = object["external_id"]?.string
        if let targeting = object["targeting"]?.object {
            campaign.targeting = selection(targeting, what: "segment id", read: { $0.integer })
        }
        if let groups = object["adgroups"]?.sequence {
            campaign.listsAdGroups = true
            campaign.adGroups.reserveCapacity(groups.count)
            for group in groups {
                if let object = group.object, let adGroup = adGroup(object) { campaign.adGroups.append(adGroup) }
            }
        }
        return campaign
    }

    private mutating func checkCampaignID(_ id: String, at location: SourceLocation, kind: ProviderKind) {
        if let problem = Self.campaignIDProblem(id, kind: kind) { report(location, problem.message, hint: problem.hint) }
    }

    /// Live campaign ids have a fixed shape on some platforms: Topsort's are UUIDs (`campaign-id
    /// string<uuid>`), Criteo's are numbers sent as text (`"id": "99999"`). Nil when `id` may be pinned.
    static func campaignIDProblem(_ id: String, kind: ProviderKind) -> (message: String, hint: String)? {
        switch kind {
        case .topsort where UUID(uuidString: id) == nil:
            return ("Topsort campaign ids are UUIDs such as 3c90c3cc-0d44-4b50-8888-8dd25736052a; found `\(id)`",
                    "copy the campaignId from Topsort, or remove `id` to match by `external_id` or name")
        case .criteo where id.isEmpty || !id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }):
            return ("Criteo campaign ids are numbers such as \"99999\"; found `\(id)`",
                    "copy the campaign id from Criteo, or remove `id` to match by name")
        default:
            return nil
        }
    }

    private mutating func budget(_ object: CheckedObject, provider: ProviderConfig) -> Budget? {
        let kind = provider.kind
        if let uncapped = object["uncapped"] {
            guard uncapped.boolean == true else {
                report(location(uncapped.mark), "`uncapped` can only be true", hint: "to cap spend, give `amount` and `period` instead")
                return nil
            }
            guard kind.supportsUncappedBudget else {
                report(location(uncapped.mark), "\(kind.displayName) cannot run a campaign without a budget",
                       hint: "give `amount` and `period` (\(periodList(kind)))")
                return nil
            }
            return .uncapped
        }
        guard let amount = object["amount"], let value = amount.decimal, let periodValue = object["period"],
              let period = periodValue.string.flatMap(BudgetPeriod.init(rawValue:)) else { return nil }
        var valid = true
        if !kind.supportedBudgetPeriods.contains(period) {
            report(location(periodValue.mark), "\(kind.displayName) cannot express a \(period.rawValue) budget",
                   hint: "use \(periodList(kind))\(kind == .nextroll ? " (NextRoll stores a weekly budget; daily is weekly / 7)" : "")")
            valid = false
        }
        guard let currency = provider.currency else { return nil }
        let money = Money(value, currency)
        if !money.isRepresentable {
            reportPrecision(amount, key: "amount", currency: currency)
            valid = false
        } else if let limit = kind.budgetMinorUnitsLimit, money.minorUnits.map({ $0 >= limit }) ?? true {
            let largest = Money(minorUnits: limit - 1, currency)
            report(location(amount.mark), "\(kind.displayName) budgets must be below \(Self.grouped(limit)) minor units; "
                   + "\(money) is \(money.minorUnits.map(String.init) ?? "more")",
                   hint: "the largest \(currency.code) budget is \(largest)")
            valid = false
        }
        return valid ? .capped(money, period) : nil
    }

    /// `2000000000` as `2,000,000,000`.
    private static func grouped(_ value: Int64) -> String {
        var digits = Array(String(value))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    private func periodList(_ kind: ProviderKind) -> String {
        let periods = kind.supportedBudgetPeriods.map(\.rawValue)
        return periods.count > 1 ? periods.dropLast().joined(separator: ", ") + " or " + (periods.last ?? "") : periods.joined()
    }

    private mutating func bidding(_ object: CheckedObject, currency: Currency?, provider: ProviderConfig) -> Bidding {
        var bidding = Bidding()
        bidding.cpc = money(object["cpc"], key: "cpc", currency: currency)
        bidding.cpm = money(object["cpm"], key: "cpm", currency: currency)
        bidding.maxCPM = money(object["max_cpm"], key: "max_cpm", currency: currency)
        bidding.strategy = object["type"]?.string.flatMap(TopsortCampaignType.init(rawValue:))
        bidding.objective = object["objective"]?.string.flatMap(AutobiddingObjective.init(rawValue:))
        bidding.targetROAS = object["target_roas"]?.decimal
        bidding.charge = object["charge"]?.string.flatMap(ChargeType.init(rawValue:))
        if let strategy = bidding.strategy, strategy != .autobidding {
            for key in ["objective", "target_roas"] {
                if let value = object[key] {
                    report(location(value.mark), "`\(key)` only applies to autobidding campaigns; this one is `\(strategy.rawValue)`",
                           hint: "set `type: autobidding` or remove `\(key)`")
                }
            }
        }
        return bidding
    }

    private mutating func money(_ value: CheckedValue?, key: String, currency: Currency?) -> Money? {
        guard let value, let amount = value.decimal, let currency else { return nil }
        let money = Money(amount, currency)
        guard money.isRepresentable else {
            reportPrecision(value, key: key, currency: currency)
            return nil
        }
        return money
    }

    private mutating func reportPrecision(_ value: CheckedValue, key: String, currency: Currency) {
        let places = currency.minorUnitExponent
        report(location(value.mark), "`\(key)` has more decimals than \(currency.code) allows (\(places == 0 ? "none" : String(places)))",
               hint: "\(currency.code) amounts are charged in \(places == 0 ? "whole units" : "units of \(Decimal(sign: .plus, exponent: -places, significand: 1))")")
    }

    private mutating func adGroup(_ object: CheckedObject) -> AdGroup? {
        guard let name = object["name"]?.string else { return nil }
        var group = AdGroup(name: name, location: location(object.mark))
        group.status = object["status"]?.string.flatMap(ServingStatus.init(rawValue:))
        if let segments = object["segments"]?.object {
            let include = segments["include"]?.sequence, exclude = segments["exclude"]?.sequence
            checkListableEIDs(include ?? [], what: "segment")
            checkListableEIDs(exclude ?? [], what: "segment")
            group.segments = selection(include: include, exclude: exclude, what: "segment", read: { $0.string })
        }
        if let geo = object["geo"]?.object {
            group.geo = selection(geo, what: "geo target", read: geoTarget)
            checkGeoEIDs((geo["include"]?.sequence ?? []) + (geo["exclude"]?.sequence ?? []))
        }
        if let ads = object["ads"]?.sequence {
            checkListableEIDs(ads, what: "ad")
            group.ads = uniqueSet(ads, what: "ad", read: { $0.string })
        }
        return group
    }

    /// NextRoll takes segment and ad EIDs as one comma-separated string (`positive_segments`, `ads`),
    /// so an EID holding a comma would be read as several.
    private mutating func checkListableEIDs(_ values: [CheckedValue], what: String) {
        for value in values {
            // Most EIDs hold no comma byte at all, which settles it without a Unicode-aware search.
            guard let eid = value.string, eid.utf8.contains(UInt8(ascii: ",")), eid.contains(",") else { continue }
            report(location(value.mark), "`\(eid)` is not one \(what) EID: NextRoll sends EIDs as a comma-separated list, so an EID cannot contain `,`",
                   hint: "list each EID as its own item: [\(eid.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))]")
        }
    }

    /// The geo target kinds in order, made once: `allCases` builds a new array at every call.
    private static let geoKinds = GeoTarget.Kind.allCases

    /// NextRoll identifies a geo target by its `eid` ("the true identifier"): one EID given with two
    /// different locations (in either list) is a contradiction. The same target twice is reported by `uniqueSet`.
    private mutating func checkGeoEIDs(_ values: [CheckedValue]) {
        guard values.count > 1 else { return }
        var seen: [(target: GeoTarget, location: SourceLocation)] = []
        seen.reserveCapacity(values.count)
        // Ad groups list a few targets: a scan of those seen costs less than hashing them; long lists are indexed.
        var firstByEID: [String: Int]? = values.count > 16 ? [:] : nil
        for value in values {
            guard let target = geoTarget(value) else { continue }
            let earlierIndex = firstByEID.map { $0[target.eid] } ?? seen.firstIndex { $0.target.eid == target.eid }
            guard let earlierIndex else {
                firstByEID?[target.eid] = seen.count
                seen.append((target, location(value.mark)))
                continue
            }
            let earlier = seen[earlierIndex]
            if earlier.target.kind != target.kind || earlier.target.value != target.value {
                report(location(value.mark), "geo EID `\(target.eid)` is given for two locations: \(earlier.target.kind.rawValue) \(earlier.target.value) "
                       + "(line \(earlier.location.line)) and \(target.kind.rawValue) \(target.value)",
                       hint: "NextRoll identifies a geo target by its eid; keep the location that EID names")
            }
        }
    }

    private func geoTarget(_ value: CheckedValue) -> GeoTarget? {
        guard let object = value.object, let eid = object["eid"]?.string else { return nil }
        for kind in Self.geoKinds {
            guard let field = object[kind.rawValue] else { continue }
            if let text = field.string { return GeoTarget(kind: kind, value: text, eid: eid) }
            if let number = field.integer { return GeoTarget(kind: kind, value: String(number), eid: eid) }
            return nil
        }
        return nil
    }

    /// Reads `{ include: [...], exclude: [...] }`, reporting members listed twice or on both sides.
    private mutating func selection<Element>(_ object: CheckedObject, what: String,
                                             read: (CheckedValue) -> Element?) -> Selection<Element> {
        selection(include: object["include"]?.sequence, exclude: object["exclude"]?.sequence, what: what, read: read)
    }

    /// The selection of the lists `include` and `exclude` (nil when not given), as `selection(_:what:read:)`.
    private mutating func selection<Element>(include includeValues: [CheckedValue]?, exclude excludeValues: [CheckedValue]?, what: String,
                                             read: (CheckedValue) -> Element?) -> Selection<Element> {
        let include = includeValues.map { uniqueSet($0, what: what, read: read) } ?? []
        let exclude = excludeValues.map { uniqueSet($0, what: what, read: read, excludedFrom: include) } ?? []
        return Selection(include: include, exclude: exclude)
    }

    /// The members of a list, reporting members listed twice and, for an exclude list, members its
    /// include list (`excludedFrom`) also has.
    private mutating func uniqueSet<Element>(_ values: [CheckedValue], what: String, read: (CheckedValue) -> Element?,
                                             excludedFrom included: Set<Element> = []) -> Set<Element> {
        var members = Set<Element>(minimumCapacity: values.count)
        for (position, value) in values.enumerated() {
            guard let element = read(value) else { continue }
            if !members.insert(element).inserted {
                // A repeat is rare: only then look back for where the member was first listed.
                let first = values[..<position].first { read($0) == element }
                report(location(value.mark), "\(what) \(display(element)) is listed twice", hint: "first listed at line \(first?.mark.line ?? value.mark.line)")
            }
            if included.contains(element) {
                report(location(value.mark), "\(what) \(display(element)) is both included and excluded", hint: "keep it in one list")
            }
        }
        return members
    }

    private func display<Element>(_ element: Element) -> String {
        if let geo = element as? GeoTarget { return "`\(geo.eid)`" }
        return "`\(element)`"
    }

    // MARK: Segments and retail campaigns

    mutating func segment(_ object: CheckedObject, provider: ProviderConfig?) -> AudienceSegment? {
        guard let id = object["id"]?.string, let alias = object["provider"]?.string, let provider,
              object.providerKind == provider.kind else { return nil }
        var segment = AudienceSegment(id: id, provider: alias, location: location(object.mark))
        // NextRoll keeps conversion values in USD whatever the advertisable's currency.
        segment.conversionValue = money(object["conversion_value"], key: "conversion_value", currency: Currency(code: "USD"))
        segment.duration = object["duration"]?.integer
        if !object.has("conversion_value"), !object.has("duration") {
            report(location(object.mark), "segment `\(id)` sets nothing", hint: "give `conversion_value`, `duration` or both")
        }
        return segment
    }

    mutating func retailCampaign(_ object: CheckedObject, provider: ProviderConfig?) -> RetailCampaign? {
        guard let idx = object["idx"]?.integer, let alias = object["provider"]?.string, let provider,
              object.providerKind == provider.kind else { return nil }
        var campaign = RetailCampaign(provider: alias, idx: idx, location: location(object.mark))
        if let trackers = object["trackers"]?.sequence {
            campaign.trackers = uniqueSet(trackers, what: "tracker", read: { $0.string })
        }
        var seen: [AssetExport: YAMLTree.Mark] = [:]
        for value in object["exports"]?.sequence ?? [] {
            guard let export = value.object, let format = export["format"]?.string.flatMap(AssetExport.Format.init(rawValue:)) else { continue }
            let resolution = export["resolution"]?.integer ?? 1
            let asset = AssetExport(format: format, resolution: resolution)
            if resolution == 2, !format.supportsDoubleResolution {
                report(location(export["resolution"]?.mark ?? value.mark), "Jivox exports \(format.rawValue) only at resolution 1",
                       hint: "2x is only supported for png, jpg and gif")
                continue
            }
            if let first = seen[asset] {
                report(location(value.mark), "export \(asset) is listed twice", hint: "first listed at line \(first.line)")
                continue
            }
            seen[asset] = value.mark
            campaign.exports.append(asset)
        }
        campaign.tagsFolder = object["tags"]?.string
        return campaign
    }

    mutating func report(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location, message, hint: hint))
    }
}
