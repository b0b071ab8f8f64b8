import Foundation
import Testing

@Suite("permille convert and XML input")
struct ConvertCommandTests {
    @Test("JSON → XML → JSON through the CLI keeps the project, and the XML form assesses to the same result")
    func roundTrip() throws {
        let scratch = try TemporaryDirectory()
        let xml = scratch.url.appendingPathComponent("demo.xml").path
        let json = scratch.url.appendingPathComponent("demo.json").path
        #expect(try PermilleBinary.run(["convert", "Fixtures/tropical-demo.json", xml]).exitCode == 0)
        #expect(try PermilleBinary.run(["convert", xml, json]).exitCode == 0)
        let fromJSON = try PermilleBinary.run(["assess", "Fixtures/tropical-demo.json", "--format", "json"])
        let fromXML = try PermilleBinary.run(["assess", xml, "--format", "json"])
        let fromRoundTrip = try PermilleBinary.run(["assess", json, "--format", "json"])
        #expect(fromXML.exitCode == 0)
        // Byte-identical: the input digest is taken over the project in canonical JSON, not the file.
        #expect(fromXML.stdout == fromJSON.stdout)
        #expect(fromRoundTrip.stdout == fromJSON.stdout)
    }

    @Test("an XML file with a DOCTYPE is refused, and convert writes nothing")
    func doctype() throws {
        let scratch = try TemporaryDirectory()
        let input = try scratch.write(
            #"<?xml version="1.0"?><!DOCTYPE permille [<!ENTITY x SYSTEM "file:///etc/passwd">]><permille><format>&x;</format></permille>"#, to: "evil.xml")
        let output = scratch.url.appendingPathComponent("out.json").path
        let run = try PermilleBinary.run(["convert", input, output])
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("error[xml.syntax]: a DOCTYPE is not allowed"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let assess = try PermilleBinary.run(["assess", input])
        #expect(assess.exitCode == 1 && assess.stdout.isEmpty)
    }
}
