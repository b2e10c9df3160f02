import Foundation

/// An incremental HTTP/1.1 request parser. Bytes arrive in any split; `next(from:)` consumes a complete
/// request from the front of the buffer, or says it needs more, or fails with the status to answer.
/// Every size is bounded by `HTTPLimits`, so no input makes it buffer without end.
struct HTTPRequestParser {
    enum Step {
        case needMore
        /// The head is complete, the body is not, and the client waits for `100 Continue`.
        case continueExpected
        case complete(HTTPRequest, keepAlive: Bool)
        case failed(HTTPParseError)
    }

    private struct Head {
        var request: HTTPRequest
        var keepAlive: Bool
        var contentLength: Int?
        var chunked: Bool
        var expectsContinue: Bool
    }

    let limits: HTTPLimits
    private var head: Head?
    private var continueSent = false

    init(limits: HTTPLimits) {
        self.limits = limits
    }

    /// Whether part of a request has been read (so a timeout now deserves a 408).
    var isMidRequest: Bool { head != nil }

    mutating func next(from buffer: inout [UInt8]) -> Step {
        if head == nil {
            guard let (headEnd, bodyStart) = Self.headerEnd(in: buffer) else {
                if buffer.count > limits.maximumHeaderBytes {
                    return .failed(Self.oversizeHead(buffer))
                }
                return .needMore
            }
            guard headEnd <= limits.maximumHeaderBytes else { return .failed(Self.oversizeHead(buffer)) }
            switch parseHead(buffer[0..<headEnd]) {
            case .success(let parsed): head = parsed
            case .failure(let error): return .failed(error)
            }
            buffer.removeFirst(bodyStart)
            continueSent = false
        }
        guard var current = head else { return .needMore }
        if current.chunked {
            switch ChunkedBody.decode(buffer, limit: limits.maximumBodyBytes) {
            case .needMore:
                return expectContinue(current, bodyBytes: buffer.count)
            case .tooLarge:
                return .failed(HTTPParseError(status: 413, message: "request body is larger than \(limits.maximumBodyBytes) bytes",
                                              path: current.request.path, method: current.request.method))
            case .invalid(let reason):
                return .failed(HTTPParseError(status: 400, message: reason, path: current.request.path, method: current.request.method))
            case .complete(let body, let consumed):
                buffer.removeFirst(consumed)
                current.request.body = Data(body)
                head = nil
                return .complete(current.request, keepAlive: current.keepAlive)
            }
        }
        let length = current.contentLength ?? 0
        guard buffer.count >= length else { return expectContinue(current, bodyBytes: buffer.count) }
        current.request.body = Data(buffer[0..<length])
        buffer.removeFirst(length)
        head = nil
        return .complete(current.request, keepAlive: current.keepAlive)
    }

    private mutating func expectContinue(_ head: Head, bodyBytes: Int) -> Step {
        if head.expectsContinue, !continueSent, bodyBytes == 0 {
            continueSent = true
            return .continueExpected
        }
        return .needMore
    }

    private static func oversizeHead(_ buffer: [UInt8]) -> HTTPParseError {
        // A request line that alone exceeds the limit is a URI problem (414); otherwise the headers are (431).
        if !buffer.contains(UInt8(ascii: "\n")) {
            return HTTPParseError(status: 414, message: "request line is too long")
        }
        return HTTPParseError(status: 431, message: "request headers are too large")
    }

    /// The end of the head (exclusive, without the blank line) and where the body starts.
    /// Lines may end in CRLF or, leniently, a bare LF.
    private static func headerEnd(in buffer: [UInt8]) -> (Int, Int)? {
        var index = 0
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") {
                if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\n") { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == UInt8(ascii: "\r"), buffer[index + 2] == UInt8(ascii: "\n") {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    private func parseHead(_ bytes: ArraySlice<UInt8>) -> Result<Head, HTTPParseError> {
        // Lines are split on bytes: in a Swift String "\r\n" is one Character, not a "\r" and a "\n".
        var lines: [Substring] = []
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let content = rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine
            guard let line = String(validating: content, as: UTF8.self) else {
                return .failure(HTTPParseError(status: 400, message: "request head is not valid UTF-8"))
            }
            lines.append(Substring(line))
        }
        // Tolerate blank lines before the request line (RFC 9112 section 2.2).
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        guard let requestLine = lines.first else { return .failure(HTTPParseError(status: 400, message: "missing request line")) }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .failure(HTTPParseError(status: 400, message: "malformed request line"))
        }
        let method = String(parts[0])
        guard method.utf8.allSatisfy({ Self.isTokenCharacter($0) }) else {
            return .failure(HTTPParseError(status: 400, message: "malformed method"))
        }
        let version = parts[2]
        guard version.hasPrefix("HTTP/") else { return .failure(HTTPParseError(status: 400, message: "malformed HTTP version")) }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .failure(HTTPParseError(status: 505, message: "only HTTP/1.1 and HTTP/1.0 are supported"))
        }
        guard let (path, query) = Self.parseTarget(parts[1]) else {
            return .failure(HTTPParseError(status: 400, message: "malformed request target", method: method))
        }
        func failure(_ status: Int, _ message: String) -> Result<Head, HTTPParseError> {
            .failure(HTTPParseError(status: status, message: message, path: path, method: method))
        }
        var headers: [String: String] = [:]
        var contentLengths = Set<String>()
        let headerLines = lines.dropFirst()
        guard headerLines.count <= limits.maximumHeaderCount else { return failure(431, "more than \(limits.maximumHeaderCount) headers") }
        for line in headerLines {
            if line.first == " " || line.first == "\t" { return failure(400, "obsolete header line folding is not allowed") }
            guard let colon = line.firstIndex(of: ":") else { return failure(400, "malformed header line") }
            let name = line[..<colon]
            guard !name.isEmpty, name.utf8.allSatisfy({ Self.isTokenCharacter($0) }) else { return failure(400, "malformed header name") }
            let value = String(line[line.index(after: colon)...].trimmingHTTPWhitespace)
            let key = name.lowercased()
            if key == "content-length" { contentLengths.insert(value) }
            headers[key] = headers[key].map { $0 + ", " + value } ?? value
        }
        let request = HTTPRequest(method: method, path: path, query: query, headers: headers)
        let connection = headers["connection"]?.lowercased() ?? ""
        let keepAlive = version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
        var head = Head(request: request, keepAlive: keepAlive, contentLength: nil, chunked: false,
                        expectsContinue: headers["expect"]?.lowercased() == "100-continue")
        if let encoding = headers["transfer-encoding"]?.lowercased() {
            guard encoding == "chunked" else { return failure(501, "transfer encoding \"\(encoding)\" is not supported") }
            guard contentLengths.isEmpty else { return failure(400, "both Content-Length and Transfer-Encoding given") }
            head.chunked = true
            return .success(head)
        }
        if !contentLengths.isEmpty {
            guard contentLengths.count == 1, let text = contentLengths.first, !text.isEmpty,
                  text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                return failure(400, "invalid Content-Length")
            }
            guard text.count <= 18, let length = Int(text), length <= limits.maximumBodyBytes else {
                return failure(413, "request body is larger than \(limits.maximumBodyBytes) bytes")
            }
            head.contentLength = length
        }
        return .success(head)
    }

    /// Splits an origin-form (`/path?query`) or absolute-form (`http://host/path?query`) target.
    private static func parseTarget(_ target: Substring) -> (String, [(name: String, value: String)])? {
        var target = target
        if target.hasPrefix("http://") || target.hasPrefix("https://") {
            let afterScheme = target[target.index(target.firstIndex(of: ":") ?? target.startIndex, offsetBy: 3)...]
            target = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? "/"
        }
        guard target.first == "/" else { return nil }
        let pieces = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = pieces[0].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let path = FormEncoding.percentDecode(rawPath, plusIsSpace: false) else { return nil }
        var query: [(name: String, value: String)] = []
        if pieces.count > 1 {
            let rawQuery = pieces[1].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard let pairs = FormEncoding.pairs(String(rawQuery)) else { return nil }
            query = pairs
        }
        return (path, query)
    }

    /// RFC 9110 `tchar`.
    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
