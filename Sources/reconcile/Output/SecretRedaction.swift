/// Masks what may be a secret in a manifest line before it is quoted in an error message.
///
/// Messages quote the source line of a problem. A line that mentions credentials (`api_key: …`,
/// `token: …`, a misspelt `credentails:` block) may hold a secret pasted by mistake, and secrets
/// must never reach a terminal or a CI log. On such a line every value that is not an `env:NAME`
/// reference is replaced by asterisks of the same length (the caret stays aligned): values after
/// `key:`, items of flow collections (`[sk_live_…]`, `{ sk_live_… }`), anchors and comments. Keys
/// stay readable when they are written as setting names are (`api_key`); any other key is masked too.
enum SecretRedaction {
    /// Words that mark a line as one that may hold a credential.
    private static let sensitiveWords = ["key", "token", "secret", "passw", "credential", "auth", "bearer"]

    static func redact(_ line: String) -> String {
        let lowered = line.lowercased()
        guard sensitiveWords.contains(where: { lowered.contains($0) }) else { return line }
        var characters = Array(line)
        var index = 0
        func isSpace(_ position: Int) -> Bool { position >= characters.count || characters[position] == " " }
        while index < characters.count {
            let character = characters[index]
            if character == " " || "{}[],".contains(character) {
                index += 1
                continue
            }
            if character == "-", isSpace(index + 1) {
                // A block sequence entry's dash.
                index += 1
                continue
            }
            if character == "#", index == 0 || characters[index - 1] == " " {
                // A comment may hold a secret as well.
                mask(&characters, index..<characters.count)
                break
            }
            // One scalar: quoted to its closing quote, plain up to `: `, a flow indicator or a comment.
            var end = index
            if character == "\"" || character == "'" {
                end = index + 1
                while end < characters.count, characters[end] != character { end += 1 }
                end = min(end + 1, characters.count)
            } else {
                while end < characters.count {
                    let next = characters[end]
                    if next == ":", isSpace(end + 1) || ",}]".contains(characters[end + 1]) { break }
                    if ",{}[]".contains(next) || (next == "#" && end > index && characters[end - 1] == " ") { break }
                    end += 1
                }
            }
            let token = String(characters[index..<end]).trimmingCharacters(in: [" ", "\"", "'"])
            var after = end
            while after < characters.count, characters[after] == " " { after += 1 }
            let isKey = after < characters.count && characters[after] == ":" && (isSpace(after + 1) || ",}]".contains(characters[after + 1]))
            let keepsText = isKey ? isSettingName(token) : token.isEmpty || token.hasPrefix("env:")
            if !keepsText { mask(&characters, index..<end) }
            index = isKey ? after + 1 : max(end, index + 1)
        }
        return String(characters)
    }

    /// Lower-case letters with `_` or `-`, as the manifest's keys are written (`api_key`, `client_secret`).
    private static func isSettingName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 24 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "_" || $0 == "-" }
    }

    private static func mask(_ characters: inout [Character], _ range: Range<Int>) {
        for position in range where characters[position] != " " { characters[position] = "*" }
    }
}
