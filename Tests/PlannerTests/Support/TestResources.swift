import Foundation

/// The files under `Tests/PlannerTests/Resources`, copied into the test bundle.
enum TestResources {
    /// The bundled `Resources` folder.
    static var root: URL? {
        Bundle.module.url(forResource: "Resources", withExtension: nil)
    }

    /// A folder or file under `Resources`, or nil when the bundle does not have it.
    static func url(_ relativePath: String) -> URL? {
        guard let root else { return nil }
        let url = root.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
