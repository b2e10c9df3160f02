/// When a campaign runs. `end` is exclusive, as on NextRoll.
public struct Schedule: Sendable, Hashable, Codable {
    public var start: CalendarDate?
    public var end: CalendarDate?

    public init(start: CalendarDate? = nil, end: CalendarDate? = nil) {
        self.start = start
        self.end = end
    }
}
