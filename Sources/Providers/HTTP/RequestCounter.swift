/// Counts the requests a client sent (every attempt counts), by `METHOD /path`.
public actor RequestCounter {
    public private(set) var total = 0
    public private(set) var byCall: [String: Int] = [:]

    public init() {}

    func record(_ call: String) {
        total += 1
        byCall[call, default: 0] += 1
    }
}
