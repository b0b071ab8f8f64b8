import CLibXML2
import Foundation
import PerMille
import PerMilleData
import PerMilleJSON
import Testing

@testable import PerMilleFormats

/// `permille report` in every format, on the richest demo (`Fixtures/tropical-demo.json`).
///
/// Chart numbers are compared with the assessment to 1e-6 t CO2e (or ‰): `data-value` prints the
/// value rounded to 1e-9 (`ResultJSON.clean`), so any larger gap is a wrong number, not rounding.
@Suite("Project report")
struct ReportTests {
    static let tolerance = 1e-6

    struct Fixture: Sendable {
        var input: ReportInput
        var criteria: [Criterion]
    }

    static let fixture: Fixture = {
        let factors = try! IndicatorsLoader.load()
        let review = try! ReviewDataLoader.load(factors: factors)
        let bytes = try! [UInt8](Data(contentsOf: DecoderTestSupport.packageRoot.appendingPathComponent("Fixtures/tropical-demo.json")))
        let outcome = ProjectDecoder(factors: factors, catalogue: review.catalogue).decode(json: bytes, file: "tropical-demo.json")
        let project = outcome.project!
        let assessment = try! Assessor.assess(project, factors: factors)
        let projectReview = ProjectReview.make(assessment: assessment, project: project, review: review, factors: factors)
        let provenance = ResultJSON.Provenance(
            projectName: project.description.name, inputDigest: "sha256:" + SHA256Digest.hex(outcome.canonicalDocument),
            factorDigests: factors.digests(of: ["constants", "gwp"]))
        let input = ReportInput(
            assessment: assessment, project: project, review: projectReview, provenance: provenance,
            reviewDigests: review.digests, criteriaSource: review.criteria.source)
        return Fixture(input: input, criteria: review.criteria.criteria)
    }()

    // MARK: HTML through libxml2's HTML parser

    /// An HTML element: name, attributes, text content.
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    struct ParsedHTML {
        var elements: [Element]
        /// Every error and warning the parser raised: (code, message).
        var problems: [(code: Int32, message: String)]
    }

    /// Parses with no option at all (in particular neither HTML_PARSE_NOERROR nor NOWARNING nor RECOVER's silence),
    /// collecting every error through a structured error handler on this thread.
    static func parseHTML(_ html: String) throws -> ParsedHTML {
        final class Box { var problems: [(code: Int32, message: String)] = [] }
        let box = Box()
        let context = Unmanaged.passUnretained(box).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<Box>.fromOpaque(context).takeUnretainedValue()
            box.problems.append((Int32(error.pointee.code), error.pointee.message.map { String(cString: $0) } ?? ""))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let bytes = Array(html.utf8CString)
        let document = bytes.withUnsafeBufferPointer { buffer in
            htmlReadMemory(buffer.baseAddress, Int32(buffer.count - 1), "report.html", "UTF-8", 0)
        }
        let doc = try #require(document, "libxml2 could not parse the report")
        defer { xmlFreeDoc(doc) }
        var elements: [Element] = []
        /// The text of a node's subtree, read from its text nodes (nothing to free).
        func text(of node: xmlNodePtr?) -> String {
            var result = ""
            var current = node
            while let item = current {
                if item.pointee.type == XML_TEXT_NODE || item.pointee.type == XML_CDATA_SECTION_NODE, let content = item.pointee.content {
                    result += String(cString: content)
                } else if item.pointee.type == XML_ELEMENT_NODE {
                    result += text(of: item.pointee.children)
                }
                current = item.pointee.next
            }
            return result
        }
        func walk(_ node: xmlNodePtr?) {
            var current = node
            while let item = current {
                if item.pointee.type == XML_ELEMENT_NODE {
                    var attributes: [String: String] = [:]
                    var attribute = item.pointee.properties
                    while let property = attribute {
                        attributes[String(cString: property.pointee.name)] = text(of: property.pointee.children)
                        attribute = property.pointee.next
                    }
                    elements.append(Element(name: String(cString: item.pointee.name), attributes: attributes, text: text(of: item.pointee.children)))
                }
                walk(item.pointee.children)
                current = item.pointee.next
            }
        }
        walk(xmlDocGetRootElement(doc))
        return ParsedHTML(elements: elements, problems: box.problems)
    }

    /// SVG element names libxml2's HTML 4 parser does not know: the only "Tag … invalid" errors allowed.
    static let svgElements: Set<String> = ["svg", "rect", "line", "polyline", "circle", "text"]

    @Test("the HTML parses with libxml2 without errors (SVG tag names aside), has no script and no external reference")
    func htmlIsCleanAndSelfContained() throws {
        let html = HTMLReport.render(ReportBuilder.document(Self.fixture.input))
        let parsed = try Self.parseHTML(html)
        // XML_HTML_UNKNOWN_TAG (801): libxml2 2.9 knows HTML 4 only, so inline SVG names are "invalid" to it.
        let errors = parsed.problems.filter { problem in
            !(problem.code == 801 && Self.svgElements.contains { problem.message == "Tag \($0) invalid\n" })
        }
        #expect(errors.isEmpty, "libxml2 reported: \(errors.map { "\($0.code) \($0.message)" })")
        // The handler does see the parser's errors: the SVG names are reported, and a broken page is caught.
        #expect(parsed.problems.contains { $0.code == 801 && $0.message == "Tag svg invalid\n" })
        let broken = try Self.parseHTML("<!DOCTYPE html><html><body><p>a</b><div class=\"x></body></html>")
        #expect(!broken.problems.isEmpty)
        #expect(!parsed.elements.isEmpty)
        #expect(parsed.elements.contains { $0.name == "svg" })
        let names = Set(parsed.elements.map(\.name))
        for forbidden in ["script", "link", "img", "iframe", "object", "embed", "base", "use", "image", "foreignobject"] {
            #expect(!names.contains(forbidden), "the report has a <\(forbidden)>")
        }
        let lower = html.lowercased()
        for forbidden in ["<script", "http:", "https:", "url(", "@import", "@font-face", "=\"//", "xmlns"] {
            #expect(!lower.contains(forbidden), "the report contains \(forbidden)")
        }
        for element in parsed.elements {
            for (name, value) in element.attributes {
                #expect(!name.lowercased().hasPrefix("on"), "event handler attribute \(name)")
                if ["href", "src", "xlink:href", "action", "srcset", "poster"].contains(name.lowercased()) {
                    #expect(value.hasPrefix("#"), "\(element.name) \(name)=\(value) is not a local anchor")
                }
            }
        }
    }

    @Test("the balance chart's bars are the assessment's module × gas balances (±1e-6 t CO2e)")
    func balanceBars() throws {
        let a = Self.fixture.input.assessment
        let parsed = try Self.parseHTML(HTMLReport.render(ReportBuilder.document(Self.fixture.input)))
        let bars = parsed.elements.filter { $0.name == "rect" && $0.attributes["data-gas"] != nil }
        var seen: Set<String> = []
        for bar in bars {
            let module = try #require(ModuleKind(rawValue: bar.attributes["data-module"] ?? ""))
            let gas = try #require(GasCategory(rawValue: bar.attributes["data-gas"] ?? ""))
            let value = try #require(Double(bar.attributes["data-value"] ?? ""))
            let expected = a.total(of: a.rows(in: module), gas: gas).balance
            #expect(abs(value - expected) <= Self.tolerance, "\(module) \(gas): bar \(value), result \(expected)")
            #expect(seen.insert("\(module.rawValue)/\(gas.rawValue)").inserted, "two bars for \(module) \(gas)")
        }
        // Every non-zero balance has its bar.
        for module in a.modules {
            for gas in GasCategory.allCases where abs(a.total(of: a.rows(in: module), gas: gas).balance) > Self.tolerance {
                #expect(seen.contains("\(module.rawValue)/\(gas.rawValue)"), "no bar for \(module) \(gas)")
            }
        }
        #expect(bars.count >= 10)
        // Net markers equal the module totals.
        let nets = parsed.elements.filter { $0.attributes["data-net"] == "true" }
        #expect(nets.count == a.modules.count)
        for net in nets {
            let module = try #require(ModuleKind(rawValue: net.attributes["data-module"] ?? ""))
            let value = try #require(Double(net.attributes["data-value"] ?? ""))
            #expect(abs(value - a.total(of: a.rows(in: module)).balance) <= Self.tolerance)
        }
    }

    @Test("the cumulative chart's points are the result's cumulative series (±1e-6 t CO2e)")
    func cumulativePoints() throws {
        let a = Self.fixture.input.assessment
        let parsed = try Self.parseHTML(HTMLReport.render(ReportBuilder.document(Self.fixture.input)))
        let points = parsed.elements.filter { $0.name == "circle" && $0.attributes["data-year"] != nil }
        #expect(points.count == 2 * a.totalYears)
        var cumulative = Balance(without: 0, with: 0)
        var expected: [String: Double] = [:]
        for (year, balance) in zip(a.calendarYears, a.yearly(of: a.rows)) {
            cumulative.without += balance.without
            cumulative.with += balance.with
            expected["\(year)/without"] = cumulative.without
            expected["\(year)/with"] = cumulative.with
        }
        for point in points {
            let key = "\(point.attributes["data-year"] ?? "")/\(point.attributes["data-scenario"] ?? "")"
            let want = try #require(expected[key], "unexpected point \(key)")
            let value = try #require(Double(point.attributes["data-value"] ?? ""))
            #expect(abs(value - want) <= Self.tolerance, "\(key): point \(value), result \(want)")
        }
        // The last points are the project totals.
        let last = a.calendarYears.last ?? 0
        #expect(abs((expected["\(last)/without"] ?? 0) - a.total.without) <= 1e-6 * max(1, abs(a.total.without)))
        #expect(abs((expected["\(last)/with"] ?? 0) - a.total.with) <= 1e-6 * max(1, abs(a.total.with)))
    }

    @Test("the per-mille chart's bars are the review's rates, with a dashed 4 ‰ line")
    func perMilleBars() throws {
        let report = Self.fixture.input.review.perMille
        let parsed = try Self.parseHTML(HTMLReport.render(ReportBuilder.document(Self.fixture.input)))
        let bars = parsed.elements.filter { $0.name == "rect" && $0.attributes["data-scenario"] != nil }
        // Modules whose soil carbon does not move have no bars (a row of 0.00 says nothing); the others have three.
        let moving = report.modules.filter { [$0.figures.rate.without, $0.figures.rate.with, $0.figures.additionalRate].contains { abs($0) >= 0.005 } }
        #expect(moving.count < report.modules.count, "the demo has a module without soil-carbon change")
        #expect(bars.count == 3 * (moving.count + (report.project == nil ? 0 : 1)))
        for flat in report.modules where !moving.contains(where: { $0.module == flat.module }) {
            #expect(!bars.contains { $0.attributes["data-module"] == flat.module.rawValue }, "empty bars for \(flat.module)")
        }
        for bar in bars {
            let key = bar.attributes["data-module"] ?? ""
            let figures = try #require(key == "project" ? report.project : report.modules.first { $0.module.rawValue == key }?.figures)
            let expected =
                switch bar.attributes["data-scenario"] {
                case "without": figures.rate.without
                case "with": figures.rate.with
                default: figures.additionalRate
                }
            let value = try #require(Double(bar.attributes["data-value"] ?? ""))
            #expect(abs(value - expected) <= Self.tolerance, "\(key): \(value) vs \(expected)")
        }
        let reference = try #require(parsed.elements.first { $0.attributes["class"] == "reference" })
        #expect(reference.attributes["stroke-dasharray"] != nil)
        #expect(reference.attributes["data-value"] == "4.0")
    }

    @Test("the scorecard lists every criterion with a status word and no score")
    func scorecardListsEveryCriterion() throws {
        let parsed = try Self.parseHTML(HTMLReport.render(ReportBuilder.document(Self.fixture.input)))
        let section = try #require(parsed.elements.first { $0.attributes["id"] == "scorecard" })
        let rows = parsed.elements.filter { $0.name == "tr" }
        #expect(!Self.fixture.criteria.isEmpty)
        for criterion in Self.fixture.criteria {
            #expect(section.text.contains(criterion.name), "criterion \(criterion.id) \(criterion.name) missing")
            #expect(rows.contains { $0.text.hasPrefix(criterion.id) && $0.text.contains(criterion.name) }, "no row for \(criterion.id)")
        }
        let statuses = parsed.elements.filter { ($0.attributes["class"] ?? "").contains("status ") }
        #expect(statuses.count == Self.fixture.criteria.count)
        let words: Set<String> = ["met", "partly met", "not met", "not applicable", "insufficient evidence"]
        for status in statuses { #expect(words.contains(status.text), "status \(status.text)") }
        #expect(!section.text.lowercased().contains("score:"))
    }

    @Test("project text is escaped in HTML and Markdown")
    func escaping() throws {
        var input = Self.fixture.input
        input.provenance.projectName = "<script>alert('x')</script> & \"co\" | *bold*"
        input.assessment.rows[0].name = "<img src=x onerror=alert(1)>"
        let html = HTMLReport.render(ReportBuilder.document(input))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"))
        let parsed = try Self.parseHTML(html)
        #expect(!parsed.elements.contains { $0.name == "script" || $0.name == "img" })
        let markdown = MarkdownReport.render(ReportBuilder.document(input))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<img src=x onerror=alert(1)\\>"))
        #expect(markdown.contains("\\| \\*bold\\*"))
    }

    // MARK: Markdown

    @Test("Markdown has the same section titles as the HTML, and the tables behind the charts")
    func markdownSections() throws {
        let document = ReportBuilder.document(Self.fixture.input)
        let markdown = MarkdownReport.render(document)
        let html = HTMLReport.render(document)
        let parsed = try Self.parseHTML(html)
        let htmlTitles = parsed.elements.filter { $0.name == "h2" }.map(\.text)
        let markdownTitles = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(htmlTitles == ReportBuilder.sectionTitles)
        #expect(markdownTitles == ReportBuilder.sectionTitles)
        #expect(markdown.contains("**Chart data: Balance by module and gas"))
        #expect(markdown.contains("**Chart data: Cumulative emissions per year"))
        #expect(markdown.contains("**Chart data: Per-mille rate per module and project"))
        #expect(markdown.contains("flatters carbon-poor soils"))
        #expect(!markdown.contains("<svg"))
        // Every table row has as many cells as its header.
        var columns = 0
        var inTable = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                inTable = false
                continue
            }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count - 1
            if !inTable {
                columns = cells
                inTable = true
            } else {
                #expect(cells == columns, "ragged row: \(line)")
            }
        }
    }

    // MARK: CSV

    /// RFC 4180 fields of one line (quotes doubled inside quoted fields).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if quoted {
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex, line[next] == "\"" {
                        current.append("\"")
                        index = next
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index = line.index(after: index)
        }
        fields.append(current)
        return fields
    }

    @Test("CSV: header, seven columns on every line, one line per row × gas × scenario × year, sums equal the row totals")
    func csvLongFormat() throws {
        let a = Self.fixture.input.assessment
        let csv = CSVReport.render(a)
        #expect(csv.hasPrefix("row,module,gas,scenario,year,value,unit\r\n"))
        let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1 + a.rows.count * GasCategory.allCases.count * 2 * a.totalYears)
        var sums: [String: Double] = [:]
        for line in lines.dropFirst() {
            let fields = Self.fields(line)
            #expect(fields.count == 7, "line \(line)")
            guard fields.count == 7 else { continue }
            let gas = try #require(GasCategory(rawValue: fields[2]))
            #expect(fields[6] == gas.massUnit)
            let year = try #require(Int(fields[4]))
            #expect(a.calendarYears.contains(year))
            sums["\(fields[0])/\(fields[2])/\(fields[3])", default: 0] += try #require(Double(fields[5]))
        }
        for row in a.rows {
            for gas in GasCategory.allCases {
                for outcome in Outcome.allCases {
                    let total = row.mass(outcome, gas)
                    let sum = sums["\(row.id)/\(gas.rawValue)/\(outcome.rawValue)"] ?? .nan
                    #expect(abs(sum - total) <= 1e-6 * max(1, abs(total)), "\(row.id) \(gas) \(outcome): Σ years \(sum), total \(total)")
                }
            }
        }
    }

    @Test("CSV fields with commas and quotes are quoted as RFC 4180 says")
    func csvQuoting() {
        #expect(CSVReport.field("A,1") == "\"A,1\"")
        #expect(CSVReport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.field("plain") == "plain")
        #expect(Self.fields("\"A,1\",x,\"q\"\"\"") == ["A,1", "x", "q\""])
    }

    // MARK: JSON and determinism

    @Test("JSON parses, extends the result document and is byte-identical across runs")
    func jsonDocument() throws {
        let first = ReportJSON.encode(Self.fixture.input)
        let second = ReportJSON.encode(Self.fixture.input)
        #expect(first == second)
        let root = try JSONParser.parse(first)
        #expect(root.member("format")?.string == "permille-result/1")
        #expect(root.member("report")?.member("format")?.string == "permille-report/1")
        for key in ["total", "modules", "years", "divergences", "otherMethod", "digests", "perMille", "indicators", "scorecard", "practices", "reviewDigests"] {
            #expect(root.member(key) != nil, "missing \(key)")
        }
        let scorecard = try #require(root.member("scorecard")?.array)
        #expect(scorecard.count == Self.fixture.criteria.count)
        let statuses = Set(CriterionStatus.Status.allCases.map(\.rawValue))
        for item in scorecard { #expect(statuses.contains(item.member("status")?.string ?? "")) }
        let project = try #require(root.member("perMille")?.member("project"))
        #expect(abs((project.member("additionalRate")?.double ?? .nan) - (Self.fixture.input.review.perMille.project?.additionalRate ?? 0)) <= Self.tolerance)
        #expect(root.member("indicators")?.array?.count == Self.fixture.input.review.indicators.count)
    }

    @Test("every format gives the same bytes for the same input")
    func deterministic() {
        for format in ReportFormat.allCases {
            #expect(ProjectReport.render(Self.fixture.input, format: format) == ProjectReport.render(Self.fixture.input, format: format), "\(format)")
        }
    }

    @Test("the headline never prints a per-mille rate without the absolute SOC change")
    func headlinePairsRatesWithAbsoluteChange() throws {
        let document = ReportBuilder.document(Self.fixture.input)
        let headline = try #require(document.sections.first { $0.id == "headline" })
        let markdown = MarkdownReport.render(ReportDocument(title: "", subtitle: "", sections: [headline]))
        #expect(markdown.contains("‰/yr"))
        #expect(markdown.contains("t C/ha/yr"))
        #expect(markdown.contains("t CO2e/yr"))
        #expect(markdown.contains("penalises carbon-rich"))
        var compound = Self.fixture.input
        compound.compound = true
        let compoundHeadline = MarkdownReport.render(ReportBuilder.document(compound))
        #expect(compoundHeadline.contains("Additional per-mille rate (compound)"))
    }
}
