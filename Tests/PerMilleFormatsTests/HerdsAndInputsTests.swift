import Foundation
import PerMille
import PerMilleJSON
import Testing

@testable import PerMilleFormats

/// The rice, livestock and inputs modules: a valid project with a row of each decodes (from JSON and
/// from XML) to the model, and each check of these rows points at the right place.
@Suite("Rice, livestock and input rows")
struct HerdsAndInputsTests {
    /// One rice row, one herd, two input rows; line and column numbers below count in this literal.
    static let project = """
        {
          "format": "permille/1",
          "project": { "name": "Paddies and a herd", "country": "VNM",
                       "startYear": 2026, "implementationYears": 5, "capitalizationYears": 15,
                       "climate": "tropical-moist", "soil": "low-activity-clay" },
          "modules": {
            "rice": [
              { "id": "R1", "name": "Paddies drained mid-season",
                "area": {"start": 200, "without": 200, "with": 200},
                "start": {"water": "continuously-flooded", "preseason": "not-flooded-under-180-days"},
                "without": {"water": "continuously-flooded", "preseason": "not-flooded-under-180-days", "straw": "burned"},
                "with": {"water": "multiple-drainage", "preseason": "not-flooded-under-180-days",
                         "straw": "incorporated-over-30-days-before", "strawTonnesPerHa": 4.5,
                         "amendments": [{"kind": "compost", "tonnesPerHa": 2}],
                         "cultivationDays": 110, "seasons": 2, "yieldTonnesPerHa": 5.2} }
            ],
            "livestock": [
              { "id": "L1", "name": "Dairy herd", "species": "dairy-cattle", "productivity": "low-productivity",
                "heads": {"start": 120, "without": 120, "with": 100},
                "manure": [{"system": "pasture-range-paddock", "percent": 60}, {"system": "solid-storage", "percent": 40}],
                "manureWith": [{"system": "digester", "percent": 70}, {"system": "daily-spread", "percent": 30}],
                "dynamics": "immediate" }
            ],
            "inputs": [
              { "id": "I1", "name": "Urea", "kind": "urea", "amount": {"start": 30, "without": 30, "with": 22},
                "irrigated": true },
              { "id": "I2", "name": "Tractor diesel", "kind": "diesel", "amount": {"start": 12, "without": 12, "with": 9},
                "manufacturedInCountry": true, "fuelUse": "off-road" }
            ]
          }
        }
        """

    /// The project with one piece of text replaced; fails the test if the piece is not there exactly once.
    static func project(replacing original: String, with replacement: String) throws -> String {
        try #require(project.components(separatedBy: original).count == 2, "the literal does not hold \(original) once")
        return project.replacingOccurrences(of: original, with: replacement)
    }

    static func expectModel(_ project: Project) throws {
        #expect(project.rowCount == 4)
        let rice = try #require(project.rice.first)
        #expect(rice.id == "R1")
        #expect(rice.name == "Paddies drained mid-season")
        #expect(rice.area == Triple(start: 200, without: 200, with: 200))
        #expect(rice.states.start == RiceState(water: "continuously-flooded", preseason: "not-flooded-under-180-days"))
        #expect(rice.states.without == RiceState(water: "continuously-flooded", preseason: "not-flooded-under-180-days", straw: "burned"))
        #expect(
            rice.states.with
                == RiceState(
                    water: "multiple-drainage", preseason: "not-flooded-under-180-days", straw: "incorporated-over-30-days-before",
                    strawTonnesPerHa: 4.5, amendments: [RiceAmendment(kind: "compost", tonnesPerHa: 2)], cultivationDays: 110, seasons: 2,
                    yieldTonnesPerHa: 5.2))
        #expect(rice.states.start.seasons == 1, "default")
        #expect(rice.dynamics == RowDynamics(.linear))

        let herd = try #require(project.livestock.first)
        #expect(herd.id == "L1")
        #expect(herd.species == "dairy-cattle")
        #expect(herd.productivity == "low-productivity")
        #expect(herd.heads == Triple(start: 120, without: 120, with: 100))
        let manure = [ManureShare(system: "pasture-range-paddock", percent: 60), ManureShare(system: "solid-storage", percent: 40)]
        let manureWith = [ManureShare(system: "digester", percent: 70), ManureShare(system: "daily-spread", percent: 30)]
        #expect(herd.manure == Triple<[ManureShare]?>(start: manure, without: manure, with: manureWith))
        #expect(herd.dynamics == RowDynamics(.immediate))

        #expect(project.inputs.map(\.id) == ["I1", "I2"])
        let urea = project.inputs[0]
        #expect(urea.kind == "urea")
        #expect(urea.amount == Triple(start: 30, without: 30, with: 22))
        #expect(urea.irrigated)
        #expect(!urea.manufacturedInCountry, "default")
        #expect(urea.fuelUse == "stationary", "default")
        let diesel = project.inputs[1]
        #expect(diesel.kind == "diesel")
        #expect(diesel.amount == Triple(start: 12, without: 12, with: 9))
        #expect(diesel.manufacturedInCountry)
        #expect(!diesel.irrigated, "default")
        #expect(diesel.fuelUse == "off-road")
    }

    @Test("a row of each new module decodes to the model, with no diagnostics")
    func decodesJSON() throws {
        let outcome = DecoderTestSupport.decode(Self.project)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        try Self.expectModel(try #require(outcome.project))
    }

    @Test("the same project in XML decodes to the same model and is valid against the XSD")
    func decodesXML() throws {
        let xml = XMLWriter.write(try JSONParser.parse(Array(Self.project.utf8)))
        let (_, problems) = try XMLReader.parse(Array(xml.utf8), schema: SchemaWriter.xsd(factors: DecoderTestSupport.factors))
        #expect(problems.isEmpty, "\(problems)")
        let outcome = DecoderTestSupport.decode(xml, file: "p.xml")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        try Self.expectModel(try #require(outcome.project))
    }

    @Test("the project is valid against the JSON Schema with python's jsonschema")
    func jsonSchema() throws {
        let directory = FileManager.default.temporaryDirectory
        let schema = directory.appendingPathComponent("permille-schema-\(UUID().uuidString).json")
        let document = directory.appendingPathComponent("permille-herds-\(UUID().uuidString).json")
        try Data(SchemaWriter.jsonSchema(factors: DecoderTestSupport.factors).utf8).write(to: schema)
        try Data(Self.project.utf8).write(to: document)
        defer {
            try? FileManager.default.removeItem(at: schema)
            try? FileManager.default.removeItem(at: document)
        }
        #expect(try JSONSchemaCheck.validate(schema: schema.path, documents: [document.path]) == "ok\n")
    }

    @Test("overrides may name the new factors, four per manure system")
    func newOverrides() throws {
        let text = try Self.project(
            replacing: "\n  }\n}",
            with: """

                  },
                  "overrides": [
                    {"factor": "electricity-grid-factor", "value": 0.41, "source": "National grid 2024"},
                    {"factor": "manure-ch4-ef-digester", "value": 12, "appliesTo": ["L1"], "source": "Country study"},
                    {"factor": "manure-frac-leach-solid-storage", "value": 0.02, "source": "Country study"},
                    {"factor": "rice-baseline-ef", "value": 1.2, "appliesTo": ["R1"], "source": "Country study"}
                  ]
                }
                """)
        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.project?.overrides.map(\.factor) == ["electricity-grid-factor", "manure-ch4-ef-digester", "manure-frac-leach-solid-storage", "rice-baseline-ef"])
        let vocabulary = Vocabulary(factors: DecoderTestSupport.factors)
        for system in vocabulary.manureSystems {
            for prefix in ["manure-ch4-ef-", "manure-ef3-", "manure-frac-gas-", "manure-frac-leach-"] {
                #expect(vocabulary.overridableFactors.contains(prefix + system))
            }
        }
        for name in ["ef1", "ef1fr", "ef3prp", "ef4", "ef5", "frac-gasf", "frac-gasm", "frac-leach", "rice-cultivation-days", "dry-matter-fraction", "enteric-ch4-ef"] {
            #expect(vocabulary.overridableFactors.contains(name), "\(name)")
        }
    }

    @Test("an unknown water regime is practice.unknown, with a suggestion")
    func unknownWater() throws {
        let text = try Self.project(replacing: #""with": {"water": "multiple-drainage""#, with: #""with": {"water": "multiple-drainge""#)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "practice.unknown", message: "unknown rice water regime 'multiple-drainge'", line: 12, column: 27, token: #""multiple-drainge""#,
                path: "modules.rice[0].with.water", rowID: "R1",
                expected: "one of continuously-flooded, deep-water, multiple-drainage, rainfed-drought-prone, rainfed-regular, single-drainage",
                found: "'multiple-drainge'", suggestion: "did you mean 'multiple-drainage'?"),
            in: DecoderTestSupport.decode(text), source: text)
    }

    @Test("seasons × cultivationDays above 365 is rice.season-length")
    func seasonLength() throws {
        let text = try Self.project(replacing: #""cultivationDays": 110, "seasons": 2"#, with: #""cultivationDays": 130, "seasons": 3"#)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "rice.season-length", message: "the seasons of row 'R1' do not fit in one year", line: 15, column: 37, token: "130",
                path: "modules.rice[0].with.cultivationDays", rowID: "R1", expected: "seasons × cultivationDays ≤ 365", found: "3 × 130 = 390 days"),
            in: DecoderTestSupport.decode(text), source: text)
    }

    @Test("straw tonnes without incorporated straw is practice.inconsistent")
    func strawWithoutIncorporation() throws {
        let text = try Self.project(replacing: #""straw": "burned""#, with: #""straw": "burned", "strawTonnesPerHa": 3"#)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "practice.inconsistent", message: "'strawTonnesPerHa' applies to incorporated straw only", line: 11, column: 136, token: "3}",
                path: "modules.rice[0].without.strawTonnesPerHa", rowID: "R1",
                expected: #"straw "incorporated-over-30-days-before" or "incorporated-under-30-days-before""#, found: #"straw "burned""#),
            in: DecoderTestSupport.decode(text), source: text)
    }

    @Test("manure shares that do not sum to 100 are manure.shares, at the list")
    func manureShares() throws {
        let text = try Self.project(replacing: #""solid-storage", "percent": 40}"#, with: #""solid-storage", "percent": 25}"#)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "manure.shares", message: "the manure shares of 'manure' add up to 85 %", line: 20, column: 19,
                token: #"[{"system": "pasture-range-paddock""#, path: "modules.livestock[0].manure", rowID: "L1",
                expected: "shares summing to 100 %", found: "85 %"),
            in: DecoderTestSupport.decode(text), source: text)
    }

    @Test("a manure system listed twice is manure.duplicate-system, at the second")
    func duplicateManureSystem() throws {
        let text = try Self.project(
            replacing: #"{"system": "solid-storage", "percent": 40}"#, with: #"{"system": "pasture-range-paddock", "percent": 40}"#)
        let outcome = DecoderTestSupport.decode(text)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "manure.duplicate-system", message: "manure system 'pasture-range-paddock' is listed twice (first at line 20)",
                line: 20, column: 83, token: #""pasture-range-paddock", "percent": 40"#, path: "modules.livestock[0].manure[1].system", rowID: "L1",
                expected: "each system once", found: "a second 'pasture-range-paddock'"),
            in: outcome, source: text)
        #expect(!outcome.diagnostics.contains { $0.code == "manure.shares" }, "the sum of a broken list is not checked")
    }

    @Test("missing heads is field.missing, at the row")
    func missingHeads() throws {
        let text = try Self.project(replacing: "        \"heads\": {\"start\": 120, \"without\": 120, \"with\": 100},\n", with: "")
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "field.missing", message: "missing required field 'heads'", line: 18, column: 7, token: #"{ "id": "L1""#,
                path: "modules.livestock[0].heads", rowID: "L1", expected: "{start, without, with} in heads", found: "no 'heads'"),
            in: DecoderTestSupport.decode(text), source: text)
    }

    @Test("a herd of no heads in any scenario is a heads.zero warning")
    func zeroHeads() throws {
        let text = try Self.project(
            replacing: #""heads": {"start": 120, "without": 120, "with": 100}"#, with: #""heads": {"start": 0, "without": 0, "with": 0}"#)
        let outcome = DecoderTestSupport.decode(text)
        #expect(outcome.project != nil, "a warning keeps the project")
        let warning = try #require(outcome.diagnostics.first)
        #expect(outcome.diagnostics.count == 1)
        #expect(warning.code == "heads.zero")
        #expect(warning.severity == .warning)
        #expect(warning.message == "the row has no heads in any scenario, so it adds nothing")
        #expect(warning.expected == "heads above 0 in at least one scenario")
        #expect(warning.path == "modules.livestock[0].heads")
        #expect(warning.rowID == "L1")
        #expect(warning.location?.line == 19)
        #expect(warning.location?.column == 18)
    }

    @Test("an unknown input kind is practice.unknown, with a suggestion")
    func unknownInputKind() throws {
        let text = try Self.project(replacing: #""kind": "urea""#, with: #""kind": "ureea""#)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "practice.unknown", message: "unknown input kind 'ureea'", line: 25, column: 45, token: #""ureea""#,
                path: "modules.inputs[0].kind", rowID: "I1",
                expected: "one of charcoal, compost-n, diesel, dolomite, electricity, fungicides, gasoline, herbicides, insecticides, lime, limestone, lpg, … (20 keys)",
                found: "'ureea'", suggestion: "did you mean 'urea'?"),
            in: DecoderTestSupport.decode(text), source: text)
    }

    @Test("a negative amount is amount.negative, with the kind's unit")
    func negativeAmount() throws {
        let text = try Self.project(replacing: #""with": 22}"#, with: #""with": -22}"#)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "amount.negative", message: "amount must be zero or more, found -22", line: 25, column: 100, token: "-22",
                path: "modules.inputs[0].amount.with", rowID: "I1", expected: "t urea/yr ≥ 0", found: "-22"),
            in: DecoderTestSupport.decode(text), source: text)
    }

    @Test("fuelUse on a kind that is not a fuel is practice.inconsistent")
    func fuelUseOnNonFuel() throws {
        let text = try Self.project(replacing: #""irrigated": true }"#, with: #""irrigated": true, "fuelUse": "mobile" }"#)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "practice.inconsistent", message: "'fuelUse' applies to fuels only, and 'urea' is not one", line: 26, column: 39, token: #""mobile""#,
                path: "modules.inputs[0].fuelUse", rowID: "I1", expected: "a fuel kind: charcoal, diesel, gasoline, lpg, wood", found: #"kind "urea""#),
            in: DecoderTestSupport.decode(text), source: text)
    }

    @Test("a fuel use the kind has no factor for is an error naming the uses it has")
    func offRoadLPG() throws {
        let text = try Self.project(replacing: #""kind": "diesel""#, with: #""kind": "lpg""#)
        try expectDiagnostic(
            ExpectedDiagnostic(
                code: "practice.inconsistent", message: "'lpg' has no off-road emission factor", line: 28, column: 51, token: #""off-road""#,
                path: "modules.inputs[1].fuelUse", rowID: "I2", expected: "a use lpg has factors for: stationary, mobile", found: "'off-road'"),
            in: DecoderTestSupport.decode(text), source: text)
    }
}
