import Foundation
import Planner
import Providers
import Sandbox

/// What the sandbox benchmarks share: manifests loaded the way `reconcile` loads them, and clients
/// pointed at an in-process sandbox the way `--sandbox` points them.
enum SandboxSetup {
    /// Writes `yaml` into a fresh temporary folder and loads it with `ManifestLoader`.
    static func loadManifests(_ yaml: String) throws -> Manifest {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("accounts.yaml"))
        return try ManifestLoader().load(path: folder.path)
    }

    /// Clients for the sandbox at `endpoints`: stand-in credentials for every variable the manifests
    /// name, and no published rate limits (the sandbox has no quotas), as `--sandbox` runs.
    static func factory(_ endpoints: SandboxEndpoints, for manifest: Manifest, jivoxExportPolling: JivoxExportPolling? = nil) -> ProviderClientFactory {
        var environment: [String: String] = [:]
        for provider in manifest.providers {
            for reference in provider.credentials.values { environment[reference.environmentVariable] = "bench-\(reference.environmentVariable.lowercased())" }
        }
        return ProviderClientFactory(endpointOverrides: [.nextroll: endpoints.nextroll, .criteo: endpoints.criteo, .topsort: endpoints.topsort,
                                                         .jivox: endpoints.jivox],
                                     environment: environment, publishedRateLimits: false, jivoxExportPolling: jivoxExportPolling)
    }
}
