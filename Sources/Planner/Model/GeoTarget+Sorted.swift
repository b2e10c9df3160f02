extension GeoTarget {
    /// Geo targets in a stable order (by EID, then kind and value), for output and hashing.
    public static func sorted(_ targets: Set<GeoTarget>) -> [GeoTarget] {
        targets.sorted { ($0.eid, $0.kind.rawValue, $0.value) < ($1.eid, $1.kind.rawValue, $1.value) }
    }
}
