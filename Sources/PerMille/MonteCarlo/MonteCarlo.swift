import Dispatch
import Synchronization

/// Monte Carlo propagation of the factors' uncertainty (IPCC Approach 2; Docs/method.md §11.1).
///
/// Each iteration reruns the whole assessment with every varied factor multiplied by its own draw,
/// the same draw for every row, scenario and year that uses it, so shared factors move the
/// "without" and "with" scenarios together and their uncertainty cancels in the balance.
public enum MonteCarlo {
    /// How many iterations and from which seed.
    public struct Settings: Sendable, Hashable {
        public var draws: Int
        public var seed: UInt64

        /// The seed used when none is given, so a run without `--seed` is reproducible too.
        public static let defaultSeed: UInt64 = 2019

        public init(draws: Int, seed: UInt64 = Settings.defaultSeed) {
            self.draws = draws
            self.seed = seed
        }
    }

    /// The distribution of one quantity over the iterations, t CO2e.
    public struct Summary: Sendable, Hashable {
        public var mean: Double
        /// 2.5th percentile.
        public var low: Double
        public var median: Double
        /// 97.5th percentile.
        public var high: Double
        /// Monte Carlo standard errors of `low` and `high`: how far another seed could move them.
        public var lowStandardError: Double
        public var highStandardError: Double
    }

    /// Summaries of without, with and the balance (with − without).
    public struct Outcomes: Sendable, Hashable {
        public var without: Summary
        public var with: Summary
        public var balance: Summary
    }

    /// A factor the rows use, varied or held fixed.
    public struct FactorEntry: Sendable, Hashable {
        public var table: String
        public var key: String
        public var column: String
        public var value: Double
        public var uncertaintyPercent: Double?
        public var reliability: Reliability
        /// The distribution drawn from, nil for a fixed factor.
        public var distribution: FactorDistribution?
    }

    /// Counts of the balance's iterations in equal bins from `lower` (for the report's histogram).
    public struct Histogram: Sendable, Hashable {
        public var lower: Double
        public var width: Double
        public var counts: [Int]
    }

    public struct Report: Sendable {
        public var draws: Int
        public var seed: UInt64
        public var varied: [FactorEntry]
        public var fixed: [FactorEntry]
        public var total: Outcomes
        public var modules: [(module: ModuleKind, outcomes: Outcomes)]
        public var balanceHistogram: Histogram
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Iterations per unit of parallel work: large enough that a chunk's start-up is lost in its work.
    public static let defaultChunkSize = 32

    /// Runs `settings.draws` iterations of `assessment`'s project. `assessment` is the deterministic
    /// result (its method, GWP values, site and recorded factors are reused).
    public static func run(
        _ project: Project, factors: FactorSet, assessment: Assessment, settings: Settings, chunkSize: Int = defaultChunkSize
    ) throws(Failure) -> Report {
        // Any chunk size gives the same numbers (each draw is a function of seed and iteration only);
        // tests pass others to show it.
        let chunkSize = max(1, chunkSize)
        guard settings.draws >= 2 else { throw Failure(description: "--monte-carlo needs at least 2 draws, got \(settings.draws)") }
        let modules = assessment.modules
        let slots = modules.count * 2
        let (variant, fixedSums) = try partition(project, modules: modules, factors: factors, assessment: assessment, seed: settings.seed)
        let draws = settings.draws
        let chunks = (draws + chunkSize - 1) / chunkSize
        // One flat array per chunk: iteration-major, (module, outcome) within.
        let results = Mutex<[Int: Result<[Double], MissingFactor>]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(draws, (chunk + 1) * chunkSize)
            let outcome = Result { () throws(MissingFactor) -> [Double] in
                var values: [Double] = []
                values.reserveCapacity(range.count * slots)
                for iteration in range {
                    let context = try AssessmentContext(
                        project: project, site: assessment.site, factors: factors, method: assessment.method,
                        perturbation: FactorPerturbation(seed: settings.seed, iteration: iteration), detailed: false)
                    values += try iterate(project, modules: modules, variant: variant, base: fixedSums, context: context, gwp: assessment.gwpFactors)
                }
                return values
            }
            results.withLock { $0[chunk] = outcome }
        }
        let collected = results.withLock { $0 }
        var values: [Double] = []
        values.reserveCapacity(draws * slots)
        for chunk in 0..<chunks {
            switch collected[chunk] {
            case .success(let part): values += part
            case .failure(let error): throw Failure(description: "a Monte Carlo draw could not be assessed: \(error)")
            case nil: throw Failure(description: "a Monte Carlo chunk did not run")
            }
        }
        guard values.allSatisfy(\.isFinite) else {
            throw Failure(description: "a Monte Carlo draw gave a non-finite result; the factors' distributions reach a value the method cannot use")
        }

        func column(_ slot: (Int) -> Double) -> [Double] { (0..<draws).map(slot) }
        func outcomes(without: [Double], with: [Double]) -> Outcomes {
            Outcomes(without: summarize(without), with: summarize(with), balance: summarize(zip(with, without).map { $0 - $1 }))
        }
        var moduleOutcomes: [(module: ModuleKind, outcomes: Outcomes)] = []
        var totalWithout = [Double](repeating: 0, count: draws)
        var totalWith = [Double](repeating: 0, count: draws)
        for (index, module) in modules.enumerated() {
            let without = column { values[$0 * slots + 2 * index] }
            let with = column { values[$0 * slots + 2 * index + 1] }
            for draw in 0..<draws {
                totalWithout[draw] += without[draw]
                totalWith[draw] += with[draw]
            }
            moduleOutcomes.append((module, outcomes(without: without, with: with)))
        }
        let balances = zip(totalWith, totalWithout).map { $0 - $1 }
        let (varied, fixed) = factorEntries(assessment)
        return Report(
            draws: draws, seed: settings.seed, varied: varied, fixed: fixed,
            total: outcomes(without: totalWithout, with: totalWith), modules: moduleOutcomes,
            balanceHistogram: histogram(balances, bins: 40))
    }

    /// Which rows of each module meet a drawn factor, and the t CO2e (without, with) per module of
    /// those that do not: the latter give the same numbers in every draw, so their deterministic
    /// results are added once instead of being recomputed N times.
    ///
    /// Each row is run alone in a fresh context (no memo shared with another row), so every factor it
    /// uses is looked up, and the log sees it. A row that meets no drawn factor sees only fixed values,
    /// so it takes the same branches and gives the same numbers in every draw.
    private static func partition(
        _ project: Project, modules: [ModuleKind], factors: FactorSet, assessment: Assessment, seed: UInt64
    ) throws(Failure) -> (variant: [[Int]], base: [Double]) {
        var variant: [[Int]] = []
        var base = [Double](repeating: 0, count: modules.count * 2)
        func probe<Module: ModuleDescriptor>(_: Module.Type, _ slot: Int) throws(MissingFactor) {
            let list = project.rows(Module.Row.self)
            let results = assessment.rows(in: modules[slot])
            var drawn: [Int] = []
            for index in list.indices {
                let context = try AssessmentContext(
                    project: project, site: assessment.site, factors: factors, method: assessment.method,
                    perturbation: FactorPerturbation(seed: seed, iteration: 0), detailed: false)
                let log = TouchLog()
                context.touches = log
                // A row that fails here is kept with the drawn rows, whose run reports the failure.
                let failed = (try? Module.assess(list[index], context: context)) == nil
                if context.drawsAtStart || log.touched || failed || index >= results.count || results[index].id != list[index].id {
                    drawn.append(index)
                } else {
                    base[2 * slot] += results[index].co2e(.without, gwp: assessment.gwpFactors)
                    base[2 * slot + 1] += results[index].co2e(.with, gwp: assessment.gwpFactors)
                }
            }
            variant.append(drawn)
        }
        do {
            for (slot, module) in modules.enumerated() {
                try probe(module.descriptor, slot)
            }
        } catch {
            throw Failure(description: "the Monte Carlo run could not start: \(error)")
        }
        return (variant, base)
    }

    /// t CO2e per module present and outcome, in one iteration: (without, with) per module.
    private static func iterate(
        _ project: Project, modules: [ModuleKind], variant: [[Int]], base: [Double], context: AssessmentContext, gwp: GWPFactors
    ) throws(MissingFactor) -> [Double] {
        var sums = base
        let weights = GasCategory.allCases.map(gwp.weight)
        func run<Module: ModuleDescriptor>(_: Module.Type, _ slot: Int) throws(MissingFactor) {
            let list = project.rows(Module.Row.self)
            for index in variant[slot] {
                let row = list[index]
                let result = try Module.assess(row, context: context)
                if let first = context.missing?.found.first { throw first }
                var without = 0.0
                var with = 0.0
                for (position, gas) in GasCategory.allCases.enumerated() {
                    without += result.emissions.without.total(gas) * weights[position]
                    with += result.emissions.with.total(gas) * weights[position]
                }
                sums[2 * slot] += without
                sums[2 * slot + 1] += with
            }
        }
        for (slot, module) in modules.enumerated() {
            try run(module.descriptor, slot)
        }
        return sums
    }

    /// The factors the rows recorded, each once (by table cell, overrides by name and value), split
    /// into those drawn and those held fixed, in table then line order.
    static func factorEntries(_ assessment: Assessment) -> (varied: [FactorEntry], fixed: [FactorEntry]) {
        var seen: Set<String> = []
        var entries: [FactorEntry] = []
        for index in assessment.rows.indices {
            for use in assessment.rows[index].factors {
                let factor = use.factor
                let identity =
                    factor.table == "override"
                    ? "override\u{1F}\(factor.key)\u{1F}\(factor.nominalValue)" : "\(factor.table)\u{1F}\(factor.line)\u{1F}\(factor.column)"
                guard seen.insert(identity).inserted else { continue }
                let varied = FactorPerturbation.isVaried(factor)
                entries.append(
                    FactorEntry(
                        table: factor.table, key: factor.key, column: factor.column, value: factor.nominalValue,
                        uncertaintyPercent: factor.uncertaintyPercent, reliability: factor.reliability,
                        distribution: varied ? FactorDistribution(percent: factor.uncertaintyPercent) : nil))
            }
        }
        entries.sort { ($0.table, $0.key, $0.column) < ($1.table, $1.key, $1.column) }
        return (entries.filter { $0.distribution != nil }, entries.filter { $0.distribution == nil })
    }

    /// Mean, 2.5 / 50 / 97.5th percentiles and the standard errors of the outer two.
    static func summarize(_ values: [Double]) -> Summary {
        let sorted = values.sorted()
        var sum = 0.0
        for value in values { sum += value }
        let mean = sum / Double(values.count)
        return Summary(
            mean: mean, low: percentile(sorted, 0.025), median: percentile(sorted, 0.5), high: percentile(sorted, 0.975),
            lowStandardError: percentileStandardError(sorted, 0.025), highStandardError: percentileStandardError(sorted, 0.975))
    }

    /// The p-quantile of sorted values, interpolating between order statistics (Hyndman & Fan type 7,
    /// the default of R and NumPy).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = index(position.rounded(.down), count: sorted.count)
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + (sorted[above] - sorted[below]) * fraction
    }

    /// Standard error of the p-quantile by the binomial order-statistic method: the number of draws
    /// below the true quantile is Binomial(N, p), so the order statistics at N p ∓ 1.96 √(N p (1 − p))
    /// bound a 95 % confidence interval of the quantile; its half-width / 1.96 is the standard error.
    static func percentileStandardError(_ sorted: [Double], _ p: Double) -> Double {
        let count = Double(sorted.count)
        let spread = StandardNormal.z975 * (count * p * (1 - p)).squareRoot()
        let lower = index((count * p - spread).rounded(.down), count: sorted.count)
        let upper = index((count * p + spread).rounded(.up), count: sorted.count)
        return (sorted[upper] - sorted[lower]) / (2 * StandardNormal.z975)
    }

    /// Equal-width bins over the values' range (one bin holding everything when all are equal).
    static func histogram(_ values: [Double], bins: Int) -> Histogram {
        guard let lowest = values.min(), let highest = values.max(), highest > lowest else {
            return Histogram(lower: values.first ?? 0, width: 0, counts: [values.count])
        }
        let width = (highest - lowest) / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        for value in values {
            counts[index(((value - lowest) / width).rounded(.down), count: bins)] += 1
        }
        return Histogram(lower: lowest, width: width, counts: counts)
    }

    /// A position clamped to 0..<count before it becomes an Int, so no value can trap the conversion.
    static func index(_ position: Double, count: Int) -> Int {
        guard position.isFinite, position > 0 else { return 0 }
        guard position < Double(count - 1) else { return max(0, count - 1) }
        return Int(position)
    }
}
