/// The version of the `sop` tool and of the SOP language it reads.
public enum SOPVersion {
    /// The tool's version, printed by `sop --version`.
    public static let current = "0.1.0"
}
