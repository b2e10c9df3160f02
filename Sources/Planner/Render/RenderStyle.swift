/// How a renderer marks up text for a terminal. The command line decides whether colour is on (a TTY,
/// no `NO_COLOR`) and passes a style that paints; libraries never look at the terminal themselves.
public struct RenderStyle: Sendable {
    /// What a piece of text is, so the caller can choose its colour.
    public enum Role: Sendable, Hashable {
        /// Creates and attachments (`+`).
        case added
        /// Updates (`~`).
        case changed
        /// Pauses and detachments (`-`).
        case removed
        /// Resumes, activations, exports and downloads (`>`).
        case started
        /// Blocked changes and safety violations (`!`).
        case blocked
        case heading
        /// Secondary detail: dependencies, calls, reasons.
        case muted
    }

    public var paint: @Sendable (String, Role) -> String

    public init(paint: @escaping @Sendable (String, Role) -> String) {
        self.paint = paint
    }

    /// No markup at all.
    public static let plain = RenderStyle { text, _ in text }
}
