import PerMille
import PerMilleJSON

/// The report as JSON: the result document (`ResultJSON.document`, format `permille-result/1`)
/// with `perMille`, `indicators`, `scorecard`, `practices` and `reviewDigests` appended, written
/// with `JSONWriter` so the same input gives the same bytes. Keys of dictionaries are sorted.
public enum ReportJSON {
    public static func encode(_ input: ReportInput) -> String {
        JSONWriter.write(document(input))
    }

    public static func document(_ input: ReportInput) -> JSONOutput {
        var members: [(String, JSONOutput)]
        if case .object(let result) = ResultJSON.document(input.assessment, provenance: input.provenance, explain: true) {
            members = result
        } else {
            members = []
        }
        members.append(
            (
                "report",
                .object([
                    ("format", .string("permille-report/1")),
                    ("headlineRates", .string(input.compound ? "compound" : "linear")),
                    ("perMilleNote", .string(ReportBuilder.perMilleCaveat)),
                    ("criteriaSource", .string(input.criteriaSource)),
                ])
            ))
        members.append(("perMille", perMille(input.review.perMille)))
        members.append(("indicators", indicators(input.review)))
        members.append(("scorecard", .array(input.review.scorecard.map(criterion))))
        members.append(("practices", .array(input.review.practices.map(practice))))
        members.append(("reviewDigests", .object(input.reviewDigests.keys.sorted().map { ($0, .string(input.reviewDigests[$0] ?? "")) })))
        return .object(members)
    }

    static func number(_ value: Double) -> JSONOutput { value.isFinite ? .number(ResultJSON.clean(value)) : .null }

    static func figures(_ f: PerMilleFigures) -> [(String, JSONOutput)] {
        [
            ("socInitial", number(f.socInitial)),
            ("area", number(f.area)),
            ("change", .object([("without", number(f.change.without)), ("with", number(f.change.with)), ("additional", number(f.additionalChange))])),
            ("changeCO2ePerYear", number(f.additionalChange * f.area * 44 / 12)),
            ("rate", .object([("without", number(f.rate.without)), ("with", number(f.rate.with))])),
            (
                "compoundRate",
                .object([
                    ("without", number(f.compoundRate.without)), ("with", number(f.compoundRate.with)),
                    ("additional", number(f.compoundRate.with - f.compoundRate.without)),
                ])
            ),
            ("additionalRate", number(f.additionalRate)),
            ("attainment", number(f.attainment)),
            ("needed", number(f.needed)),
        ]
    }

    static func perMille(_ report: PerMilleReport) -> JSONOutput {
        .object([
            (
                "units",
                .object([
                    ("socInitial", .string("t C/ha")), ("area", .string("ha")), ("change", .string("t C/ha/yr")),
                    ("changeCO2ePerYear", .string("t CO2e/yr stored (additional)")), ("rate", .string("per mille per year")),
                    ("attainment", .string("additional rate / 4 per mille")), ("needed", .string("t C/ha/yr")),
                ])
            ),
            ("depth", .string(report.depth)),
            ("years", .integer(report.years)),
            ("project", report.project.map { .object(figures($0)) } ?? .null),
            ("modules", .array(report.modules.map { .object([("module", .string($0.module.rawValue))] + figures($0.figures)) })),
            ("rows", .array(report.rows.map { .object([("row", .string($0.id)), ("module", .string($0.module.rawValue))] + figures($0.figures)) })),
        ])
    }

    static func value(_ value: IndicatorValue) -> JSONOutput {
        switch value {
        case .number(let amount): number(amount)
        case .text(let text): .string(text)
        case .flag(let flag): .bool(flag)
        }
    }

    static func indicators(_ review: ProjectReview) -> JSONOutput {
        .array(
            review.indicators.map { result in
                let definition = result.definition
                return .object([
                    ("id", .string(definition.id)), ("name", .string(definition.name)), ("kind", .string(definition.kind.rawValue)),
                    ("unit", .string(definition.unit)), ("how", .string(definition.how)),
                    ("criteria", .array(definition.criteria.map(JSONOutput.string))), ("sdgs", .array(definition.sdgs.map(JSONOutput.string))),
                    ("values", .array(result.values.map { .object([("key", .string($0.key)), ("value", value($0.value)), ("unit", .string($0.unit))]) })),
                    (
                        "missing",
                        .array(
                            result.missing.map { key in
                                .object([("key", .string(key)), ("reason", .string(ReportBuilder.missingReason(key, kind: definition.kind, notes: review.notes)))])
                            })
                    ),
                ])
            })
    }

    static func criterion(_ item: CriterionStatus) -> JSONOutput {
        let c = item.criterion
        return .object([
            ("id", .string(c.id)), ("step", .integer(c.step)), ("type", .string(c.type)), ("name", .string(c.name)),
            ("wording", .string(c.wording)), ("provisional", .bool(c.provisional)),
            ("sdgs", .array(c.sdgs.map(JSONOutput.string))), ("indicators", .array(c.indicators.map(JSONOutput.string))),
            ("status", .string(item.status.rawValue)),
            ("reasons", .array(item.reasons.map(JSONOutput.string))),
            ("evidence", .array(item.evidence.map { .object([("key", .string($0.key)), ("value", value($0.value))]) })),
        ])
    }

    static func practice(_ use: PracticeUse) -> JSONOutput {
        let sheet = use.sheet
        var members: [(String, JSONOutput)] = [
            ("key", .string(sheet.key)), ("name", .string(sheet.name)),
            ("rows", .array(use.rowIDs.map(JSONOutput.string))), ("hectares", number(use.hectares)),
            ("description", .string(sheet.description)), ("mechanism", .string(sheet.mechanism)),
            ("climates", .array(sheet.climates.map(JSONOutput.string))), ("soils", .array(sheet.soils.map(JSONOutput.string))),
            (
                "factors",
                .array(
                    use.factors.map { link in
                        var fields: [(String, JSONOutput)] = [("label", .string(link.label))]
                        if case .object(let factor) = ResultJSON.factor(FactorUse(link.label, link.factor)) {
                            fields += factor.filter { $0.0 != "name" }
                        }
                        return .object(fields)
                    })
            ),
        ]
        if let change = sheet.expectedChange {
            members.append(
                (
                    "expectedChange",
                    .object([
                        ("low", number(change.low)), ("high", number(change.high)), ("unit", .string(change.unit)), ("source", .string(change.source)),
                    ])
                ))
        } else {
            members.append(("expectedChange", .null))
        }
        members.append(("coEffects", .object(sheet.coEffects.keys.sorted().map { ($0, .string(sheet.coEffects[$0] ?? "")) })))
        members.append(("costsAndBarriers", .string(sheet.costsAndBarriers)))
        members.append(("references", .array(sheet.references.map(JSONOutput.string))))
        return .object(members)
    }
}
