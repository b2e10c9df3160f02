import Foundation

/// The sandbox: faithful simulators of the NextRoll, Criteo, Topsort and Jivox APIs on one loopback
/// port, each under its own prefix (`http://127.0.0.1:PORT/criteo`), with fault injection, a request log
/// and optional persistence.
///
///     let sandbox = try SandboxServer(configuration: SandboxConfiguration(fixture: .examples))
///     let endpoints = try await sandbox.start()      // endpoints.criteo, endpoints[.topsort], ...
///     ...                                            // point clients at the endpoints
///     sandbox.requestLog.count(.criteo, method: "PATCH", path: "/preview/marketing-solutions/campaigns")
///     await sandbox.stop()
public actor SandboxServer {
    public nonisolated let nextroll: NextRollSimulator
    public nonisolated let criteo: CriteoSimulator
    public nonisolated let topsort: TopsortSimulator
    public nonisolated let jivox: JivoxSimulator
    /// Every request received, in order (credentials redacted).
    public nonisolated let requestLog: RequestLog
    /// The faults injected; `faults.configure(_:)` changes them while running.
    public nonisolated let faults: FaultInjector

    private let configuration: SandboxConfiguration
    private let dispatcher: SandboxDispatcher
    private var server: HTTPServer?

    /// Builds the simulators from the state file (when configured and present), else the fixture,
    /// else empty. Throws for a state or fixture that cannot be read or is not valid sandbox state.
    public init(configuration: SandboxConfiguration = SandboxConfiguration()) throws(SandboxError) {
        self.configuration = configuration
        var initial = configuration.fixture ?? .empty
        if let stateFile = configuration.stateFile, FileManager.default.fileExists(atPath: stateFile.path) {
            initial = try SandboxFixture.load(contentsOf: stateFile)
        }
        let faults = FaultInjector(plan: configuration.faults)
        let context = SimulatorContext(seed: configuration.seed, clock: configuration.clock, credentials: configuration.credentials,
                                       faults: faults, criteoTokenLifetime: configuration.criteoTokenLifetime,
                                       jivoxExports: configuration.jivoxExports)
        do throws(FieldProblem) {
            nextroll = try NextRollSimulator(state: initial.part(.nextroll), context: context)
            criteo = try CriteoSimulator(state: initial.part(.criteo), context: context)
            topsort = try TopsortSimulator(state: initial.part(.topsort), context: context)
            jivox = try JivoxSimulator(state: initial.part(.jivox), context: context)
        } catch {
            throw .invalidFixture(source: initial.source, problem: error)
        }
        self.faults = faults
        requestLog = RequestLog(capacity: configuration.requestLogCapacity, observer: configuration.requestObserver)
        dispatcher = SandboxDispatcher(simulators: [.nextroll: nextroll, .criteo: criteo, .topsort: topsort, .jivox: jivox],
                                       faults: faults, log: requestLog, stateFile: configuration.stateFile.map(StateFile.init))
    }

    /// Starts serving and returns each platform's base URL. With a state file, the current state is
    /// written first, so the file exists from the start.
    public func start() async throws(SandboxError) -> SandboxEndpoints {
        guard server == nil else { throw .alreadyRunning }
        try await persist()
        let server = try HTTPServer(port: configuration.port, limits: configuration.limits, handler: dispatcher)
        server.start()
        self.server = server
        return SandboxEndpoints(port: server.port)
    }

    /// Stops accepting, closes every connection and waits for the server's threads; idempotent.
    public func stop() async {
        guard let server else { return }
        self.server = nil
        await server.shutdown()
    }

    /// The base URLs while running, nil otherwise.
    public var endpoints: SandboxEndpoints? { server.map { SandboxEndpoints(port: $0.port) } }

    /// The number of open client connections (0 when stopped).
    public var openConnections: Int { server?.openConnections ?? 0 }

    /// The whole state in the fixture format.
    public func exportState() async -> SandboxJSON {
        await dispatcher.snapshot()
    }

    /// Writes the state file now (a no-op without one).
    public func persist() async throws(SandboxError) {
        guard let stateFile = dispatcher.stateFile else { return }
        let dispatcher = dispatcher
        try await stateFile.save { await dispatcher.snapshot() }
    }

    /// Provisions what the platforms' APIs cannot create, leaving what already exists alone, and
    /// returns what was newly provisioned (in the order given). Parents are handled before children,
    /// so an advertisable and its segments can come in one call. Throws when a child's parent exists
    /// neither in the sandbox nor in the list; nothing after the failing entry is provisioned.
    @discardableResult
    public func provision(_ accounts: [SandboxAccount]) async throws(SandboxError) -> [SandboxAccount] {
        var added = Set<SandboxAccount>()
        for account in accounts.enumerated().sorted(by: { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }).map(\.element) {
            if try await provisionOne(account) { added.insert(account) }
        }
        if !added.isEmpty { try await persist() }
        var seen = Set<SandboxAccount>()
        return accounts.filter { added.contains($0) && seen.insert($0).inserted }
    }

    private func provisionOne(_ account: SandboxAccount) async throws(SandboxError) -> Bool {
        if let eid = account.nextrollEID, !NextRollSimulator.isValidEID(eid) {
            throw .cannotProvision(account: "\(account)", reason: "NextRoll EIDs cannot be empty or hold commas or spaces")
        }
        switch account {
        case .nextrollAdvertisable(let eid):
            return await nextroll.provisionAdvertisable(eid: eid)
        case .nextrollSegment(let eid, let advertisable):
            guard await nextroll.hasAdvertisable(advertisable) else { throw .cannotProvision(account: "\(account)", reason: "the advertisable does not exist") }
            return await nextroll.provisionSegment(eid: eid, advertisable: advertisable)
        case .nextrollAd(let eid, let advertisable):
            guard await nextroll.hasAdvertisable(advertisable) else { throw .cannotProvision(account: "\(account)", reason: "the advertisable does not exist") }
            return await nextroll.provisionAd(eid: eid, advertisable: advertisable)
        case .criteoAdvertiser(let id):
            return await criteo.provisionAdvertiser(id: id)
        case .topsortMarketplace(let id):
            guard TopsortSimulator.isUUID(id) else { throw .cannotProvision(account: "\(account)", reason: "a marketplace id is a UUID") }
            let current = await topsort.marketplace
            guard current != id else { return false }
            guard await topsort.provisionMarketplace(id: id) else {
                throw .cannotProvision(account: "\(account)", reason: "the sandbox already has campaigns in marketplace \(current)")
            }
            return true
        case .topsortVendor(let id):
            guard !id.isEmpty else { throw .cannotProvision(account: "\(account)", reason: "a vendor id must not be empty") }
            return await topsort.provisionVendor(id: id)
        case .jivoxAccount(let id):
            return await jivox.provisionAccount(id: id)
        case .jivoxRetailCampaign(let accountID, let idx):
            guard await jivox.hasAccount(accountID) else { throw .cannotProvision(account: "\(account)", reason: "the account does not exist") }
            return await jivox.provisionRetailCampaign(account: accountID, idx: idx)
        }
    }
}
