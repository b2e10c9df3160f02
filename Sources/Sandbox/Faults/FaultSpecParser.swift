import Foundation

/// Reads the `--faults` text form documented on `FaultPlan`.
enum FaultSpecParser {
    static func parse(_ spec: String) throws(FaultSpecError) -> FaultPlan {
        var plan = FaultPlan()
        for rawEntry in spec.split(separator: ";") {
            let entry = rawEntry.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            let fields = entry.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let head = fields[0]
            let (headName, headValue) = split(head)
            if headName == "seed" {
                guard fields.count == 1, let value = headValue, let seed = UInt64(value) else {
                    throw FaultSpecError(entry: entry, message: "seed must be a non-negative integer, as in seed=42")
                }
                plan.seed = seed
                continue
            }
            var rule = FaultRule(try kind(headName, headValue, entry: entry))
            for option in fields.dropFirst() {
                let (name, value) = split(option)
                guard let value, !value.isEmpty else { throw FaultSpecError(entry: entry, message: "option \"\(option)\" needs a value (NAME=VALUE)") }
                switch name {
                case "rate":
                    guard let rate = Double(value), rate >= 0, rate <= 1 else {
                        throw FaultSpecError(entry: entry, message: "rate must be a number from 0 to 1")
                    }
                    rule.rate = rate
                case "path":
                    guard value.hasPrefix("/") || value.hasPrefix("*") else {
                        throw FaultSpecError(entry: entry, message: "path must start with / (the platform prefix, as in /criteo/*)")
                    }
                    rule.path = value
                case "method":
                    rule.method = value.uppercased()
                case "times":
                    guard let times = Int(value), times >= 0 else { throw FaultSpecError(entry: entry, message: "times must be a non-negative integer") }
                    rule.times = times
                case "retry-after":
                    guard case .tooManyRequests = rule.kind else { throw FaultSpecError(entry: entry, message: "retry-after applies to 429 only") }
                    guard let seconds = Int(value), seconds >= 0 else { throw FaultSpecError(entry: entry, message: "retry-after must be whole seconds") }
                    rule.kind = .tooManyRequests(retryAfter: seconds)
                case "code":
                    guard case .criteoItemFailure = rule.kind else { throw FaultSpecError(entry: entry, message: "code applies to criteo-item only") }
                    rule.kind = .criteoItemFailure(code: value)
                default:
                    throw FaultSpecError(entry: entry, message: "unknown option \"\(name)\" (expected rate, path, method, times, retry-after or code)")
                }
            }
            plan.rules.append(rule)
        }
        return plan
    }

    private static func split(_ field: String) -> (String, String?) {
        let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        return (parts[0].lowercased(), parts.count > 1 ? String(parts[1]) : nil)
    }

    private static func kind(_ name: String, _ value: String?, entry: String) throws(FaultSpecError) -> FaultKind {
        switch name {
        case "latency":
            guard let value else { throw FaultSpecError(entry: entry, message: "latency needs a duration, as in latency=20ms or latency=5ms..50ms") }
            let bounds = value.components(separatedBy: "..")
            guard bounds.count <= 2, let minimum = duration(bounds[0]), let maximum = bounds.count == 2 ? duration(bounds[1]) : minimum,
                  maximum >= minimum else {
                throw FaultSpecError(entry: entry, message: "latency must be DURATION or MIN..MAX with units ms or s, as in 20ms or 0.5s..2s")
            }
            return .latency(minimum: minimum, maximum: maximum)
        case "429":
            return .tooManyRequests(retryAfter: 1)
        case "500", "502", "503", "504":
            return .serverError(status: Int(name) ?? 500)
        case "drop":
            return .dropConnection
        case "hang":
            return .neverRespond
        case "criteo-item":
            return .criteoItemFailure(code: FaultKind.defaultCriteoItemCode)
        case "jivox-export-fail":
            return .jivoxExportFailure
        default:
            throw FaultSpecError(entry: entry, message: "unknown fault \"\(name)\" (expected seed, latency, 429, 500, 502, 503, 504, drop, hang, criteo-item or jivox-export-fail)")
        }
    }

    /// `20ms`, `1.5s`; nil otherwise.
    private static func duration(_ text: String) -> TimeInterval? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        let (number, scale): (Substring, Double) = text.hasSuffix("ms") ? (text.dropLast(2), 0.001) : text.hasSuffix("s") ? (text.dropLast(1), 1) : ("", 0)
        guard let value = Double(number), value >= 0, value.isFinite else { return nil }
        return value * scale
    }
}
