/// What the server asks of the application for every request it reads.
protocol HTTPRequestHandling: Sendable {
    /// Injected faults for the request, decided synchronously on the connection's thread.
    func faultDecision(for request: HTTPRequest) -> FaultDecision
    /// The response to a request that reached the application.
    func respond(to request: HTTPRequest) async -> HTTPResponse
    /// An error response in the shape of the platform that owns `path` (or a generic JSON error).
    func errorResponse(status: Int, message: String, path: String?) -> HTTPResponse
    /// Where requests are recorded.
    var log: RequestLog { get }
}
