import PerMille
import Testing

/// method.md §4.6: the public reference table of hectare series, to 0.01.
@Suite("Dynamics of change")
struct DynamicsTests {
    let parameters = DynamicsParameters(exponentialRate: -0.519349, maturityYears: 20)

    func series(_ a0: Double, _ end: Double, _ kind: DynamicsKind, _ ti: Int, _ tc: Int) -> AreaSeries {
        AreaSeries(from: a0, to: end, dynamics: kind, implementationYears: ti, totalYears: ti + tc, parameters: parameters)
    }

    @Test(
        "Σ H for 0 → 150 over (5, 10)",
        arguments: [
            (DynamicsKind.linear, 1875.0), (.immediate, 2250.0), (.exponential, 2015.10),
        ])
    func increasingSum(kind: DynamicsKind, expected: Double) {
        expectClose(series(0, 150, kind, 5, 10).total, expected)
    }

    @Test(
        "first six H(y) for 0 → 150 over (5, 10)",
        arguments: [
            (DynamicsKind.linear, [15.0, 45, 75, 105, 135, 150]),
            (.immediate, [150.0, 150, 150, 150, 150, 150]),
            (.exponential, [32.828, 85.186, 116.334, 134.864, 145.888, 150]),
        ])
    func firstYears(kind: DynamicsKind, expected: [Double]) {
        let yearly = series(0, 150, kind, 5, 10).yearly
        for (actual, wanted) in zip(yearly.prefix(6), expected) { expectClose(actual, wanted) }
    }

    @Test("Σ H for 150 → 0 over (5, 10)", arguments: [(DynamicsKind.linear, 375.0), (.immediate, 0.0), (.exponential, 234.90)])
    func decreasingSum(kind: DynamicsKind, expected: Double) {
        // The exponential value is the consistent formula of §4.1 (D5); EX-ACT's own differs.
        expectClose(series(150, 0, kind, 5, 10).total, expected)
    }

    @Test(
        "Σ H and Σ H_soil for 0 → 150 over (5, 20)",
        arguments: [
            (DynamicsKind.linear, 3375.0, 3000.0), (.immediate, 3750.0, 2925.0), (.exponential, 3515.10, 3000.0),
        ])
    func twentyFiveYears(kind: DynamicsKind, total: Double, soil: Double) {
        let result = series(0, 150, kind, 5, 20)
        expectClose(result.total, total)
        expectClose(result.soilTotal, soil)
    }

    @Test(
        "Σ H and Σ H_soil for 0 → 150 over (25, 5): implementation longer than 20 years",
        arguments: [
            (DynamicsKind.linear, 2625.0, 2325.0), (.immediate, 4500.0, 2925.0), (.exponential, 4204.72, 2998.37),
        ])
    func longImplementation(kind: DynamicsKind, total: Double, soil: Double) {
        let result = series(0, 150, kind, 25, 5)
        expectClose(result.total, total)
        expectClose(result.soilTotal, soil)
    }

    @Test("linear 0 → A with T ≤ 20 is A · (0.5 · T_i + T_c)")
    func linearClosedForm() {
        expectClose(series(0, 80, .linear, 4, 12).total, 80 * (0.5 * 4 + 12))
    }

    @Test("an unchanged area stays put under every dynamics, and exponential decrease is monotone")
    func unchangedArea() {
        for kind in DynamicsKind.allCases {
            #expect(series(120, 120, kind, 5, 10).yearly.allSatisfy { abs($0 - 120) < 1e-9 })
        }
        let falling = series(150, 0, .exponential, 5, 10).boundaries
        #expect(zip(falling, falling.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test("converted hectares sum to the change, the immediate jump falling in year 1")
    func changedHectares() {
        let immediate = series(0, 150, .immediate, 5, 10)
        expectClose(immediate.changed[0], 150)
        expectClose(immediate.changed.reduce(0, +), 150)
        expectClose(series(40, 150, .exponential, 5, 10).changed.reduce(0, +), 110)
    }

    @Test("under immediate, a hectare changed at the start counts fully in years 1–19 and half in year 20")
    func immediateMaturity() {
        let soil = series(0, 100, .immediate, 5, 20).soil
        #expect(soil[0..<19].allSatisfy { abs($0 - 100) < 1e-9 })
        expectClose(soil[19], 50)
        #expect(soil[20...].allSatisfy { abs($0) < 1e-9 })
    }
}
