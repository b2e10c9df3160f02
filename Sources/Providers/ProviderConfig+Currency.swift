import Planner

extension ProviderConfig {
    /// The currency the block declares, which the platform's amounts are read in; the decoder requires
    /// it for platforms with money, so only a hand-made block can lack it.
    func requiredCurrency() throws(ProviderError) -> Currency {
        guard let currency else {
            throw ProviderError(provider: alias, operation: "reading money amounts",
                                underlying: .credentials(message: "provider `\(alias)` has no `currency:`; add the account's ISO 4217 currency to its block"))
        }
        return currency
    }
}
