import Foundation

/// One client connection: reads requests until the client closes, asks for `Connection: close`, sends
/// something unreadable (answered with a 4xx/5xx, then closed) or stays idle too long.
struct HTTPConnection {
    let descriptor: Int32
    let limits: HTTPLimits
    let handler: any HTTPRequestHandling
    let stop: StopSignal

    func run() {
        var buffer: [UInt8] = []
        var scratch: [UInt8] = []
        var parser = HTTPRequestParser(limits: limits)
        var requestStart: Date?
        while !stop.isFired {
            switch parser.next(from: &buffer) {
            case .needMore:
                let midRequest = parser.isMidRequest || !buffer.isEmpty
                if midRequest, requestStart == nil { requestStart = Date() }
                let timeout = midRequest ? limits.requestTimeout - Date().timeIntervalSince(requestStart ?? Date()) : limits.idleTimeout
                switch POSIXSocket.waitReadable(descriptor, stop: stop.readDescriptor, timeout: max(timeout, 0)) {
                case .stopped:
                    return
                case .timedOut:
                    if midRequest { send(handler.errorResponse(status: 408, message: "the request did not arrive in time", path: nil), keepAlive: false) }
                    return
                case .readable:
                    if requestStart == nil { requestStart = Date() }
                    guard POSIXSocket.receive(descriptor, into: &buffer, scratch: &scratch) > 0 else { return }
                }
            case .continueExpected:
                guard POSIXSocket.sendAll(descriptor, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
            case .failed(let error):
                let response = handler.errorResponse(status: error.status, message: error.message, path: error.path)
                if let method = error.method, let path = error.path {
                    handler.log.record(HTTPRequest(method: method, path: path), status: response.status, fault: nil)
                }
                send(response, keepAlive: false)
                return
            case .complete(let request, let keepAlive):
                requestStart = buffer.isEmpty ? nil : Date()
                guard answer(request, keepAlive: keepAlive) else { return }
            }
        }
    }

    /// Answers one request, injecting faults first; false when the connection must close.
    private func answer(_ request: HTTPRequest, keepAlive: Bool) -> Bool {
        let decision = handler.faultDecision(for: request)
        if decision.latency > 0, !POSIXSocket.sleep(decision.latency, stop: stop.readDescriptor) { return false }
        switch decision.outcome {
        case .drop:
            // The platform acts and only its answer is lost: the case a client must never turn into a
            // duplicate by retrying a create (for reads it is the same as dropping before acting).
            let handler = handler
            _ = BlockingResult.wait { await handler.respond(to: request) }
            handler.log.record(request, status: nil, fault: decision.name)
            return false
        case .hang:
            handler.log.record(request, status: nil, fault: decision.name)
            waitForClientToLeave()
            return false
        case .status(let status, let retryAfter):
            var response = handler.errorResponse(status: status, message: "injected fault: \(HTTPStatus.reasonPhrase(status))", path: request.path)
            if let retryAfter { response.headers.append(("Retry-After", String(retryAfter))) }
            handler.log.record(request, status: status, fault: decision.name)
            return send(response, keepAlive: keepAlive) && keepAlive
        case .proceed:
            let handler = handler
            let response = BlockingResult.wait { await handler.respond(to: request) }
                ?? handler.errorResponse(status: 500, message: "the simulator gave no answer", path: request.path)
            handler.log.record(request, status: response.status, fault: decision.name)
            return send(response, keepAlive: keepAlive) && keepAlive && !stop.isFired
        }
    }

    /// A response that never comes: hold the connection, discarding input, until the client gives up
    /// (closes) or the server stops.
    private func waitForClientToLeave() {
        var discard: [UInt8] = []
        var scratch: [UInt8] = []
        while true {
            switch POSIXSocket.waitReadable(descriptor, stop: stop.readDescriptor, timeout: 3600) {
            case .stopped: return
            case .timedOut: continue
            case .readable:
                discard.removeAll(keepingCapacity: true)
                guard POSIXSocket.receive(descriptor, into: &discard, scratch: &scratch) > 0 else { return }
            }
        }
    }

    @discardableResult
    private func send(_ response: HTTPResponse, keepAlive: Bool) -> Bool {
        POSIXSocket.sendAll(descriptor, Self.serialize(response, keepAlive: keepAlive))
    }

    /// The response's bytes; Content-Length and Connection are the server's, whatever the simulator set.
    static func serialize(_ response: HTTPResponse, keepAlive: Bool) -> Data {
        var head = "HTTP/1.1 \(response.status) \(HTTPStatus.reasonPhrase(response.status))\r\n"
        for (name, value) in response.headers where !["content-length", "connection", "transfer-encoding"].contains(name.lowercased()) {
            // A header value never carries a line break (a campaign name in a filename could).
            let safeValue = String(String.UnicodeScalarView(value.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : $0 }))
            head += "\(name): \(safeValue)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\n"
        head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var data = Data(head.utf8)
        data.append(response.body)
        return data
    }
}
