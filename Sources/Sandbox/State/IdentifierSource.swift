import Foundation

/// Deterministic identifiers for created resources: the same seed gives the same IDs in the same order,
/// so test assertions and saved plans can name them. Callers skip values already in use.
struct IdentifierSource: Sendable {
    private var random: SeededRandom

    init(seed: UInt64, platform: SandboxPlatform) {
        var salt: UInt64 = 0
        for byte in platform.rawValue.utf8 { salt = salt &* 31 &+ UInt64(byte) }
        random = SeededRandom(seed: seed ^ salt)
    }

    /// A NextRoll-style EID: 22 upper-case letters and digits (`K3V7ZQ2MXRFQBDN5HYT8AD`).
    mutating func eid() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<22).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }

    /// A version-4-shaped UUID in lower case (Topsort ids, Criteo trace identifiers).
    mutating func uuid() -> String {
        var bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// A random token of hex characters.
    mutating func token(length: Int = 40) -> String {
        var text = ""
        while text.count < length { text += String(format: "%016llx", random.next()) }
        return String(text.prefix(length))
    }
}
