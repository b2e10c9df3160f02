import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw TCP client for sending what URLSession never would: malformed requests, partial requests,
/// pipelined requests. It reads until the server closes or a timeout passes.
final class RawHTTPClient: @unchecked Sendable {
    private let descriptor: Int32

    init(port: UInt16) throws {
        #if os(Linux)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        // On failure the descriptor is closed by deinit (which runs for a class whose properties are
        // all set): closing it here too could close a descriptor number another test has reused.
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
        // Generous: with the cooperative pool busy (blocking tests elsewhere in the process) answers can be slow.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    func send(_ text: String) { send(Data(text.utf8)) }

    func send(_ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if os(Linux)
                let sent = Glibc.send(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = Darwin.send(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset, 0)
                #endif
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    /// Everything until the server closes the connection (or 30 s pass).
    func readAll() async -> String {
        await offThePool { self.blockingReadAll() }
    }

    /// Reads until `count` complete responses (by Content-Length) have arrived.
    func readResponses(_ count: Int) async -> [String] {
        await offThePool { self.blockingReadResponses(count) }
    }

    /// True when the server has closed its side (reads end of stream).
    func isClosedByServer() async -> Bool {
        await offThePool {
            var byte: UInt8 = 0
            return recv(self.descriptor, &byte, 1, 0) == 0
        }
    }

    private func blockingReadAll() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, 65_536, 0) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func blockingReadResponses(_ count: Int) -> [String] {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var responses: [String] = []
        while responses.count < count {
            if let response = Self.takeResponse(&buffer) {
                responses.append(response)
                continue
            }
            let received = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, 65_536, 0) }
            if received <= 0 { break }
            buffer += chunk[0..<received]
        }
        return responses
    }

    private static func takeResponse(_ buffer: inout [UInt8]) -> String? {
        let text = String(decoding: buffer, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
        let head = text[..<headEnd.lowerBound]
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        let headBytes = text[..<headEnd.upperBound].utf8.count
        guard buffer.count >= headBytes + length else { return nil }
        let response = String(decoding: buffer[0..<headBytes + length], as: UTF8.self)
        buffer.removeFirst(headBytes + length)
        return response
    }

}

/// Runs blocking socket reads on a thread of their own: blocking a cooperative-pool thread (two of them
/// on a two-core machine) would starve the sandbox's own async request handling while tests run in parallel.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}

extension String {
    /// The status code of a raw HTTP response.
    var statusCode: Int? {
        let parts = split(separator: " ", maxSplits: 2)
        return parts.count >= 2 ? Int(parts[1]) : nil
    }

    /// The body after the blank line.
    var responseBody: String {
        guard let range = range(of: "\r\n\r\n") else { return "" }
        return String(self[range.upperBound...])
    }
}
