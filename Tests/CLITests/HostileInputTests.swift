import Foundation
import Testing

/// Files from strangers: each case ends in a clear error, exit code 1 or 2, and no output.
@Suite("Hostile input")
struct HostileInputTests {
    @Test("a 200 MB file is refused by its size before it is read")
    func oversized() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.url.appendingPathComponent("huge.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 * 1024 * 1024)
        try handle.close()
        let run = try PermilleBinary.run(["assess", path])
        #expect(run.exitCode == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderrText.contains("error[file.too-large]"))
    }

    @Test(
        "each hostile file gives a clear error and no output",
        arguments: [
            ("deep.json", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), "nesting deeper than"),
            ("deep.xml", "<permille>" + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000) + "</permille>", "error[xml.syntax]"),
            (
                "laughs.xml", #"<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><permille><name>&b;</name></permille>"#,
                "DOCTYPE is not allowed"
            ),
            ("url.xml", #"<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]><permille>&e;</permille>"#, "DOCTYPE is not allowed"),
            ("truncated.xml", "<permille><project><name>x</name>", "error[xml.syntax]"),
            (
                "quadratic.xml",
                #"<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a ""# + String(repeating: "x", count: 50_000) + #"">]><permille><name>"# + String(repeating: "&a;", count: 5_000)
                    + "</name></permille>", "DOCTYPE is not allowed"
            ),
            ("truncated.json", #"{"format": "permille/1", "project": {"name": "#, "error[json.syntax]"),
            ("nan.json", #"{"format": "permille/1", "project": NaN}"#, "NaN/Infinity is not a JSON number"),
            ("wrong-root.xml", "<project/>", "the root element must be <permille>"),
        ])
    func hostile(name: String, content: String, message: String) throws {
        let scratch = try TemporaryDirectory()
        let path = try scratch.write(content, to: name)
        let output = scratch.url.appendingPathComponent("out.json").path
        let run = try PermilleBinary.run(["assess", path, "--format", "json", "-o", output])
        #expect(run.exitCode == 1)
        #expect(run.stdout.isEmpty)
        // With --format json the diagnostics are a JSON document on stderr.
        let code = message.hasPrefix("error[") ? String(message.dropFirst(6).dropLast()) : nil
        #expect(code.map(run.reportsError) ?? run.stderrText.contains(message), "\(run.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("invalid UTF-8 in JSON is an error with its position")
    func invalidUTF8JSON() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.url.appendingPathComponent("bad.json").path
        try Data([UInt8](#"{"format": ""#.utf8) + [0xC3, 0x28] + [UInt8](#""}"#.utf8)).write(to: URL(fileURLWithPath: path))
        let run = try PermilleBinary.run(["validate", path])
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("error[json.syntax]"))
        #expect(run.stderrText.contains("bad.json:1:"))
    }

    @Test("invalid UTF-8 in XML is an error, not mojibake")
    func invalidUTF8() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.url.appendingPathComponent("bad.xml").path
        try Data([UInt8]("<permille><name>".utf8) + [0xFF, 0xFE] + [UInt8]("</name></permille>".utf8)).write(to: URL(fileURLWithPath: path))
        let run = try PermilleBinary.run(["validate", path])
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("error[xml.syntax]"))
    }
}
