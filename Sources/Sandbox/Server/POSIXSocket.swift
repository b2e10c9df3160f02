import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX socket calls the server needs, with EINTR handled and SIGPIPE suppressed.
enum POSIXSocket {
    enum WaitResult: Equatable {
        case readable
        case timedOut
        /// The server's stop signal fired.
        case stopped
    }

    /// A listening TCP socket on 127.0.0.1 (never any other interface) and the port it got.
    static func makeListener(port: UInt16, backlog: Int32 = 512) throws(SandboxError) -> (descriptor: Int32, port: UInt16) {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw .cannotListen(port: port, reason: lastError()) }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        #if !os(Linux)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, backlog) == 0 else {
            let reason = lastError()
            _ = close(fd)
            throw .cannotListen(port: port, reason: reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let reason = lastError()
            _ = close(fd)
            throw .cannotListen(port: port, reason: reason)
        }
        return (fd, UInt16(bigEndian: actual.sin_port))
    }

    /// Accepts one connection; nil when none is pending or the call failed.
    static func acceptConnection(_ listener: Int32) -> Int32? {
        while true {
            let fd = accept(listener, nil, nil)
            if fd >= 0 {
                // Not inherited by processes the host spawns (the CLI tests run the binary).
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                #if !os(Linux)
                var noSignal: Int32 = 1
                setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
                #endif
                var noDelay: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
                return fd
            }
            if errno != EINTR { return nil }
        }
    }

    /// Waits until `descriptor` is readable (data, EOF or error), the stop signal fires, or the timeout passes.
    static func waitReadable(_ descriptor: Int32, stop: Int32, timeout: TimeInterval) -> WaitResult {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return .timedOut }
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
            let milliseconds = Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up))
            let count = poll(&fds, nfds_t(fds.count), milliseconds)
            if count < 0 {
                if errno == EINTR { continue }
                return .readable  // let the following read report the error
            }
            if count == 0 { continue }
            if fds[1].revents != 0 { return .stopped }
            if fds[0].revents != 0 { return .readable }
        }
    }

    /// Sleeps for `duration` unless the stop signal fires first; true when it slept the whole time.
    static func sleep(_ duration: TimeInterval, stop: Int32) -> Bool {
        guard duration > 0 else { return true }
        let deadline = Date().addingTimeInterval(duration)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return true }
            var fds = [pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
            let count = poll(&fds, 1, Int32((remaining * 1000).rounded(.up)))
            if count > 0 { return false }
        }
    }

    /// Reads what is available and appends it to `buffer`, using `scratch` (kept by the caller between
    /// reads, so no read allocates); 0 at end of stream, -1 on error.
    static func receive(_ descriptor: Int32, into buffer: inout [UInt8], scratch: inout [UInt8]) -> Int {
        if scratch.isEmpty { scratch = [UInt8](repeating: 0, count: 64 * 1024) }
        while true {
            let count = scratch.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            if count > 0 { buffer.append(contentsOf: scratch[0..<count]) }
            return count
        }
    }

    /// Writes all bytes; false when the peer went away.
    static func sendAll(_ descriptor: Int32, _ data: Data) -> Bool {
        #if os(Linux)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        return data.withUnsafeBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var remaining = raw.count
            while remaining > 0 {
                let sent = send(descriptor, pointer, remaining, flags)
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                remaining -= sent
                pointer = pointer.advanced(by: sent)
            }
            return true
        }
    }

    /// Shuts both directions down, waking any thread blocked on the socket.
    static func shutdownBoth(_ descriptor: Int32) {
        #if os(Linux)
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
        #else
        _ = shutdown(descriptor, SHUT_RDWR)
        #endif
    }

    static func closeDescriptor(_ descriptor: Int32) {
        _ = close(descriptor)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
