/// Maps between byte offsets in a UTF-8 file and the line/column positions libyaml reports.
///
/// libyaml gives reader errors (bad UTF-8, control characters) only as a byte offset, while every
/// other position is a line and a column counted in characters. This counts the same way libyaml
/// does: a leading byte-order mark takes no column, and CR LF, CR, LF, NEL, LS and PS each end a line.
/// Used only on the error path, so it favours simplicity over speed.
struct YAMLSourceMap {
    private let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The 1-based line and column of the character that starts at (or contains) byte `offset`.
    func position(ofByteOffset offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = startIndex
        let target = min(offset, bytes.count)
        while index < target {
            let breakLength = lineBreakLength(at: index)
            let next = breakLength > 0 ? index + breakLength : endOfCharacter(startingAt: index)
            if next > target { break }
            if breakLength > 0 {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = next
        }
        return (line, column)
    }

    /// The character at a 1-based line and column, or nil past the end or inside a bad sequence.
    func character(line: Int, column: Int) -> Unicode.Scalar? {
        var currentLine = 1
        var index = startIndex
        while currentLine < line, index < bytes.count {
            let breakLength = lineBreakLength(at: index)
            if breakLength > 0 {
                currentLine += 1
                index += breakLength
            } else {
                index += 1
            }
        }
        var currentColumn = 1
        while currentColumn < column, index < bytes.count {
            if lineBreakLength(at: index) > 0 { return nil }
            index = endOfCharacter(startingAt: index)
            currentColumn += 1
        }
        guard index < bytes.count else { return nil }
        let end = endOfCharacter(startingAt: index)
        var decoder = UTF8()
        var iterator = UnsafeRawBufferPointer(rebasing: bytes[index..<end]).makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// A UTF-8 byte-order mark is not part of the first line.
    private var startIndex: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// The length in bytes of the line break at `index`, or 0 when there is none.
    private func lineBreakLength(at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A:
            return 1
        case 0x0D:
            return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2:
            return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            let isSeparator = index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
            return isSeparator ? 3 : 0
        default:
            return 0
        }
    }

    /// The index just past the character whose first byte is at `index` (continuation bytes belong to it).
    private func endOfCharacter(startingAt index: Int) -> Int {
        var end = index + 1
        while end < bytes.count, Self.isContinuation(bytes[end]) { end += 1 }
        return end
    }

    private static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }
}
