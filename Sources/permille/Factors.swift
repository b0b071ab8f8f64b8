import ArgumentParser
import PerMille
import PerMilleData
import PerMilleJSON

struct Factors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the factor tables or print one, with sources and uncertainty.",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the factor tables, or with --unverified every value to check.")

        @Flag(help: "List every value tagged unverified (M) or resting on one secondary source (C-weak).")
        var unverified = false

        @OptionGroup var data: DataOptions

        func run() throws {
            let factors = try data.loadFactors()
            let tables = factors.tables.values.sorted { $0.name < $1.name }
            if unverified {
                var lines: [String] = []
                for table in tables {
                    for record in table.records {
                        guard let tag = record.text["reliability"].flatMap(Reliability.init(rawValue:)), tag.needsChecking else { continue }
                        let values = zip(table.valueColumns, record.values).map { "\($0)=\($1.map { String($0) } ?? "")" }.joined(separator: " ")
                        let key = zip(table.keyColumns, record.key).map { "\($0)=\($1)" }.joined(separator: ", ")
                        lines.append("\(table.name).csv:\(record.line)  [\(tag.rawValue)]  \(key)  \(values) \(record.text["unit"] ?? "")  — \(record.text["source"] ?? "")")
                    }
                }
                Output.print(lines.joined(separator: "\n") + "\n\(lines.count) unverified values\n")
                return
            }
            var lines = ["table                                       rows  unverified  title"]
            for table in tables {
                let flagged = table.records.filter { $0.text["reliability"].flatMap(Reliability.init(rawValue:))?.needsChecking ?? false }.count
                lines.append(table.name.padding(44) + String(table.records.count).leftPadding(4) + String(flagged).leftPadding(12) + "  " + table.title)
            }
            Output.print(lines.joined(separator: "\n") + "\n")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one factor table as CSV with its digest.")

        @Argument(help: "Table name, e.g. soc-reference.")
        var table: String

        @OptionGroup var data: DataOptions

        func run() throws {
            let pipeline = try data.pipeline()
            let factors = try data.loadFactors()
            guard let found = factors.tables[table] ?? factors.tables[table.replacingSuffix(".csv")] else {
                let guess = Suggestions.closest(to: table, among: factors.tables.keys.sorted()).map { " Did you mean '\($0)'?" } ?? ""
                Output.error("error[table.unknown]: no factor table '\(table)'.\(guess) `permille factors list` names them all\n")
                throw ExitCode(1)
            }
            // The file's own bytes, not the table re-formatted from its parsed values (`63` would
            // print as `63.0`): what a reviewer reads is exactly what the digest shown is taken over.
            let path = pipeline.folder.directory.appendingPathComponent(found.file).path
            let bytes = try readBytes(path, limit: nil)
            let digest = "sha256:" + SHA256Digest.hex(bytes)
            guard digest == found.digest else {
                Output.error("error[table.changed]: \(path) changed while it was read (\(found.digest), now \(digest)); run the command again\n")
                throw ExitCode(2)
            }
            Output.print("# \(found.name): \(found.title)\n# file \(found.file), \(found.digest) (the digest of the bytes below, as stored)\n")
            Output.print(String(decoding: bytes, as: UTF8.self))
            if bytes.last != UInt8(ascii: "\n") { Output.print("\n") }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
