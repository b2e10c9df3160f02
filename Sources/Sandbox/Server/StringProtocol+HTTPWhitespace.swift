extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing spaces and tabs: the only optional whitespace HTTP allows
    /// around header values (RFC 9110 section 5.6.3). Every request's headers go through this, so it
    /// works on the characters directly rather than through Foundation's character sets.
    var trimmingHTTPWhitespace: Substring {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isWhitespace($0) }), let last = lastIndex(where: { !isWhitespace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
