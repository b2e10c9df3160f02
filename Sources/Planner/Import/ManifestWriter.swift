import Foundation

/// Writes a live account as a manifest (format v1) that validates and that, planned against the same
/// account, gives no actions: what `reconcile import` prints.
///
/// Every value is written the way the manifest would declare it to match the platform's stored form
/// (NextRoll's weekly budget shown daily becomes the daily amount; money at its currency's precision,
/// exactly), text is quoted wherever a YAML reader could take it for something else, and campaigns are
/// pinned with `id:` where their name (or external ID) would not find them again. What the format
/// cannot hold faithfully is left out rather than written wrong, and listed as an `ImportNote` (and as
/// a comment at the top of the file): such values stay unmanaged, so the plan stays empty.
public struct ManifestWriter: Sendable {
    public init() {}

    /// The manifest for `account`. `provider` is the block the account was fetched for: its endpoint,
    /// credential references (never values: a block only names environment variables), limits and
    /// safety thresholds are carried over; `prune` is not, since import only describes what exists.
    public func write(_ account: LiveAccount, provider: ProviderConfig? = nil) throws(ManifestImportError) -> ImportedManifest {
        var document = ManifestDocument(account: account)
        let currency = account.currency ?? provider?.currency
        if account.kind.hasMoney, currency == nil {
            throw ManifestImportError(provider: account.alias, message: "the \(account.kind.displayName) account has no currency, so its money cannot be written",
                                      hint: "set `currency:` in the provider block of `\(account.alias)`")
        }
        let providerBlock = document.providerBlock(currency: currency, provider: provider)
        let campaigns = document.campaigns(currency: currency)
        let segments = document.segments()
        let retail = document.retailCampaigns()

        var emitter = YAMLEmitter()
        emitter.comment("The live state of \(account.kind.displayName) \(account.kind.accountKey) \(account.account) (provider `\(account.alias)`), "
                        + "written by reconcile import.")
        if !document.notes.isEmpty {
            emitter.comment("Not written as it is on the platform (left unmanaged, so planning this file changes nothing):")
            for note in document.notes { emitter.comment("- \(note)") }
        }
        emitter.entry("providers", .map([YAMLOutput.Entry(account.alias, providerBlock)]), blockLevels: 2)
        for (key, items) in [("campaigns", campaigns), ("segments", segments), ("retail_campaigns", retail)] where !items.isEmpty {
            emitter.blankLine()
            emitter.entry(key, .list(items), blockLevels: 1, blockItems: key != "segments")
        }
        return ImportedManifest(yaml: emitter.text, notes: document.notes)
    }
}
