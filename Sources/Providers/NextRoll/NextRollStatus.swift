import Planner

/// NextRoll's status words for campaigns and ad groups, and what they mean for serving.
enum NextRollStatus {
    /// Statuses in which a campaign or ad group serves (or will once reviewed). Everything else —
    /// `draft`, `paused`, `admin_paused`, `rejected`, `cancelled`, `completed` — does not.
    static let serving: Set<String> = ["approved", "admin_review"]

    /// Every ad group status the API names. `advertisable/get_adgroups(_fast)` leaves drafts out unless
    /// `statuses` lists them, and a missing draft would be created again by the next apply.
    static let allAdGroupStatuses = ["approved", "admin_review", "paused", "admin_paused", "draft"]

    /// The serving status of a platform status word; `isActive` (a campaign's `is_active`) decides
    /// when the word is missing.
    static func serving(_ word: String?, isActive: Bool? = nil) -> ServingStatus {
        if let word { return serving.contains(word.lowercased()) ? .active : .paused }
        return isActive == false ? .paused : .active
    }
}
