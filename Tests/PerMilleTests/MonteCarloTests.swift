import Foundation
import PerMille
import PerMilleTestSupport
import Testing

/// Monte Carlo uncertainty (issue 17): the generator, the distributions, and the propagation,
/// each against a figure worked out by hand.
@Suite("Monte Carlo uncertainty")
struct MonteCarloTests {
    // MARK: - Generator and hash against their published reference outputs

    @Test("SplitMix64 gives splitmix64.c's outputs for seed 1234567 and seed 0; the n-th output is reached directly")
    func splitMixReference() {
        var generator = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423, 4_593_380_528_125_082_431, 16_408_922_859_458_223_821]
        #expect((0..<5).map { _ in generator.next() } == expected)
        for index in 0..<5 { #expect(SplitMix64.output(seed: 1_234_567, index: UInt64(index)) == expected[index]) }
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test("FNV-1a 64 gives the reference hashes of \"\", \"a\" and \"foobar\"")
    func fnvReference() {
        #expect(FNV1a.hash("".utf8) == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a.hash("a".utf8) == 0xAF63_DC4C_8601_EC8C)
        #expect(FNV1a.hash("foobar".utf8) == 0x8594_4171_F739_67E8)
    }

    // MARK: - Distributions

    /// The multipliers of one factor identity over `count` iterations.
    static func multipliers(_ distribution: FactorDistribution, identity: UInt64, count: Int, seed: UInt64 = 7) -> [Double] {
        (0..<count).map { FactorPerturbation(seed: seed, iteration: $0).multiplier(distribution, identity: identity) }
    }

    static func quantile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let position = p * Double(sorted.count - 1)
        let below = Int(position)
        return sorted[below] + (sorted[min(below + 1, sorted.count - 1)] - sorted[below]) * (position - Double(below))
    }

    @Test("±20 % is a normal with σ = 0.20 / 1.96: its 2.5 and 97.5th percentiles are 0.8 and 1.2, its mean 1")
    func normalRule() throws {
        let distribution = try #require(FactorDistribution(percent: 20))
        #expect(distribution == .truncatedNormal(relativeDeviation: 0.20 / 1.959963984540054))
        let draws = Self.multipliers(distribution, identity: 1, count: 40_000)
        // Standard error of a 2.5 % quantile of N(1, 0.102) from 40 000 draws ≈ 0.0013.
        #expect(abs(Self.quantile(draws, 0.025) - 0.8) < 0.006)
        #expect(abs(Self.quantile(draws, 0.975) - 1.2) < 0.006)
        #expect(abs(draws.reduce(0, +) / 40_000 - 1) < 0.002)
        #expect(FactorDistribution(percent: nil) == nil)
        #expect(FactorDistribution(percent: 0) == nil)
    }

    @Test("±90 % is a lognormal of mean 1 and σ = 0.9 / 1.96: quantiles exp(−v/2 ± 1.96 √v), v = ln(1 + σ²); never negative")
    func lognormalRule() throws {
        let distribution = try #require(FactorDistribution(percent: 90))
        let s = 0.9 / 1.959963984540054
        let v = (1 + s * s).logarithm
        let draws = Self.multipliers(distribution, identity: 2, count: 40_000)
        #expect(draws.allSatisfy { $0 > 0 })
        #expect(abs(Self.quantile(draws, 0.5) - (-v / 2).exponential) < 0.01)
        #expect(abs(Self.quantile(draws, 0.975) / (-v / 2 + 1.959963984540054 * v.squareRoot()).exponential - 1) < 0.03)
        #expect(abs(Self.quantile(draws, 0.025) / (-v / 2 - 1.959963984540054 * v.squareRoot()).exponential - 1) < 0.03)
        #expect(abs(draws.reduce(0, +) / 40_000 - 1) < 0.01)
    }

    @Test("a product of two independent lognormal factors is the lognormal with the sums of their log-means and log-variances")
    func productOfLognormals() throws {
        let first = try #require(FactorDistribution(percent: 60))
        let second = try #require(FactorDistribution(percent: 100))
        let a = Self.multipliers(first, identity: 11, count: 40_000)
        let b = Self.multipliers(second, identity: 12, count: 40_000)
        let product = zip(a, b).map { $0 * $1 }
        func logVariance(_ percent: Double) -> Double { (1 + (percent / 100 / 1.959963984540054) * (percent / 100 / 1.959963984540054)).logarithm }
        let v = logVariance(60) + logVariance(100)
        let mu = -v / 2
        #expect(abs(Self.quantile(product, 0.5) / mu.exponential - 1) < 0.02)
        #expect(abs(Self.quantile(product, 0.975) / (mu + 1.959963984540054 * v.squareRoot()).exponential - 1) < 0.04)
        #expect(abs(Self.quantile(product, 0.025) / (mu - 1.959963984540054 * v.squareRoot()).exponential - 1) < 0.04)
    }

    // MARK: - Propagation through the assessment

    static func electricity(without: Double, with: Double, percent: Double? = 20) -> Project {
        var description = description(climate: "tropical-moist", soil: "low-activity-clay", region: "western-africa")
        description.country = "ghana"
        let row = InputRow(
            id: "I1", name: "electricity", kind: "electricity", amount: Triple(start: without, without: without, with: with),
            manufacturedInCountry: false, fuelUse: "stationary", dynamics: RowDynamics(.linear))
        return Project(
            description: description, inputs: [row],
            overrides: [FactorOverride(factor: "electricity-grid-factor", value: 0.5, uncertaintyPercent: percent, source: "national grid 2024")])
    }

    static func monteCarlo(_ project: Project, draws: Int, seed: UInt64 = MonteCarlo.Settings.defaultSeed, chunkSize: Int = MonteCarlo.defaultChunkSize) throws -> (
        Assessment, MonteCarlo.Report
    ) {
        let assessment = try assess(project, method: .ipcc)
        let report = try MonteCarlo.run(project, factors: TestData.factors, assessment: assessment, settings: .init(draws: draws, seed: seed), chunkSize: chunkSize)
        return (assessment, report)
    }

    @Test("a row linear in one ±20 % normal factor: mean = deterministic value, 95 % interval = value ± 1.96 σ = value × (1 ± 0.2)")
    func linearRow() throws {
        // 100 MWh a year for 15 years at 0.5 t CO2/MWh: 750 t CO2 in both scenarios; σ = 0.2 / 1.96 × 750.
        let (assessment, report) = try Self.monteCarlo(Self.electricity(without: 100, with: 100), draws: 20_000)
        #expect(abs(assessment.total.with - 750) < 1e-9)
        let with = report.total.with
        #expect(abs(with.mean - 750) < 3 * 750 * 0.102 / (20_000.0).squareRoot())
        #expect(abs(with.low - 600) < 4 * with.lowStandardError)
        #expect(abs(with.high - 900) < 4 * with.highStandardError)
        #expect(abs(with.median - 750) < 2)
        #expect(with.lowStandardError > 0 && with.lowStandardError < 3)
        #expect(report.varied.count == 1 && report.varied.first?.table == "override")
    }

    @Test("a factor shared by identical scenarios cancels in the balance: each scenario varies, the balance's interval has width 0")
    func sharedFactorsCancel() throws {
        let (_, report) = try Self.monteCarlo(Self.electricity(without: 100, with: 100), draws: 1_000)
        #expect(report.total.without.high - report.total.without.low > 200)
        #expect(report.total.balance.low == 0 && report.total.balance.high == 0 && report.total.balance.mean == 0)
        // The same with soil factors: G1 of the grassland example keeps one state in both scenarios.
        var grassland = GrasslandTests.demo()
        grassland.grassland.removeLast()
        let (_, soil) = try Self.monteCarlo(grassland, draws: 1_000)
        #expect(!soil.varied.isEmpty)
        #expect(soil.total.without.high - soil.total.without.low > 1)
        #expect(soil.total.balance.high == soil.total.balance.low)
    }

    @Test("doubling every area and amount doubles every bound exactly under the same seed")
    func doublingAreas() throws {
        let project = GrasslandTests.demo()
        var doubled = project
        for index in doubled.grassland.indices {
            let area = doubled.grassland[index].area
            doubled.grassland[index].area = Triple(start: area.start * 2, without: area.without * 2, with: area.with * 2)
        }
        let (_, one) = try Self.monteCarlo(project, draws: 500)
        let (_, two) = try Self.monteCarlo(doubled, draws: 500)
        for (a, b) in [(one.total.without, two.total.without), (one.total.with, two.total.with), (one.total.balance, two.total.balance)] {
            #expect(b.low == 2 * a.low && b.high == 2 * a.high && b.median == 2 * a.median && b.mean == 2 * a.mean)
            #expect(b.lowStandardError == 2 * a.lowStandardError && b.highStandardError == 2 * a.highStandardError)
        }
    }

    @Test("the same seed gives the same numbers whatever the chunking; another seed gives others")
    func reproducible() throws {
        let project = GrasslandTests.demo()
        let (_, reference) = try Self.monteCarlo(project, draws: 300)
        for chunk in [1, 7, 300, 1_000] {
            let (_, other) = try Self.monteCarlo(project, draws: 300, chunkSize: chunk)
            #expect(other.total == reference.total, "chunk size \(chunk)")
            #expect(other.modules.map(\.outcomes) == reference.modules.map(\.outcomes))
            #expect(other.balanceHistogram == reference.balanceHistogram)
        }
        let (_, reseeded) = try Self.monteCarlo(project, draws: 300, seed: 1)
        #expect(reseeded.total != reference.total)
        #expect(reseeded.seed == 1 && reference.seed == MonteCarlo.Settings.defaultSeed)
    }

    @Test("1 000 and 20 000 draws agree within their standard errors")
    func convergence() throws {
        let project = GrasslandTests.demo()
        let (_, small) = try Self.monteCarlo(project, draws: 1_000, seed: 3)
        let (_, large) = try Self.monteCarlo(project, draws: 20_000, seed: 4)
        for (a, b) in [(small.total.without, large.total.without), (small.total.balance, large.total.balance)] {
            let lowError = (a.lowStandardError * a.lowStandardError + b.lowStandardError * b.lowStandardError).squareRoot()
            let highError = (a.highStandardError * a.highStandardError + b.highStandardError * b.highStandardError).squareRoot()
            #expect(abs(a.low - b.low) <= 4 * lowError, "low \(a.low) vs \(b.low) ± \(lowError)")
            #expect(abs(a.high - b.high) <= 4 * highError, "high \(a.high) vs \(b.high) ± \(highError)")
            #expect(b.lowStandardError < a.lowStandardError)
        }
    }

    @Test("factors without ± and overrides without uncertainty are held fixed and listed")
    func fixedFactorsListed() throws {
        let (_, report) = try Self.monteCarlo(Self.electricity(without: 100, with: 50, percent: nil), draws: 10)
        #expect(report.varied.isEmpty)
        #expect(report.fixed.contains { $0.table == "override" && $0.value == 0.5 })
        #expect(report.total.with.low == report.total.with.high)
        #expect(throws: MonteCarlo.Failure.self) { try Self.monteCarlo(Self.electricity(without: 1, with: 1), draws: 1) }
    }
}

extension Double {
    fileprivate var logarithm: Double { log(self) }
    fileprivate var exponential: Double { exp(self) }
}
