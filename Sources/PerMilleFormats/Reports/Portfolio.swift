import PerMille
import PerMilleJSON

/// Many projects side by side for a donor: balance, intensities, per-mille additional rate, cost per
/// t CO2e, beneficiaries and criteria statuses, per project and in total. A file that cannot be
/// assessed keeps its place with its errors; the others still report. The same project given twice
/// is shown twice, flagged, and counted once. JSON and CSV are in `Portfolio+Tables.swift`, the page
/// in `PortfolioHTML.swift`.
public struct Portfolio: Sendable {
    public enum Entry: Sendable {
        /// `digest` is the input digest (sha256 of the canonical project): the same project given
        /// twice, as JSON and as XML, has one digest and is counted once.
        case assessed(file: String, digest: String, project: Project, assessment: Assessment, review: ProjectReview)
        case failed(file: String, errors: [String])

        var file: String {
            switch self {
            case .assessed(let file, _, _, _, _), .failed(let file, _): file
            }
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// One project's line of the portfolio table.
    struct Line {
        var file: String
        var digest: String
        /// The earlier file with the same input digest: this line is shown, flagged, and left out of totals and charts.
        var duplicateOf: String?
        var name: String
        var holder: String
        /// The country key as the project gives it (CSV, JSON) and its name (HTML).
        var country: String
        var place: PlaceNames?
        var area: Double
        var years: Int
        var total: Balance
        var permilleAdditional: Double?
        var budget: Budget?
        var costPerTonne: Double?
        var households: Double?
        var farmers: Double?
        var statuses: [(criterion: Criterion, status: CriterionStatus.Status)]

        var counted: Bool { duplicateOf == nil }

        var perHectare: Double { area > 0 ? total.balance / area : 0 }
        var perHectarePerYear: Double { area > 0 && years > 0 ? total.balance / area / Double(years) : 0 }
    }

    /// The portfolio in input order: each entry's line, or its errors.
    enum Row {
        case line(Line)
        case failed(file: String, errors: [String])
    }

    var rows: [Row] {
        var lines = self.lines.makeIterator()
        return entries.compactMap { entry in
            switch entry {
            case .assessed: lines.next().map(Row.line)
            case .failed(let file, let errors): .failed(file: file, errors: errors)
            }
        }
    }

    /// One line per assessed entry in input order; a later entry whose input digest an earlier one
    /// has is marked as its duplicate.
    var lines: [Line] {
        var firstFile: [String: String] = [:]
        return entries.compactMap { entry in
            guard case .assessed(let file, let digest, let project, let assessment, let review) = entry else { return nil }
            func number(_ key: String) -> Double? {
                if case .number(let value)? = review.values[key] { return value }
                return nil
            }
            let duplicateOf = firstFile[digest]
            if duplicateOf == nil { firstFile[digest] = file }
            return Line(
                file: file, digest: digest, duplicateOf: duplicateOf, name: project.description.name,
                holder: project.description.holder ?? "", country: project.description.country ?? "", place: review.place,
                area: assessment.projectArea, years: assessment.totalYears, total: assessment.total,
                permilleAdditional: review.perMille.project?.additionalRate, budget: project.description.budget,
                costPerTonne: number("cost-effectiveness"), households: number("households"), farmers: number("farmersTrained"),
                statuses: review.scorecard.map { ($0.criterion, $0.status) })
        }
    }

    /// Totals over the assessed projects: balances and areas add; intensities are ratios of sums;
    /// the per-year intensity adds each project's yearly balance (projects may last different years).
    struct Totals {
        /// Distinct projects (duplicates counted once).
        var projects: Int
        var failed: Int
        /// Entries left out because an earlier file has the same input digest.
        var duplicates: Int
        var area: Double
        var total: Balance
        var perHectare: Double
        var perHectarePerYear: Double
        /// Σ budgets ÷ |Σ balance| when every project gives a budget in the same currency and the sum is a net removal.
        var costPerTonne: Double?
        var currency: String?
        var households: Double
        var farmers: Double
    }

    var totals: Totals {
        let all = self.lines
        let lines = all.filter(\.counted)
        var area = 0.0
        var total = Balance(without: 0, with: 0)
        var yearly = 0.0
        var budget = 0.0
        var households = 0.0
        var farmers = 0.0
        for line in lines {
            area += line.area
            total.without += line.total.without
            total.with += line.total.with
            if line.years > 0 { yearly += line.total.balance / Double(line.years) }
            budget += line.budget?.amount ?? 0
            households += line.households ?? 0
            farmers += line.farmers ?? 0
        }
        let currencies = Set(lines.compactMap { $0.budget?.currency })
        var cost: Double?
        if lines.allSatisfy({ $0.budget != nil }), currencies.count == 1, total.balance < 0 {
            cost = budget / -total.balance
        }
        return Totals(
            projects: lines.count, failed: entries.count - all.count, duplicates: all.count - lines.count, area: area, total: total,
            perHectare: area > 0 ? total.balance / area : 0, perHectarePerYear: area > 0 ? yearly / area : 0,
            costPerTonne: cost, currency: currencies.count == 1 ? currencies.first : nil, households: households, farmers: farmers)
    }

    // MARK: - Helpers

    /// Criteria in first-seen order over the projects.
    var criteria: [Criterion] {
        var seen: [Criterion] = []
        for line in lines { for (criterion, _) in line.statuses where !seen.contains(where: { $0.id == criterion.id }) { seen.append(criterion) } }
        return seen
    }

    func clean(_ value: Double) -> Double { ResultJSON.clean(value) }

    static func number(_ value: Double) -> String {
        // A ratio of sums (cost per tonne over a balance near zero) can leave the doubles: never print inf or nan.
        guard value.isFinite else { return "n/a" }
        let rounded = ResultJSON.clean(value)
        guard rounded.isFinite else { return String(value) }
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = "\""
        for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
        return quoted + "\""
    }

    static func escape(_ text: String) -> String { HTMLReport.escape(text) }
}
