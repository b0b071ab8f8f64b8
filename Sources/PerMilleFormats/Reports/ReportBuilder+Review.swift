import PerMille

/// Sections 6–11: scorecard, indicators, practice sheets, factors, method choices, digests.
extension ReportBuilder {
    // MARK: 6. Scorecard

    static func statusWord(_ status: CriterionStatus.Status) -> String {
        switch status {
        case .met: "met"
        case .partlyMet: "partly met"
        case .notMet: "not met"
        case .notApplicable: "not applicable"
        case .insufficientEvidence: "insufficient evidence"
        }
    }

    static func scorecard(_ input: ReportInput) -> ReportSection {
        let columns: [ReportTable.Column] = [
            .init("Criterion"), .init("Name"), .init("Wording"), .init("Status"), .init("Why"), .init("Evidence"),
        ]
        let rows: [[ReportTable.Cell]] = input.review.scorecard.map { item in
            let criterion = item.criterion
            let name = criterion.name + (criterion.provisional ? " (provisional)" : "")
            let units = input.review.units
            let evidence = item.evidence.map { entry in
                let unit = units[entry.key].map { $0.isEmpty ? "" : " " + $0 } ?? ""
                return "\(ScorecardText.label(entry.key)): \(ScorecardText.value(entry.value))\(unit)"
            }.joined(separator: "; ")
            return [
                .init(criterion.id), .init(name, style: criterion.provisional ? .flag : .plain), .init(criterion.wording),
                .init(statusWord(item.status), style: .status, status: item.status.rawValue),
                .init(ScorecardText.why(item, units: units)), .init(evidence.isEmpty ? "none" : evidence),
            ]
        }
        return ReportSection(
            id: "scorecard", title: "Criteria scorecard",
            blocks: [
                .paragraph(
                    "The STC's reference criteria (\(input.criteriaSource)). Each criterion has a status — met, partly met, not met, not applicable or insufficient evidence — set by the rule in the criteria file from the values shown; there is no numeric score. Criteria marked provisional have wording the STC has not confirmed."
                ),
                .table(ReportTable(caption: "Criteria", columns: columns, rows: rows)),
            ])
    }

    // MARK: 7. Indicators

    static func indicators(_ input: ReportInput) -> ReportSection {
        let review = input.review
        let columns: [ReportTable.Column] = [
            .init("Indicator"), .init("Name"), .init("Kind"), .init("Values"), .init("Unit"), .init("Criteria"), .init("SDGs"),
        ]
        let rows: [[ReportTable.Cell]] = review.indicators.map { result in
            let definition = result.definition
            var parts = result.values.map { "\($0.key) = \(ReportText.value($0.value))\($0.unit.isEmpty ? "" : " " + $0.unit)" }
            parts += result.missing.map { "\($0): " + missingReason($0, kind: definition.kind, notes: review.notes) }
            let absent = result.values.isEmpty
            return [
                .init(definition.id), .init(definition.name), .init(definition.kind.rawValue),
                .init(parts.isEmpty ? "none" : parts.joined(separator: "; "), style: absent ? .flag : .plain),
                .init(definition.unit), .init(definition.criteria.joined(separator: ", ")), .init(definition.sdgs.joined(separator: ", ")),
            ]
        }
        var blocks: [ReportBlock] = [.table(ReportTable(caption: "Indicator catalogue", columns: columns, rows: rows))]
        if !review.notes.isEmpty { blocks.append(.list(review.notes)) }
        return ReportSection(id: "indicators", title: "Indicators", blocks: blocks)
    }

    /// "not computed" / "not reported", with the review's note about the key when it has one.
    static func missingReason(_ key: String, kind: IndicatorDefinition.Kind, notes: [String]) -> String {
        let base = kind == .computed || kind == .derived ? "not computed" : "not reported"
        if let note = notes.first(where: { $0.contains(key) }) { return "\(base) (\(note))" }
        return kind == .computed || kind == .derived ? "\(base) (the project lacks what it needs)" : "\(base) (not in the project file's indicators)"
    }

    // MARK: 8. Practices

    static func practices(_ input: ReportInput) -> ReportSection {
        let uses = input.review.practices
        guard !uses.isEmpty else {
            return ReportSection(id: "practices", title: "Practice sheets", blocks: [.paragraph("No row of the project uses a practice with a descriptive sheet.")])
        }
        var blocks: [ReportBlock] = []
        for use in uses {
            let sheet = use.sheet
            var facts = [
                ReportFact("Key", sheet.key),
                ReportFact("Hectares (with project)", ReportText.number(use.hectares, decimals: 1) + " ha"),
                ReportFact("Rows", use.rowIDs.joined(separator: ", ")),
                ReportFact("Description", sheet.description),
                ReportFact("Mechanism", sheet.mechanism),
                ReportFact("Climates", sheet.climates.joined(separator: ", ")),
                ReportFact("Soils", sheet.soils.joined(separator: ", ")),
            ]
            if let change = sheet.expectedChange {
                facts.append(ReportFact("Expected ΔSOC", "\(ReportText.plain(change.low)) to \(ReportText.plain(change.high)) \(change.unit) (\(change.source))"))
            } else {
                facts.append(ReportFact("Expected ΔSOC", "no sourced range"))
            }
            for key in sheet.coEffects.keys.sorted() { facts.append(ReportFact("Co-effect: \(key)", sheet.coEffects[key] ?? "")) }
            facts.append(ReportFact("Costs and barriers", sheet.costsAndBarriers))
            var item: [ReportBlock] = [.facts(facts)]
            if !use.factors.isEmpty {
                let columns: [ReportTable.Column] = [
                    .init("Factor"), .init("Value", numeric: true), .init("Unit"), .init("±"), .init("Reliability"), .init("Source"), .init("Table line"),
                ]
                item.append(
                    .table(
                        ReportTable(
                            caption: "Factors the practice moves, at this site", columns: columns,
                            rows: use.factors.map { link in
                                factorCells(name: link.label, link.factor)
                            })))
            }
            if !sheet.references.isEmpty { item.append(.list(sheet.references)) }
            blocks.append(.item(title: sheet.name, blocks: item))
        }
        return ReportSection(id: "practices", title: "Practice sheets", blocks: blocks)
    }

    static func factorCells(name: String, _ factor: Factor) -> [ReportTable.Cell] {
        let flagged = factor.reliability.needsChecking
        let place = factor.table == "override" ? "Tier 2 override" : "\(factor.table).csv line \(factor.line)"
        return [
            .init(name), .init(ReportText.plain(factor.value)), .init(factor.unit),
            .init(factor.uncertaintyPercent.map { "±" + ReportText.plain($0) + " %" } ?? "unknown"),
            .init(factor.reliability.rawValue + (flagged ? " UNVERIFIED" : ""), style: flagged ? .flag : .plain),
            .init(factor.source), .init(place),
        ]
    }

    // MARK: 9. Factors

    static func factors(_ input: ReportInput) -> ReportSection {
        let a = input.assessment
        struct Entry {
            var name: String
            var factor: Factor
            var rows: [String]
        }
        var entries: [Entry] = []
        var index: [FactorUse: Int] = [:]
        var overrides: [[ReportTable.Cell]] = []
        for row in a.rows {
            for use in row.factors {
                if use.factor.table == "override" {
                    let f = use.factor
                    overrides.append([
                        .init(row.id), .init(use.name), .init(ReportText.plain(f.value)), .init(f.unit),
                        .init(f.uncertaintyPercent.map { "±" + ReportText.plain($0) + " %" } ?? "unknown"), .init(f.source),
                    ])
                    continue
                }
                if let position = index[use] {
                    if entries[position].rows.last != row.id { entries[position].rows.append(row.id) }
                } else {
                    index[use] = entries.count
                    entries.append(Entry(name: use.name, factor: use.factor, rows: [row.id]))
                }
            }
        }
        entries.sort { ($0.factor.table, $0.factor.line, $0.name) < ($1.factor.table, $1.factor.line, $1.name) }
        let columns: [ReportTable.Column] = [
            .init("Factor"), .init("Value", numeric: true), .init("Unit"), .init("±"), .init("Reliability"), .init("Source"),
            .init("Table line"), .init("Rows"),
        ]
        let rows = entries.map { factorCells(name: $0.name, $0.factor) + [.init($0.rows.joined(separator: ", "))] }
        let unverified = entries.filter { $0.factor.reliability.needsChecking }.count
        var blocks: [ReportBlock] = [
            .paragraph(
                "\(entries.count) distinct factor values over \(a.rows.count) rows; \(unverified) tagged M or C-weak (UNVERIFIED) must be checked against their source before the result is trusted."
            ),
            .table(ReportTable(caption: "Factors used", columns: columns, rows: rows)),
        ]
        if overrides.isEmpty {
            blocks.append(.paragraph("No Tier 2 override."))
        } else {
            blocks.append(
                .table(
                    ReportTable(
                        caption: "Tier 2 overrides",
                        columns: [
                            .init("Row"), .init("Factor"), .init("Value", numeric: true), .init("Unit"), .init("±"), .init("Citation"),
                        ], rows: overrides)))
        }
        return ReportSection(id: "factors", title: "Factors used", blocks: blocks)
    }

    // MARK: 10. Method

    static func method(_ input: ReportInput) -> ReportSection {
        let a = input.assessment
        let other = a.method.other.rawValue
        var blocks: [ReportBlock] = [
            .facts([
                ReportFact("Method", a.method.rawValue),
                ReportFact("Other method", other),
                ReportFact("GWP set", a.gwp.rawValue),
                ReportFact("Factor set", a.factorSet.rawValue),
                ReportFact("Dynamics", input.project.description.dynamics.rawValue),
            ])
        ]
        if a.divergences.isEmpty {
            blocks.append(.paragraph("No row's number changes under the \(other) method."))
        } else {
            let columns: [ReportTable.Column] = [
                .init("Divergence"), .init("Module"), .init("Row"), .init("Scenario"), .init("Gas"),
                .init("This method", numeric: true), .init("Other method", numeric: true), .init("Unit"), .init("Difference, t CO2e", numeric: true),
            ]
            let rows: [[ReportTable.Cell]] = a.divergences.map { item in
                [
                    .init(item.ids.map(\.rawValue).joined(separator: "+")), .init(item.module.title), .init(item.rowID), .init(item.outcome.rawValue),
                    .init(item.gas.rawValue), .init(ReportText.number(item.chosen, decimals: 4)), .init(ReportText.number(item.other, decimals: 4)),
                    .init(item.gas.massUnit), .init(ReportText.signed(item.differenceCO2e, decimals: 2)),
                ]
            }
            blocks.append(.table(ReportTable(caption: "Where the \(other) method gives other numbers", columns: columns, rows: rows)))
            blocks.append(.list(Set(a.divergences.flatMap(\.ids)).sorted().map { "\($0.rawValue): \($0.summary)" }))
            let difference = a.otherMethodDifference
            var diffRows = GasCategory.allCases.compactMap { gas in difference[gas].map { balanceRow(TextReport.gasTitle(gas), $0, decimals: 2) } }
            diffRows.append(balanceRow("Totals under \(other)", a.otherMethodTotal, decimals: 1, style: .strong))
            blocks.append(
                .table(
                    ReportTable(
                        caption: "This method minus \(other), by gas, and the totals under \(other) (t CO2e)",
                        columns: [.init(""), .init("Without", numeric: true), .init("With", numeric: true), .init("Balance", numeric: true)],
                        rows: diffRows, totalRows: 1)))
        }
        var notes = a.notes
        notes += a.rows.flatMap { row in row.notes.map { "row \(row.id): \($0)" } }
        blocks.append(notes.isEmpty ? .paragraph("No notes.") : .item(title: "Notes", blocks: [.list(notes)]))
        return ReportSection(id: "method", title: "Method choices and divergences", blocks: blocks)
    }

    // MARK: 11. Digests

    static func digests(_ input: ReportInput) -> ReportSection {
        var rows: [[ReportTable.Cell]] = [["input", "project (canonical JSON)", .init(input.provenance.inputDigest, style: .code)]]
        rows += input.provenance.factorDigests.map { ["factor table", .init($0.file), .init($0.digest, style: .code)] }
        rows += input.reviewDigests.keys.sorted().map { ["review document", .init($0), .init(input.reviewDigests[$0] ?? "", style: .code)] }
        return ReportSection(
            id: "digests", title: "Digests",
            blocks: [
                .paragraph("sha256 of the input and of every table and document read: a rerun with the same digests gives the same report."),
                .table(ReportTable(caption: "Digests", columns: [.init("Kind"), .init("File"), .init("sha256")], rows: rows)),
            ])
    }
}
