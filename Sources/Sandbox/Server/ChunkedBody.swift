/// Decoding of a `Transfer-Encoding: chunked` body from the front of a buffer.
enum ChunkedBody {
    enum Outcome {
        case needMore
        case tooLarge
        case invalid(String)
        /// The body and how many buffer bytes it took (including the trailer section).
        case complete([UInt8], consumed: Int)
    }

    static func decode(_ buffer: [UInt8], limit: Int) -> Outcome {
        var body: [UInt8] = []
        var index = 0
        while true {
            guard let sizeLine = lineEnd(in: buffer, from: index) else {
                return buffer.count - index > 1024 ? .invalid("malformed chunk size line") : .needMore
            }
            let line = buffer[index..<sizeLine.contentEnd]
            let sizeText = line.prefix { $0 != UInt8(ascii: ";") }
            guard !sizeText.isEmpty, sizeText.count <= 8,
                  let size = Int(String(decoding: sizeText, as: UTF8.self), radix: 16) else {
                return .invalid("malformed chunk size")
            }
            index = sizeLine.next
            if size == 0 {
                // Trailer fields until an empty line; they are read and dropped.
                while true {
                    guard let trailerEnd = lineEnd(in: buffer, from: index) else { return .needMore }
                    let isEmpty = trailerEnd.contentEnd == index
                    index = trailerEnd.next
                    if isEmpty { return .complete(body, consumed: index) }
                }
            }
            guard body.count + size <= limit else { return .tooLarge }
            guard buffer.count >= index + size else { return .needMore }
            body.append(contentsOf: buffer[index..<index + size])
            index += size
            guard let dataEnd = lineEnd(in: buffer, from: index) else { return buffer.count >= index + 2 ? .invalid("missing CRLF after chunk data") : .needMore }
            guard dataEnd.contentEnd == index else { return .invalid("chunk data longer than its size") }
            index = dataEnd.next
        }
    }

    /// The end of the line starting at `start`: where its content ends and where the next line begins.
    private static func lineEnd(in buffer: [UInt8], from start: Int) -> (contentEnd: Int, next: Int)? {
        var index = start
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") {
                let contentEnd = index > start && buffer[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                return (contentEnd, index + 1)
            }
            index += 1
        }
        return nil
    }
}
