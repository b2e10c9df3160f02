/// Masks what may be a secret in a manifest line before it is quoted in an error message.
///
/// Messages quote the source line of a problem. A line that mentions credentials (`api_key: …`,
/// `token: …`, a misspelt `credentails:` block) may hold a secret pasted by mistake, and secrets
/// must never reach a terminal or a CI log, so every value on such a line that is not an
/// `env:NAME` reference is replaced by asterisks of the same length (the caret stays aligned).
enum SecretRedaction {
    /// Words that mark a line as one that may hold a credential.
    private static let sensitiveWords = ["key", "token", "secret", "passw", "credential", "auth", "bearer"]

    static func redact(_ line: String) -> String {
        let lowered = line.lowercased()
        guard sensitiveWords.contains(where: { lowered.contains($0) }) else { return line }
        var characters = Array(line)
        var index = 0
        while index < characters.count {
            // A value starts after ': ' (or ':' at the end) and runs to ',', '}', ']' or a comment.
            guard characters[index] == ":", index + 1 == characters.count || characters[index + 1] == " " else {
                index += 1
                continue
            }
            var start = index + 1
            while start < characters.count, characters[start] == " " { start += 1 }
            if start < characters.count, characters[start] == "{" || characters[start] == "[" {
                // A flow collection: its own `key: value` pairs are looked at one by one.
                index = start + 1
                continue
            }
            var end = start
            let quote: Character? = start < characters.count && (characters[start] == "\"" || characters[start] == "'") ? characters[start] : nil
            if let quote {
                end = start + 1
                while end < characters.count, characters[end] != quote { end += 1 }
                end = min(end + 1, characters.count)
            } else {
                while end < characters.count, !",}]#".contains(characters[end]) { end += 1 }
            }
            let value = String(characters[start..<end]).trimmingCharacters(in: [" ", "\"", "'"])
            if !value.isEmpty, !value.hasPrefix("env:") {
                for position in start..<end where characters[position] != " " { characters[position] = "*" }
            }
            index = max(end, index + 1)
        }
        return String(characters)
    }
}
