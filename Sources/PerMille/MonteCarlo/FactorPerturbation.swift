/// How a factor with a tabulated ± is drawn (Docs/method.md §11.1).
///
/// `uncertaintyPercent` U is the half-width of the factor's 95 % interval as a percentage of its
/// value, as IPCC tabulates it, so the relative standard deviation is s = U / 100 / 1.96.
/// - U ≤ 50: normal with mean 1 and deviation s, truncated at 0 (stocks, rates and factors are
///   never negative). At U = 50 the cut lies 3.9 s below the mean, so the mean moves by < 10⁻⁵.
/// - U > 50: lognormal with mean 1 and deviation s. A normal this wide would put real weight
///   below zero; IPCC (2006 Vol. 1 Ch. 3, kept in 2019) advises a positively skewed
///   distribution for positive quantities with large uncertainty.
/// The draw is a multiplier of the value, so a factor's mean stays its tabulated value.
public enum FactorDistribution: Sendable, Hashable {
    case truncatedNormal(relativeDeviation: Double)
    case lognormal(relativeDeviation: Double)

    /// Above this U (percent) the lognormal is used.
    public static let lognormalAbovePercent = 50.0

    /// The distribution of a factor with `percent` uncertainty, nil when it is held fixed (no ± or ± 0).
    public init?(percent: Double?) {
        guard let percent, percent.isFinite, percent > 0 else { return nil }
        let deviation = percent / 100 / StandardNormal.z975
        self = percent <= Self.lognormalAbovePercent ? .truncatedNormal(relativeDeviation: deviation) : .lognormal(relativeDeviation: deviation)
    }

    public var name: String {
        switch self {
        case .truncatedNormal: "normal-truncated-at-0"
        case .lognormal: "lognormal"
        }
    }

    /// The multiplier for a uniform number u in (0, 1), by inversion: one uniform per draw, and the
    /// truncation is exact (no rejection loop whose length would depend on the numbers).
    public func multiplier(_ u: Double) -> Double {
        switch self {
        case .truncatedNormal(let s):
            // Map u onto the part of the normal above 0, i.e. z ≥ −1/s.
            let below = StandardNormal.cdf(-1 / s)
            let z = StandardNormal.quantile(below + u * (1 - below))
            return max(0, 1 + s * z)
        case .lognormal(let s):
            let variance = Math.log(1 + s * s)
            return Math.exp(-variance / 2 + variance.squareRoot() * StandardNormal.quantile(u))
        }
    }
}

/// Which value a draw belongs to: a table cell (table, line, column) or a project override (its
/// place in the project's list). Every use of the same cell shares one draw per iteration.
public enum FactorIdentity {
    /// The stable hash of a table cell.
    public static func cell(table: String, line: Int, column: String) -> UInt64 {
        var hash = FNV1a.hash(table.utf8)
        hash = FNV1a.hash([0x1F], into: hash)
        hash = FNV1a.hash(String(line).utf8, into: hash)
        hash = FNV1a.hash([0x1F], into: hash)
        return FNV1a.hash(column.utf8, into: hash)
    }

    /// The stable hash of the project's override at `index`.
    public static func override(_ index: Int) -> UInt64 {
        FNV1a.hash(("override\u{1F}" + String(index)).utf8)
    }

    static func of(_ factor: Factor) -> UInt64 { cell(table: factor.table, line: factor.line, column: factor.column) }
}

/// One Monte Carlo iteration: every factor with a ± gets its own multiplier, a pure function of
/// (seed, iteration, factor identity). Factor f's draws are the SplitMix64 sequence seeded with
/// mix(seed XOR FNV-1a(f)); iteration n takes its n-th output. Nothing depends on the order in
/// which rows ask, nor on which thread runs the iteration.
public struct FactorPerturbation: Sendable {
    public var seed: UInt64
    public var iteration: Int
    /// Provisional values (reliability M) are held fixed: their ± is as unchecked as the value.
    public static func isVaried(_ factor: Factor) -> Bool {
        factor.reliability != .unverified && FactorDistribution(percent: factor.uncertaintyPercent) != nil
    }

    public init(seed: UInt64, iteration: Int) {
        self.seed = seed
        self.iteration = iteration
    }

    func apply(_ factor: Factor) -> Factor { apply(factor, identity: FactorIdentity.of(factor)) }

    func apply(_ factor: Factor, identity: UInt64) -> Factor {
        guard factor.reliability != .unverified, let distribution = FactorDistribution(percent: factor.uncertaintyPercent) else { return factor }
        return factor.perturbed(by: multiplier(distribution, identity: identity))
    }

    public func multiplier(_ distribution: FactorDistribution, identity: UInt64) -> Double {
        let stream = SplitMix64.mix(seed ^ identity)
        let bits = SplitMix64.output(seed: stream, index: UInt64(truncatingIfNeeded: iteration))
        return distribution.multiplier(SplitMix64.unit(bits))
    }
}
