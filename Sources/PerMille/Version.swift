/// permille's own version (semantic versioning), written into every result and report so a
/// reviewer can tell a rerun by another version from a changed input.
public enum PerMilleVersion {
    public static let current = "0.9.0"
}
