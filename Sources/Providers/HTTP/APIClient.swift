import Foundation
import Planner
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one provider's calls: authentication, its concurrency and rate limits, timeouts, and
/// retries with backoff that honour `Retry-After`, all with credentials kept out of every error.
///
/// Retries follow what is safe: a 429 means the platform did nothing, so any call is retried; a
/// timeout, a dropped connection or a 5xx may come after the platform acted, so only idempotent
/// calls are retried and a create fails with `outcomeIsUnknown` for the applier to look up.
public final class APIClient: Sendable {
    public let baseURL: URL
    /// The provider alias, for messages.
    public let providerAlias: String
    public let retryPolicy: RetryPolicy
    private let session: URLSession
    private let authenticator: any RequestAuthenticator
    private let throttle: RequestThrottle
    private let sleeper: any RetrySleeper
    private let redactor: SecretRedactor
    private let errorReader: @Sendable (APIResponse) -> (code: String?, message: String)
    /// Counts what was sent, for tests and benchmarks (each attempt is a request).
    public let counter: RequestCounter

    /// `counter` may be shared with another client of the same provider (Criteo's token endpoint has a
    /// client of its own, and its requests count too).
    public init(baseURL: URL, providerAlias: String, authenticator: any RequestAuthenticator, limits: ClientLimits,
                retryPolicy: RetryPolicy = RetryPolicy(), redactor: SecretRedactor, sleeper: any RetrySleeper = TaskSleeper(),
                counter: RequestCounter = RequestCounter(),
                errorReader: @escaping @Sendable (APIResponse) -> (code: String?, message: String) = APIClient.plainErrorReader) {
        self.counter = counter
        self.baseURL = baseURL
        self.providerAlias = providerAlias
        self.retryPolicy = retryPolicy
        self.authenticator = authenticator
        // The throttle keeps real time whatever `sleeper` does: tests record retry waits, not rate waits.
        self.throttle = RequestThrottle(concurrency: limits.concurrency, requestsPerMinute: limits.requestsPerMinute)
        self.sleeper = sleeper
        self.redactor = redactor
        self.errorReader = errorReader
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = limits.concurrency
        configuration.timeoutIntervalForRequest = retryPolicy.requestTimeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        // Platform APIs authenticate with keys and tokens, never cookies; without this URLSession on
        // Linux still parses every header line of every answer for Set-Cookie.
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        self.session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// The error body as text, when a platform has no structured error shape.
    public static let plainErrorReader: @Sendable (APIResponse) -> (code: String?, message: String) = { response in
        (nil, response.bodyExcerpt())
    }

    /// Sends `request`, retrying as the policy and the request's idempotency allow.
    /// - Returns: the 2xx response.
    /// - Throws: `APIError`, redacted.
    public func send(_ request: APIRequest, trace: CallTrace? = nil) async throws(APIError) -> APIResponse {
        var attempt = 0
        var renewedCredentials = false
        var lastError: APIError?
        while attempt < retryPolicy.maxAttempts {
            attempt += 1
            if Task.isCancelled { throw lastError ?? .cancelled(call: request.summary) }
            let outcome = await attemptOnce(request)
            if outcome.wasSent, trace != nil || CallRecorder.current != nil {
                let record = CallRecord(method: request.method.rawValue, path: request.path, status: outcome.status,
                                        error: outcome.failure.map { redactor.redact($0.error).description })
                await trace?.record(record)
                CallRecorder.current?.record(record)
            }
            switch outcome {
            case .success(let response):
                return response
            case .failure(let failure):
                let error = redactor.redact(failure.error)
                lastError = error
                if failure.error.httpStatus == 401, !renewedCredentials {
                    renewedCredentials = true
                    if try await authenticator.renewAfterUnauthorized(rejected: failure.sentRequest) {
                        attempt -= 1  // a renewal is not a retry
                        continue
                    }
                }
                guard attempt < retryPolicy.maxAttempts, isRetryable(failure.error, request: request) else {
                    throw attempt > 1 ? .gaveUp(attempts: attempt, last: error) : error
                }
                let wait = retryPolicy.delay(afterAttempt: attempt, retryAfter: failure.retryAfter, unit: Double.random(in: 0..<1))
                if wait > retryPolicy.maxRetryAfter { throw error }
                do {
                    try await sleeper.sleep(seconds: wait)
                } catch {
                    throw lastError ?? .cancelled(call: request.summary)
                }
            }
        }
        throw lastError.map { .gaveUp(attempts: attempt, last: $0) } ?? .cancelled(call: request.summary)
    }

    fileprivate struct AttemptFailure: Error {
        var error: APIError
        var retryAfter: String?
        /// False when the request never left (throttle cancelled, URL or credentials could not be formed).
        var wasSent = true
        /// The request as sent, credentials included, for the authenticator to see which ones a 401 refused.
        var sentRequest: URLRequest?
    }

    private func attemptOnce(_ request: APIRequest) async -> Result<APIResponse, AttemptFailure> {
        do {
            try await throttle.acquire()
        } catch {
            return .failure(AttemptFailure(error: .cancelled(call: request.summary), wasSent: false))
        }
        let result = await perform(request)
        await throttle.release()
        return result
    }

    private func perform(_ request: APIRequest) async -> Result<APIResponse, AttemptFailure> {
        var urlRequest: URLRequest
        do {
            urlRequest = try makeURLRequest(request)
            try await authenticator.authorize(&urlRequest)
        } catch {
            return .failure(AttemptFailure(error: error, wasSent: false))
        }
        await counter.record(request.summary)
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                return .failure(AttemptFailure(error: .transport(message: "the answer was not HTTP", call: request.summary,
                                                                 mayHaveReachedPlatform: true)))
            }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
            }
            let answer = APIResponse(status: http.statusCode, headers: headers, body: data)
            if answer.isSuccess { return .success(answer) }
            let (code, message) = errorReader(answer)
            return .failure(AttemptFailure(error: .status(answer.status, code: code, message: message, call: request.summary),
                                           retryAfter: answer.header("retry-after"), sentRequest: urlRequest))
        } catch {
            return .failure(AttemptFailure(error: Self.transportError(error, call: request.summary)))
        }
    }

    private func isRetryable(_ error: APIError, request: APIRequest) -> Bool {
        switch error {
        case .status(let status, _, _, _):
            // 429: refused before anything was done. 5xx and 408: maybe done, so only when repeating is harmless.
            return status == 429 || (RetryPolicy.retryableStatuses.contains(status) && request.isIdempotent)
        case .transport(_, _, let reached):
            return !reached || request.isIdempotent
        default:
            return false
        }
    }

    private func makeURLRequest(_ request: APIRequest) throws(APIError) -> URLRequest {
        let base = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        guard var components = URLComponents(string: base + request.path) else {
            throw .malformedResponse(message: "cannot form a URL from \(request.path)", call: request.summary)
        }
        if !request.query.isEmpty { components.queryItems = request.query }
        // `+` is legal in a query but servers read it as a space; encode it.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components.url else {
            throw .malformedResponse(message: "cannot form a URL from \(request.path)", call: request.summary)
        }
        var urlRequest = URLRequest(url: url, timeoutInterval: retryPolicy.requestTimeout)
        urlRequest.httpMethod = request.method.rawValue
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        // Every request on a connection of its own. On Linux, URLSession (libcurl) silently sends a request
        // again when the reused connection it went out on closes without an answer, and a request with a
        // body on such a connection waits out the whole request timeout instead. With no connection ever
        // reused, every request the platform receives is one this client sent and recorded (the apply
        // report matches the platform's log, and a create is never sent twice behind the applier's back),
        // and a lost answer is known at once. A connection per call costs little at the platforms'
        // published rates (a few calls a second).
        urlRequest.setValue("close", forHTTPHeaderField: "Connection")
        urlRequest.httpBody = request.body
        return urlRequest
    }

    /// Classifies a URLSession failure: only failures before a connection existed are certain not to have reached the platform.
    static func transportError(_ error: any Error, call: String) -> APIError {
        let neverSent: Set<URLError.Code> = [.cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
                                             .badURL, .unsupportedURL]
        if let urlError = error as? URLError {
            let message: String
            switch urlError.code {
            case .timedOut: message = "no answer within the time limit (timed out)"
            case .networkConnectionLost, .badServerResponse: message = "the connection was closed before the answer came"
            case .cannotConnectToHost: message = "cannot connect to the platform (connection refused)"
            case .cancelled: message = "cancelled"
            default: message = urlError.localizedDescription
            }
            return .transport(message: message, call: call, mayHaveReachedPlatform: !neverSent.contains(urlError.code))
        }
        return .transport(message: "\(error)", call: call, mayHaveReachedPlatform: true)
    }
}

extension Result where Success == APIResponse, Failure == APIClient.AttemptFailure {
    /// Whether the attempt went out to the platform (and so belongs in the call trace).
    fileprivate var wasSent: Bool {
        if case .failure(let failure) = self { return failure.wasSent }
        return true
    }

    fileprivate var status: Int? {
        switch self {
        case .success(let response): return response.status
        case .failure(let failure): return failure.error.httpStatus
        }
    }

    fileprivate var failure: APIClient.AttemptFailure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
