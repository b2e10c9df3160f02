import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Sandbox

/// An HTTP answer as a test reads it.
struct TestResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    var json: SandboxJSON? { try? SandboxJSON.parse(body) }
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// Real HTTP over loopback through URLSession, as the provider clients will call the sandbox.
struct TestClient: Sendable {
    let session: URLSession

    init(timeout: TimeInterval = 60, connectionsPerHost: Int = 8) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpMaximumConnectionsPerHost = connectionsPerHost
        session = URLSession(configuration: configuration)
    }

    func send(_ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil) async throws -> TestResponse {
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return TestResponse(status: http.statusCode, headers: fields, body: data)
    }

    /// A JSON request (body serialized from `SandboxJSON`, so numbers are exact).
    func json(_ method: String, _ url: URL, _ body: SandboxJSON? = nil, headers: [String: String] = [:]) async throws -> TestResponse {
        var all = headers
        if body != nil { all["Content-Type"] = "application/json" }
        return try await send(method, url, headers: all, body: body.map(\.data))
    }

    /// A form request.
    func form(_ method: String, _ url: URL, _ fields: [(String, String)], headers: [String: String] = [:]) async throws -> TestResponse {
        var all = headers
        all["Content-Type"] = "application/x-www-form-urlencoded"
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
            .joined(separator: "&")
        return try await send(method, url, headers: all, body: Data(body.utf8))
    }
}

extension URL {
    /// `base` + a platform path + query items.
    static func at(_ base: URL, _ path: String, _ query: [(String, String)] = []) -> URL {
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false) ?? URLComponents()
        components.path += path
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        return components.url ?? base
    }
}

/// Parses JSON text in tests (fixtures and expected bodies).
func json(_ text: String) -> SandboxJSON {
    (try? SandboxJSON.parse(text)) ?? .null
}

/// Starts a sandbox, runs the body, and stops the sandbox whatever happens.
@discardableResult
func withSandbox<T: Sendable>(_ configuration: SandboxConfiguration = SandboxConfiguration(),
                              _ body: (SandboxServer, SandboxEndpoints) async throws -> T) async throws -> T {
    let sandbox = try SandboxServer(configuration: configuration)
    let endpoints = try await sandbox.start()
    do {
        let result = try await body(sandbox, endpoints)
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}
