import Foundation

/// An HTTP/1.1 server on POSIX sockets, bound to 127.0.0.1 only.
///
/// One thread accepts; each connection gets its own thread that reads requests (keep-alive, pipelining),
/// hands complete ones to the `HTTPRequestHandling` and writes the answers. Blocking waits poll the
/// socket together with a stop pipe, so `shutdown()` wakes every thread at once: it stops accepting,
/// shuts every client socket down, waits for the threads to finish and closes the listening socket.
final class HTTPServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let limits: HTTPLimits
    private let handler: any HTTPRequestHandling
    private let stop: StopSignal
    /// Open client sockets, so shutdown can wake the threads blocked on them.
    private let connections = LockedValue<Set<Int32>>([])
    private let threads = DispatchGroup()

    init(port: UInt16, limits: HTTPLimits, handler: any HTTPRequestHandling) throws(SandboxError) {
        stop = try StopSignal()
        (listener, self.port) = try POSIXSocket.makeListener(port: port)
        self.limits = limits
        self.handler = handler
    }

    /// Starts accepting connections on a dedicated thread.
    func start() {
        threads.enter()
        let thread = Thread { [self] in
            defer { threads.leave() }
            acceptLoop()
        }
        thread.name = "sandbox-accept"
        thread.start()
    }

    /// Stops accepting, closes every connection (in-flight requests are abandoned) and waits for all threads.
    func shutdown() async {
        stop.fire()
        connections.withLock { open in
            for descriptor in open { POSIXSocket.shutdownBoth(descriptor) }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            threads.notify(queue: .global()) { continuation.resume() }
        }
        POSIXSocket.closeDescriptor(listener)
    }

    /// The number of open client connections.
    var openConnections: Int { connections.withLock { $0.count } }

    private func acceptLoop() {
        while true {
            switch POSIXSocket.waitReadable(listener, stop: stop.readDescriptor, timeout: 3600) {
            case .stopped: return
            case .timedOut: continue
            case .readable: break
            }
            guard let descriptor = POSIXSocket.acceptConnection(listener) else { continue }
            let admitted = connections.withLock { open -> Bool in
                guard !stop.isFired, open.count < limits.maximumConnections else { return false }
                open.insert(descriptor)
                return true
            }
            guard admitted else {
                let response = handler.errorResponse(status: 503, message: "too many connections", path: nil)
                _ = POSIXSocket.sendAll(descriptor, HTTPConnection.serialize(response, keepAlive: false))
                POSIXSocket.closeDescriptor(descriptor)
                continue
            }
            threads.enter()
            let thread = Thread { [self] in
                defer { threads.leave() }
                HTTPConnection(descriptor: descriptor, limits: limits, handler: handler, stop: stop).run()
                connections.withLock { open in
                    open.remove(descriptor)
                    POSIXSocket.closeDescriptor(descriptor)
                }
            }
            thread.name = "sandbox-connection"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
