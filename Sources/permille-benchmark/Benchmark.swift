import PerMille
import PerMilleData
import PerMilleFormats
import PerMilleJSON

/// Parse + assess throughput on a synthetic 10 000-row project (run with `swift run -c release permille-benchmark`).
///
/// Rows cycle through the land modules so every code path is on the clock; the project is built
/// as JSON text so parsing, validation and assessment are all measured, as a real run would do them.
@main
enum PermilleBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments
        let rowCount = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
        let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7
        let factors = try IndicatorsLoader.load()
        let bytes = Array(SyntheticProject.json(rows: rowCount).utf8)
        let decoder = ProjectDecoder(factors: factors)
        let clock = ContinuousClock()
        var empty: [Duration] = []
        let emptyProject = Array(SyntheticProject.json(rows: 1).utf8)
        var syntax: [Duration] = []
        var parse: [Duration] = []
        var assess: [Duration] = []
        var checksum = 0.0
        for _ in 0..<rounds {
            syntax.append(clock.measure { _ = try? JSONParser.parse(bytes) })
            empty.append(clock.measure { _ = decoder.decode(json: emptyProject, file: "one-row.json") })
            var project: Project?
            parse.append(clock.measure { project = decoder.decode(json: bytes, file: "synthetic.json").project })
            guard let project else { fatalError("synthetic project does not decode") }
            var result: Assessment?
            assess.append(try clock.measure { result = try Assessor.assess(project, factors: factors) })
            checksum += result?.total.balance ?? 0
        }
        func microseconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
        }
        func median(_ values: [Duration]) -> Double {
            let sorted = values.map(microseconds).sorted()
            return sorted[sorted.count / 2]
        }
        let perRowParse = median(parse) / Double(rowCount)
        let perRowAssess = median(assess) / Double(rowCount)
        print("permille benchmark: \(rowCount) rows, \(bytes.count) bytes of JSON, \(rounds) rounds (median)")
        print("  fixed cost of reading a one-row file: \(format(median(empty) / 1000)) ms")
        print("  of which JSON syntax: \(format(median(syntax) / 1000)) ms  (\(format(median(syntax) / Double(rowCount))) µs/row)")
        print("  parse + validate: \(format(median(parse) / 1000)) ms  (\(format(perRowParse)) µs/row)")
        print("  assess (both methods compared): \(format(median(assess) / 1000)) ms  (\(format(perRowAssess)) µs/row)")
        print("  total: \(format(perRowParse + perRowAssess)) µs/row   [checksum \(format(checksum / Double(rounds)))]")
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(scaled)
    }
}

/// A project whose rows cycle through grassland, annual cropland, perennial, organic-soil and land-use-change rows.
enum SyntheticProject {
    static func json(rows: Int) -> String {
        var items: [String: [String]] = [:]
        for index in 0..<rows {
            // Every row has its own area, as in a real project, so no per-area memo can flatter the figure.
            let area = String(10 + Double(index) * 0.0125)
            switch index % 5 {
            case 0:
                items["grassland", default: []].append(
                    """
                    {"id":"G\(index)","area":{"start":\(area),"without":\(area),"with":\(area)},"start":{"condition":"high-intensity-grazing"},"without":{"condition":"severely-degraded"},"with":{"condition":"improved","input":"high"}}
                    """)
            case 1:
                items["annualCrops", default: []].append(
                    """
                    {"id":"A\(index)","area":{"start":\(area),"without":\(area),"with":\(area)},"start":{"tillage":"full","input":"medium"},"without":{"tillage":"full","input":"low"},"with":{"tillage":"no-till","input":"high-without-manure"},"dynamics":"exponential"}
                    """)
            case 2:
                items["perennialCrops", default: []].append(
                    """
                    {"id":"P\(index)","area":{"start":0,"without":0,"with":\(area)},"start":{"system":"silvopasture"},"without":{"system":"silvopasture"},"with":{"system":"silvopasture"}}
                    """)
            case 3:
                items["organicSoils", default: []].append(
                    """
                    {"id":"O\(index)","area":{"start":\(area),"without":\(area),"with":\(area)},"start":{"landUse":"grassland","water":"drained","nutrient":"rich"},"without":{"landUse":"grassland","water":"drained","nutrient":"rich"},"with":{"landUse":"grassland","water":"rewetted","nutrient":"rich"}}
                    """)
            default:
                items["landUseChange", default: []].append(
                    """
                    {"id":"L\(index)","from":"annual-cropland","to":"silvopasture","area":{"without":0,"with":\(area)}}
                    """)
            }
        }
        let modules = items.keys.sorted().map { "\"\($0)\": [\n" + items[$0, default: []].joined(separator: ",\n") + "\n]" }
        return """
            {"format":"permille/1","project":{"name":"Synthetic","country":"FRA","startYear":2026,"implementationYears":5,"capitalizationYears":15,"climate":"warm-temperate-moist","soil":"high-activity-clay"},
            "modules":{\(modules.joined(separator: ",\n"))}}
            """
    }
}
