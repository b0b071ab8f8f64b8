import Foundation
import PerMille
import PerMilleJSON

/// Reads an `Indicators/` folder — manifest, CSV tables, digests — into a `FactorSet`.
///
/// Every problem is collected (file:line, what was expected, what was found) before failing,
/// so one run shows a data maintainer everything to fix.
public enum IndicatorsLoader {
    /// The folder shipped inside the package (`Bundle.module`).
    public static var bundledDirectory: URL? {
        Bundle.module.url(forResource: "Indicators", withExtension: nil)
    }

    /// Loads and checks every table of the manifest in `directory` (the bundled folder when nil).
    public static func load(from directory: URL? = nil) throws(DiagnosticsError) -> FactorSet {
        try IndicatorsFolder(directory: directory).allFactors()
    }

    /// The folder (the bundled one when nil) and its manifest's bytes, for the tables and the documents.
    static func manifest(in directory: URL?) throws(DiagnosticsError) -> (directory: URL, bytes: [UInt8], url: URL) {
        guard let directory = directory ?? bundledDirectory else {
            throw DiagnosticsError([Diagnostic(code: "indicators.missing", message: "the bundled Indicators folder was not found; pass --indicators DIR")])
        }
        let url = directory.appendingPathComponent("manifest.json")
        guard let bytes = try? Data(contentsOf: url) else {
            throw DiagnosticsError([Diagnostic(
                code: "indicators.manifest-unreadable", message: "cannot read the indicators manifest",
                location: SourceLocation(file: url.path, line: 0, column: 0, path: ""))])
        }
        return (directory, [UInt8](bytes), url)
    }
}
