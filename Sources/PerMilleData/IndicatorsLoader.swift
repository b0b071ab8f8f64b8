import Foundation
import PerMille
import PerMilleJSON

/// Reads an `Indicators/` folder — manifest, CSV tables, digests — into a `FactorSet`.
///
/// Every problem is collected (file:line, what was expected, what was found) before failing,
/// so one run shows a data maintainer everything to fix.
public enum IndicatorsLoader {
    /// The folder shipped with the program: the first of `searchedDirectories` that has a manifest.
    public static var bundledDirectory: URL? {
        searchedDirectories.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("manifest.json").path) }
    }

    /// Where the bundled folder is looked for, in order: `../share/permille/Indicators` beside the
    /// program's real path (`make install`), then the build's resource bundle beside it (`swift
    /// build`, tests). `Bundle.module` is not used: its accessor stops the process when the bundle
    /// is missing, so a binary copied alone would crash instead of saying where it looked.
    public static var searchedDirectories: [URL] {
        var folders: [URL] = []
        var programFolders: [URL] = []
        if let program = Bundle.main.executableURL?.resolvingSymlinksInPath() { programFolders.append(program.deletingLastPathComponent()) }
        programFolders.append(Bundle.main.bundleURL)
        for folder in programFolders {
            folders.append(folder.deletingLastPathComponent().appendingPathComponent("share/permille/Indicators").standardizedFileURL)
            folders.append(folder.appendingPathComponent("permille_PerMilleData.resources/Indicators").standardizedFileURL)
        }
        var seen: Set<String> = []
        return folders.filter { seen.insert($0.path).inserted }
    }

    /// Loads and checks every table of the manifest in `directory` (the bundled folder when nil).
    public static func load(from directory: URL? = nil) throws(DiagnosticsError) -> FactorSet {
        try IndicatorsFolder(directory: directory).allFactors()
    }

    /// The folder (the bundled one when nil) and its manifest's bytes, for the tables and the documents.
    static func manifest(in directory: URL?) throws(DiagnosticsError) -> (directory: URL, bytes: [UInt8], url: URL) {
        guard let directory = directory ?? bundledDirectory else {
            let looked = searchedDirectories.map(\.path).joined(separator: ", ")
            throw DiagnosticsError([
                Diagnostic(
                    code: "indicators.missing", message: "the factor tables (Indicators folder) were not found beside the program; looked in \(looked)",
                    expected: "an Indicators folder with manifest.json", found: "none",
                    suggestion: "install with `make install PREFIX=…` (the program and its data together), or pass --indicators DIR")
            ])
        }
        let url = directory.appendingPathComponent("manifest.json")
        guard let bytes = try? Data(contentsOf: url) else {
            throw DiagnosticsError([
                Diagnostic(
                    code: "indicators.manifest-unreadable", message: "cannot read the indicators manifest",
                    location: SourceLocation(file: url.path, line: 0, column: 0, path: ""))
            ])
        }
        return (directory, [UInt8](bytes), url)
    }
}
