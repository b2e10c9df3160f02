/// Maps a method and a platform path to one of a simulator's endpoints.
struct Router<Endpoint: Sendable>: Sendable {
    struct Route: Sendable {
        let method: String
        let template: PathTemplate
        let endpoint: @Sendable ([String: String]) -> Endpoint
    }

    enum Resolution {
        case found(Endpoint)
        case notFound
        /// The path exists with other methods.
        case methodNotAllowed(allowed: [String])
    }

    private let routes: [Route]

    init(_ routes: [(method: String, path: String, endpoint: @Sendable ([String: String]) -> Endpoint)]) {
        self.routes = routes.map { Route(method: $0.method, template: PathTemplate($0.path), endpoint: $0.endpoint) }
    }

    func resolve(method: String, path: String) -> Resolution {
        var allowed: [String] = []
        for route in routes {
            guard let values = route.template.match(path) else { continue }
            if route.method == method { return .found(route.endpoint(values)) }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}
