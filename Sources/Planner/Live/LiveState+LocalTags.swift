import Foundation

extension LiveState {
    /// The live state with each Jivox retail campaign's `tagsFile` filled in from the local disk: the
    /// first `*_tags.csv` (Jivox names the file `{campaignName}_tags.csv`) in the folder the manifest's
    /// `tags:` names. Values already set are kept.
    public func addingLocalTags(for manifest: Manifest, fileManager: FileManager = .default) -> LiveState {
        var state = self
        for retail in manifest.retailCampaigns {
            guard let folder = retail.resolvedTagsFolder, var account = state[retail.provider],
                  let index = account.retailCampaigns.firstIndex(where: { $0.idx == retail.idx }),
                  account.retailCampaigns[index].tagsFile == nil,
                  let names = try? fileManager.contentsOfDirectory(atPath: folder),
                  let file = names.filter({ $0.hasSuffix("_tags.csv") }).sorted().first else { continue }
            account.retailCampaigns[index].tagsFile = folder + "/" + file
            state[retail.provider] = account
        }
        return state
    }
}
