import Foundation
import Testing

/// The program finds its factor tables beside its own path, as `make install` lays them out
/// (`PREFIX/bin/permille`, `PREFIX/share/permille/Indicators`), from any working folder; copied
/// alone, it says where it looked, in one diagnostic, and exits 2 instead of crashing.
@Suite("Install layout")
struct InstallLayoutTests {
    @Test("a copy of the binary without its tables exits 2 naming where it looked")
    func loneCopy() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let lone = scratch.url.appendingPathComponent("permille")
        try FileManager.default.copyItem(at: PermilleBinary.executable, to: lone)
        let demo = PermilleBinary.packageRoot.appendingPathComponent("Fixtures/grassland-demo.json").path
        let run = try PermilleBinary.run(["assess", demo], executable: lone, in: scratch.url)
        #expect(run.exitCode == 2, "\(run.stderrText)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderrText.contains("error[indicators.missing]"))
        #expect(run.stderrText.contains(scratch.url.appendingPathComponent("permille_PerMilleData.resources/Indicators").path))
        #expect(run.stderrText.contains("make install"))
        // Commands that read no tables still work.
        #expect(try PermilleBinary.run(["--version"], executable: lone, in: scratch.url).exitCode == 0)
    }

    @Test("installed as PREFIX/bin with PREFIX/share/permille/Indicators, it assesses from any folder, also through a symlink")
    func installedLayout() throws {
        let prefix = try TemporaryDirectory()
        defer { prefix.remove() }
        let bin = prefix.url.appendingPathComponent("bin")
        let share = prefix.url.appendingPathComponent("share/permille")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        let installed = bin.appendingPathComponent("permille")
        try FileManager.default.copyItem(at: PermilleBinary.executable, to: installed)
        try FileManager.default.copyItem(at: PermilleBinary.packageRoot.appendingPathComponent("Indicators"), to: share.appendingPathComponent("Indicators"))
        let elsewhere = try TemporaryDirectory()
        defer { elsewhere.remove() }
        let demo = PermilleBinary.packageRoot.appendingPathComponent("Fixtures/grassland-demo.json").path
        let run = try PermilleBinary.run(["assess", demo, "--method", "exact-v9.4"], executable: installed, in: elsewhere.url)
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(run.stdoutText.contains("-2 475.0"))
        // A symlink in another folder (as in ~/bin) resolves to the installed program and its tables.
        let link = elsewhere.url.appendingPathComponent("permille")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: installed)
        let linked = try PermilleBinary.run(["assess", demo, "--method", "exact-v9.4"], executable: link, in: elsewhere.url)
        #expect(linked.exitCode == 0, "\(linked.stderrText)")
        #expect(linked.stdout == run.stdout)
    }
}
