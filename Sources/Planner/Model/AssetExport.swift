/// One Jivox asset export: a format at a resolution multiplier.
public struct AssetExport: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        case png, jpg, gif, tiff, mp4

        /// Jivox renders 2x only for still web images.
        public var supportsDoubleResolution: Bool { self == .png || self == .jpg || self == .gif }
    }

    public var format: Format
    /// 1 (1x) or 2 (2x).
    public var resolution: Int

    public init(format: Format, resolution: Int) {
        self.format = format
        self.resolution = resolution
    }

    public var description: String { "\(format.rawValue)@\(resolution)x" }
}
