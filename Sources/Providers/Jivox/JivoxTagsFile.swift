import Foundation

/// The tags CSV of a retail campaign on the local disk: named as Jivox names it
/// (`{campaignName}_tags.csv`, from `Content-Disposition`), made safe as a file name, and written
/// atomically into the folder the manifest names, never anywhere else.
struct JivoxTagsFile: Sendable, Hashable {
    static let suffix = "_tags.csv"
    /// The longest file name most file systems take, in UTF-8 bytes.
    static let maxNameBytes = 255

    /// The file name, without any folder.
    var name: String

    /// The name from a `Content-Disposition` header, or `retail-campaign-{idx}_tags.csv` when the header
    /// gives none that is usable.
    init(contentDisposition: String?, idx: Int) {
        let fallback = "retail-campaign-\(idx)"
        let given = contentDisposition.flatMap(Self.filename(inContentDisposition:)) ?? ""
        name = Self.safeName(given, fallbackStem: fallback)
    }

    /// The `filename*` (RFC 5987, percent-encoded UTF-8) or `filename` parameter of a
    /// `Content-Disposition` value. Jivox sends the campaign name unquoted
    /// (`attachment; filename=Summer Retail_tags.csv`), so an unquoted value runs to the end of the
    /// header, less a parameter that may follow it.
    static func filename(inContentDisposition header: String) -> String? {
        if let range = header.range(of: "filename*=", options: .caseInsensitive) {
            var value = String(header[range.upperBound...])
            if let end = value.firstIndex(of: ";") { value = String(value[..<end]) }
            value = value.trimmingCharacters(in: .whitespaces)
            // charset'language'percent-encoded-text
            let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3, parts[0].lowercased() == "utf-8", let decoded = String(parts[2]).removingPercentEncoding, !decoded.isEmpty {
                return decoded
            }
        }
        var searchStart = header.startIndex
        while let range = header.range(of: "filename=", options: .caseInsensitive, range: searchStart..<header.endIndex) {
            searchStart = range.upperBound
            // Only a parameter name, not the end of another word (`xfilename=`).
            let before = header[..<range.lowerBound].last
            guard before == nil || before == ";" || before == " " || before == "\t" else { continue }
            let rest = header[range.upperBound...].drop { $0 == " " || $0 == "\t" }
            if rest.first == "\"" { return quotedString(rest.dropFirst()) }
            var value = String(rest)
            if let cut = followingParameter(in: value) { value = String(value[..<cut]) }
            value = value.trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The text of a quoted string up to its closing quote, with `\x` read as `x`.
    private static func quotedString(_ text: Substring) -> String? {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return result
            } else {
                result.append(character)
            }
        }
        return result.isEmpty ? nil : result
    }

    /// Where a `; name=value` parameter after an unquoted file name starts, if one does.
    private static func followingParameter(in value: String) -> String.Index? {
        var index = value.startIndex
        while let semicolon = value[index...].firstIndex(of: ";") {
            let after = value[value.index(after: semicolon)...].drop { $0 == " " }
            if let equals = after.firstIndex(of: "="), after[..<equals].allSatisfy({ $0.isLetter || $0 == "-" || $0 == "*" }),
               !after[..<equals].isEmpty {
                return semicolon
            }
            index = value.index(after: semicolon)
        }
        return nil
    }

    /// A name that stays inside its folder: no path separators or control characters, no leading dots
    /// (no `..`, no hidden file), ending in `_tags.csv` (how reconcile finds it again), and short enough.
    static func safeName(_ given: String, fallbackStem: String) -> String {
        var cleaned = String(given.unicodeScalars.map { scalar -> Character in
            scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F ? "_" : Character(scalar)
        })
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        var stem = cleaned
        if stem.lowercased().hasSuffix(suffix) {
            stem = String(stem.dropLast(suffix.count))
        } else if stem.lowercased().hasSuffix(".csv") {
            stem = String(stem.dropLast(4))
        }
        if stem.trimmingCharacters(in: CharacterSet(charactersIn: " _-")).isEmpty { stem = fallbackStem }
        while stem.utf8.count + suffix.utf8.count > maxNameBytes { stem.removeLast() }
        return stem + suffix
    }

    /// Writes `contents` as this file in `folder` (made if missing), replacing an older file of the same
    /// name in one step: readers see the old file or the new one, never half of one.
    /// - Returns: the path written.
    func write(_ contents: Data, into folder: String) throws -> String {
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let folderURL = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let destination = folderURL.appendingPathComponent(name, isDirectory: false)
        // `name` holds no separator, so this cannot fail; checked anyway, as the guarantee matters.
        guard destination.deletingLastPathComponent().standardizedFileURL.path == folderURL.path else {
            throw CocoaError(.fileWriteInvalidFileName)
        }
        // `.atomic` writes a temporary file in the same folder and renames it over the destination.
        try contents.write(to: destination, options: .atomic)
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
