import PerMille
import PerMilleTestSupport
import Testing

@Suite("Per-mille rates, criteria rules and practice sheets")
struct ReviewTests {
    static func criterion(_ id: String, _ rule: CriterionRule) -> Criterion {
        Criterion(id: id, step: 2, type: "direct", name: id, wording: id, provisional: false, sdgs: ["15"], indicators: [], rule: rule)
    }

    static func review(criteria: [Criterion] = [], practices: [PracticeSheet] = []) -> ReviewData {
        let catalogue = IndicatorCatalogue(indicators: [
            IndicatorDefinition(
                id: "permille-additional", name: "Additional rate", unit: "‰/yr", kind: .computed, how: "§2", criteria: ["2.2"], sdgs: ["15.3.1"], values: ["permille-additional"]),
            IndicatorDefinition(
                id: "beneficiaries", name: "Households", unit: "count", kind: .reported, how: "reported", criteria: ["1.3"], sdgs: ["1", "5"],
                inputs: [IndicatorInput(key: "households", kind: .number, unit: "households")]),
            IndicatorDefinition(
                id: "tenure", name: "Tenure", unit: "%", kind: .reported, how: "reported", criteria: ["1.2"], sdgs: ["1.4.2"],
                inputs: [IndicatorInput(key: "secureTenureShare", kind: .number)]),
        ])
        return ReviewData(catalogue: catalogue, criteria: CriteriaSet(source: "test", criteria: criteria), practices: practices, digests: [:])
    }

    @Test("no-till on 100 ha: rates by hand, linear and compound, with the absolute change beside them")
    func perMilleNoTill() throws {
        let project = CroplandTests.noTillProject()
        let assessment = try assess(project, method: .ipcc)
        let result = ProjectReview.make(assessment: assessment, project: project, review: Self.review(), factors: TestData.factors)
        // SOC0 = 24 × 0.76 = 18.24 t C/ha on 100 ha (stock 1824 t C). With: soil CO2 −167.2 t → +45.6 t C over
        // 15 yr → 0.0304 t C/ha/yr; rate 45.6 / 15 / 1824 × 1000 = 1.666667 ‰/yr; without 0.
        // Attainment 1.666667 / 4 = 0.416667; 4 ‰ would need 0.004 × 18.24 = 0.07296 t C/ha/yr.
        // Compound: (1869.6 / 1824)^(1/15) − 1 = 1.025^(1/15) − 1 = 0.0016476 → 1.6476 ‰/yr.
        let figures = try #require(result.perMille.project)
        expectClose(figures.socInitial, 18.24, within: 1e-9)
        expectClose(figures.change.with, 0.0304, within: 1e-9)
        expectClose(figures.rate.with, 1.666667, within: 1e-6)
        expectClose(figures.rate.without, 0, within: 1e-12)
        expectClose(figures.additionalRate, 1.666667, within: 1e-6)
        expectClose(figures.attainment, 0.416667, within: 1e-6)
        expectClose(figures.needed, 0.07296, within: 1e-9)
        expectClose(figures.compoundRate.with, 1.6476, within: 1e-4)
        #expect(result.values["permille-additional"] == .number(1.666666667))
        #expect(result.values["soc-loss-rows"] == .number(0))
        // The absolute figure travels with the rate: soil CO2 balance per year.
        guard case .number(let perYear)? = result.values["soc-change-additional-co2e"] else {
            Issue.record("no soil CO2 per year")
            return
        }
        expectClose(perYear, -167.2 / 15, within: 1e-8)
    }

    @Test("each rule outcome: met, partly met, not met, not applicable, insufficient evidence")
    func criterionRules() throws {
        let project = CroplandTests.noTillProject()
        var withIndicators = project
        withIndicators.indicators = ["secureTenureShare": .number(0.6), "households": .number(120)]
        let assessment = try assess(project, method: .ipcc)
        let criteria = [
            Self.criterion(
                "soc",
                CriterionRule(
                    met: [Condition(value: "permille-additional", op: .greater, than: .number(4))],
                    partlyMet: [Condition(value: "permille-additional", op: .greater, than: .number(0))])),
            Self.criterion(
                "tenure",
                CriterionRule(
                    met: [Condition(value: "secureTenureShare", op: .greaterOrEqual, than: .number(0.9))],
                    partlyMet: [Condition(value: "secureTenureShare", op: .greaterOrEqual, than: .number(0.5))])),
            Self.criterion("loss", CriterionRule(met: [Condition(value: "soc-loss-rows", op: .greater, than: .number(0))])),
            Self.criterion(
                "livestock",
                CriterionRule(
                    appliesIf: [Condition(value: "households", op: .greater, than: .number(1000))],
                    met: [Condition(value: "households", op: .present)])),
            Self.criterion(
                "consent", CriterionRule(met: [Condition(value: "freePriorInformedConsent", op: .present), Condition(value: "grievanceMechanism", op: .equal, than: .flag(true))])),
        ]
        let result = ProjectReview.make(assessment: assessment, project: withIndicators, review: Self.review(criteria: criteria), factors: TestData.factors)
        let statuses = Dictionary(uniqueKeysWithValues: result.scorecard.map { ($0.criterion.id, $0.status) })
        // Additional 1.67 ‰: > 0 but not > 4 → partly met. Tenure 0.6: ≥ 0.5, < 0.9 → partly met.
        #expect(statuses["soc"] == .partlyMet)
        #expect(statuses["tenure"] == .partlyMet)
        #expect(statuses["loss"] == .notMet)
        #expect(statuses["livestock"] == .notApplicable)
        // No consent evidence is simply absent (present → no); the grievance flag has no value → insufficient evidence.
        #expect(statuses["consent"] == .insufficientEvidence)
        let soc = try #require(result.scorecard.first { $0.criterion.id == "soc" })
        #expect(soc.reasons.first == "permille-additional > 4: 1.666666667 → no")
        // SDGs with a value: 15 (computed), 1 and 5 (households), 1 (tenure) → 3.
        #expect(result.values["sdg-count"] == .number(3))
        let tenure = try #require(result.indicators.first { $0.definition.id == "tenure" })
        #expect(tenure.values.map(\.key) == ["secureTenureShare"])
    }

    @Test("a practice sheet lists its rows, hectares and the factor value at the site, read from the table")
    func practiceUse() throws {
        let project = CroplandTests.noTillProject()
        let assessment = try assess(project, method: .ipcc)
        let sheet = PracticeSheet(
            key: "no-till", name: "No-till", description: "", mechanism: "", climates: [], soils: [],
            factors: [
                FactorLink(
                    label: "F_MG no-till", table: "soil-stock-change-factors", key: ["used_in": "management", "land_use": "cropland", "practice": "no-tillage", "factor": "f-mg"])
            ],
            expectedChange: nil, coEffects: [:], costsAndBarriers: "", references: [],
            appliesTo: [PracticeMatch(module: .annualCrops, field: "tillage", value: "no-till")])
        let result = ProjectReview.make(assessment: assessment, project: project, review: Self.review(practices: [sheet]), factors: TestData.factors)
        let use = try #require(result.practices.first)
        #expect(use.rowIDs == ["A1"] && use.hectares == 100)
        // Warm temperate dry: F_MG(no-tillage) = 1.04 (the value the cropland test uses by hand).
        #expect(use.factors.count == 1)
        #expect(use.factors.first?.factor.value == 1.04)
        #expect(use.factors.first?.factor.table == "soil-stock-change-factors")
    }
}
