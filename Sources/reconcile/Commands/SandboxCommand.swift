import Foundation
import Sandbox

/// `reconcile sandbox`: serves the four platform simulators on 127.0.0.1 until Ctrl-C.
struct SandboxCommand: Command {
    static let configuration = CommandConfiguration(
        name: "sandbox",
        abstract: "Serve local simulators of the NextRoll, Criteo, Topsort and Jivox APIs on 127.0.0.1.",
        discussion: """
        Serves all four simulators on one port of 127.0.0.1 (never another interface) and prints each
        platform's base URL on stdout, one `PLATFORM URL` line each. Below its prefix every simulator takes
        exactly the platform's documented paths, so a provider block with `endpoint:` set to a printed URL
        runs against the sandbox. Any non-empty credentials are accepted. Requests are listed on stderr
        (without query strings, so no credential is printed). Ctrl-C or SIGTERM stops it cleanly.

        State starts from --state FILE when that file exists, otherwise from --seed FILE, otherwise from the
        accounts and campaigns the manifests in examples/ refer to. With --state, every change is saved to
        FILE at once (written to a temporary file and renamed, so the file is never half written).

        A seed or state file is JSON: {"format": "reconcile-sandbox/1", "nextroll": {"advertisables",
        "segments", "ads", "campaigns", "adgroups"}, "criteo": {"advertisers", "campaigns"}, "topsort":
        {"marketplaceId", "vendors", "campaigns"}, "jivox": {"accounts", "retailCampaigns"}}, each entry
        with the platform's own field names; a saved state file is a valid seed.

        FAULTS: --faults SPEC injects failures, reproducibly for a seed. SPEC is entries separated by `;`:
            seed=N                        the seed of every random choice (default 0)
            latency=DURATION[..DURATION]  add a delay, fixed or drawn from a range: 20ms, 1.5s, 5ms..50ms
            429[,retry-after=SECONDS]     Too Many Requests with Retry-After (default 1 second)
            500 | 502 | 503 | 504         a server error, in the platform's error shape
            drop                          act on the request, then close the connection without a response
            hang                          never respond (the client must time out)
            criteo-item[,code=CODE]       fail single items of a Criteo bulk PATCH (200 with per-item errors)
            jivox-export-fail             make Jivox asset exports end FAILED
        Each fault takes options after commas:
            rate=P      probability from 0 to 1 for each matching request (default 1: every request)
            path=GLOB   only paths matching GLOB, platform prefix included; * matches anything
            method=M    only this HTTP method
            times=N     fire at most N times
        A request's fate depends only on the seed, the request and how often it was sent before, so a
        retry gets a fresh draw and concurrency does not change which requests fail.
        """,
        options: [
            .value("port", "N", help: "Listen on port N (default 0: any free port; the URLs printed say which)."),
            .value("state", "FILE", help: "Load state from FILE when it exists and save every change to it."),
            .value("seed", "FILE", help: "Start from this JSON fixture when there is no state file yet."),
            .value("faults", "SPEC", help: "Inject faults as SPEC describes (see FAULTS above)."),
        ] + CommonOptions.output,
        examples: [
            ("reconcile sandbox", "Serve the example accounts on a free port"),
            ("reconcile sandbox --port 8080 --state .reconcile/sandbox.json", "Keep state between runs on a fixed port"),
            ("reconcile sandbox --faults 'seed=7;429,rate=0.1,retry-after=2;drop,path=/criteo/*,times=1'", "Rehearse rate limits and a lost connection"),
        ])

    var port: UInt16
    var statePath: String?
    var seedPath: String?
    var faults: FaultPlan

    init(arguments: ParsedArguments) throws(UsageError) {
        port = UInt16(try arguments.integer("port", in: 0...65_535) ?? 0)
        statePath = arguments.value("state")
        seedPath = arguments.value("seed")
        do {
            faults = try FaultPlan.parse(arguments.value("faults") ?? "")
        } catch {
            throw UsageError("--faults: \(error)")
        }
    }

    func run(on terminal: Terminal) async -> ExitCode {
        let style = terminal.errorStyle
        var configuration = SandboxConfiguration(port: port, faults: faults)
        configuration.stateFile = statePath.map { URL(fileURLWithPath: $0) }
        if !terminal.quiet {
            configuration.requestObserver = { @Sendable (entry: RequestLogEntry) in
                terminal.error(Self.describe(entry, style: style))
            }
        }
        do {
            if let seedPath {
                configuration.fixture = try SandboxFixture.load(contentsOf: URL(fileURLWithPath: seedPath))
            } else {
                configuration.fixture = .examples
            }
            let sandbox = try SandboxServer(configuration: configuration)
            let endpoints = try await sandbox.start()
            var listing = ""
            for platform in SandboxPlatform.allCases {
                listing += platform.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + endpoints[platform].absoluteString + "\n"
            }
            terminal.write(listing)
            let storage = statePath.map { "state in \($0)" } ?? "state in memory"
            terminal.note("\(style.bold("Sandbox")) listening on 127.0.0.1:\(endpoints.port) (\(storage)). Ctrl-C stops it.")
            _ = await TerminationSignal.next()
            await sandbox.stop()
            terminal.note("Sandbox stopped" + (statePath.map { "; state saved in \($0)." } ?? "."))
            return .success
        } catch {
            terminal.error("\(style.red(style.bold("error:"))) \(error)")
            return .failure
        }
    }

    /// `PATCH /criteo/preview/marketing-solutions/campaigns 200`, without the query (it may hold an API key).
    static func describe(_ entry: RequestLogEntry, style: TerminalStyle) -> String {
        let status = entry.status.map(String.init) ?? "no response"
        let colored = (entry.status ?? 500) < 400 ? style.green(status) : style.red(status)
        return "\(style.dim(entry.method)) \(entry.path) \(colored)" + (entry.fault.map { " " + style.yellow("[fault: \($0)]") } ?? "")
    }
}
