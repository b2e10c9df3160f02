/// Finds the closest valid word to a misspelt one, for "did you mean" hints.
public enum NameSuggester {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo
    /// (a case-only difference always counts).
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let caseOnly = candidates.first(where: { $0.lowercased() == lowered }) { return caseOnly }
        if let platformWord = platformWords[lowered], candidates.contains(platformWord) { return platformWord }
        let limit = max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        let length = lowered.count
        for candidate in candidates {
            // The distance is at least the difference in length, so far longer words are skipped
            // without the quadratic comparison (a pasted blob must not make validation slow).
            guard abs(candidate.count - length) <= limit else { continue }
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        if let best { return best.candidate }
        // A word cut short (`week`, `autobid`) names the one candidate it begins.
        guard lowered.count >= 3 else { return nil }
        let extended = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        return extended.count == 1 ? extended.first : nil
    }

    /// Words the platforms' APIs use for a value the manifest spells its own way: Topsort's `total`
    /// budget is `lifetime`; NextRoll's `approved` (serving) status is `active`.
    private static let platformWords = ["total": "lifetime", "approved": "active"]

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
