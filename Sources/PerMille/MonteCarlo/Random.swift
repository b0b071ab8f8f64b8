/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`): a 64-bit Weyl sequence
/// passed through a mixing function. Chosen because its n-th output can be computed directly,
/// so a factor's draw in iteration n needs no generator state carried from iteration n − 1:
/// the Monte Carlo result cannot depend on how draws are split between threads.
public struct SplitMix64: Sendable {
    /// The Weyl increment, 2^64 / φ.
    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next output, as `splitmix64.c`'s `next()`.
    public mutating func next() -> UInt64 {
        state &+= Self.gamma
        return Self.mix(state)
    }

    /// The `n`-th output (n = 0 is the first `next()`) of the generator seeded with `seed`.
    public static func output(seed: UInt64, index: UInt64) -> UInt64 {
        mix(seed &+ (index &+ 1) &* gamma)
    }

    /// The mixing function (Stafford's variant 13 of MurmurHash3's finaliser).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number strictly inside (0, 1) from 64 random bits: the top 53 bits, centred in
    /// their cell, so the inverse normal never sees 0 or 1.
    static func unit(_ bits: UInt64) -> Double {
        (Double(bits >> 11) + 0.5) * 0x1p-53
    }
}

/// 64-bit FNV-1a (Fowler, Noll, Vo): a stable hash of a factor's identity. Swift's `Hasher` is
/// seeded anew in every process, so it cannot name a random stream that must be the same tomorrow.
public enum FNV1a {
    public static func hash(_ bytes: some Sequence<UInt8>, into start: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var hash = start
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// The standard normal distribution's quantile and distribution functions.
enum StandardNormal {
    /// Φ⁻¹(p) for 0 < p < 1 by Acklam's rational approximation (relative error < 1.15 × 10⁻⁹,
    /// far below the Monte Carlo error of any interval drawn from it).
    static func quantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155833038e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * Math.log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low {
            let q = (-2 * Math.log(1 - p)).squareRoot()
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }

    /// Φ(x).
    static func cdf(_ x: Double) -> Double { 0.5 * Math.erfc(-x / 2.0.squareRoot()) }

    /// z of the two-sided 95 % interval, Φ⁻¹(0.975).
    static let z975 = 1.959963984540054
}
