extension RetailCampaign {
    /// The tags folder as a path from where reconcile runs: relative folders are taken from the
    /// manifest file's folder (`examples/retail.yaml` + `../out/tags` = `out/tags`), absolute ones as they are.
    public var resolvedTagsFolder: String? {
        guard let folder = tagsFolder else { return nil }
        if folder.hasPrefix("/") { return RetailCampaign.normalize(folder) }
        var base = location.file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        base.removeLast()
        return RetailCampaign.normalize((base + [folder]).joined(separator: "/"))
    }

    /// Removes `.` and resolves `..` against earlier components, keeping leading `..` of a relative path.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [String] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append("..") }
            default: parts.append(String(part))
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
