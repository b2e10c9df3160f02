import Foundation

/// One manifest file's name (as shown in messages) and bytes.
public struct ManifestSource: Sendable {
    public var file: String
    public var data: Data

    public init(file: String, data: Data) {
        self.file = file
        self.data = data
    }

    /// Every `*.yaml`/`*.yml` file at `path` (a file or a folder searched recursively, hidden folders
    /// skipped), in a stable order. File names are `path` joined with the relative path, so messages
    /// point where the user pointed.
    public static func files(at path: String) throws(ManifestError) -> [ManifestSource] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ManifestError(diagnostics: [Diagnostic(.error, at: nil, "no such file or folder: \(path)",
                                                         hint: "give the folder that holds your manifests, such as `.` or `manifests/`")])
        }
        var names: [String] = []
        if isDirectory.boolValue {
            let root = URL(fileURLWithPath: path, isDirectory: true)
            guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey],
                                                  options: [.skipsHiddenFiles]) else {
                throw ManifestError(diagnostics: [Diagnostic(.error, at: nil, "cannot read folder \(path)")])
            }
            let rootPath = root.standardizedFileURL.path
            for case let url as URL in walker {
                let ext = url.pathExtension.lowercased()
                guard ext == "yaml" || ext == "yml" else { continue }
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { continue }
                var relative = url.standardizedFileURL.path
                if relative.hasPrefix(rootPath + "/") { relative = String(relative.dropFirst(rootPath.count + 1)) }
                names.append(path == "." ? relative : (path.hasSuffix("/") ? path + relative : path + "/" + relative))
            }
            names.sort()
            if names.isEmpty {
                throw ManifestError(diagnostics: [Diagnostic(.error, at: nil, "no manifests (*.yaml, *.yml) under \(path)",
                                                             hint: "give the folder that holds your manifests")])
            }
        } else {
            names = [path]
        }
        var sources: [ManifestSource] = []
        for name in names {
            guard let data = manager.contents(atPath: name) else {
                throw ManifestError(diagnostics: [Diagnostic(.error, at: nil, "cannot read \(name)", hint: "check its permissions")])
            }
            sources.append(ManifestSource(file: name, data: data))
        }
        return sources
    }
}
