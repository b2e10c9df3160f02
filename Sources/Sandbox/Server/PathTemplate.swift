/// A path with `{name}` placeholders, matched segment by segment: `/campaigns/{id}`.
struct PathTemplate: Sendable {
    private let segments: [Substring]

    init(_ template: String) {
        segments = template.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// The placeholder values when `path` matches; nil otherwise. A trailing slash is ignored.
    func match(_ path: String) -> [String: String]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            if segment.hasPrefix("{"), segment.hasSuffix("}") {
                values[String(segment.dropFirst().dropLast())] = String(part)
            } else if segment != part {
                return nil
            }
        }
        return values
    }
}
