import Planner

/// Collects the requests made for one action, attempts included, for the apply report.
public actor CallTrace {
    public private(set) var records: [CallRecord] = []

    public init() {}

    func record(_ record: CallRecord) {
        records.append(record)
    }
}
