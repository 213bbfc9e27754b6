/// Bounds the loader enforces before libyaml sees a text, so hostile or broken files fail fast.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes. A 10,000-step SOP is about 3 MB.
    public var maxBytes: Int
    /// Deepest nesting of collections accepted. Real SOPs nest about 6 deep; libyaml takes
    /// quadratic time on deep flow nesting and a recursive walk would exhaust the stack.
    public var maxDepth: Int

    public init(maxBytes: Int = 16 * 1024 * 1024, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// The limits `sop validate` uses.
    public static let standard = YAMLLimits()
}
