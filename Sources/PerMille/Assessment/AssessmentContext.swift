/// Everything a module needs to compute a row: factors, site, years, method and Tier 2 overrides.
public final class AssessmentContext {
    public let factors: FactorSet
    public let site: Site
    public let method: Method
    public let factorSet: FactorSetChoice
    public let implementationYears: Int
    public let totalYears: Int
    public let dynamics: DynamicsParameters
    public let overrides: [FactorOverride]
    /// Country key of the project, for country tables (grid factors, livestock regions).
    public let country: String?
    /// Soil transition period D (years).
    public let transitionYears: Factor
    /// Perennial and agroforestry system keys (`perennial-max-agb.csv`).
    public let perennialSystems: Set<String>
    /// Lookups already answered in this assessment: rows repeat the same keys many times.
    let memo: LookupMemo
    /// SOCref of the site (before any override), looked up once.
    private let siteSOCReference: Result<Factor, MissingFactor>
    /// EF1 for mineralised N at the site's moisture regime, looked up once.
    private let siteSOMEmissionFactor: Result<Factor, MissingFactor>
    /// The `ipcc` method's EF1 for mineralised N where it differs from EX-ACT's (moist sites, D12).
    private let siteSOMEmissionFactorIPCC: Factor?
    /// Whether rows record factors and intermediates (off for the comparison run).
    public let detailed: Bool
    /// Where the overridable factors a row lacks are listed, so one run names them all (nil for
    /// the comparison run, whose failures are ignored).
    let missing: MissingFactorLog?
    /// The site's moisture regime is moist or wet, where N leaches (method.md §10.3).
    let wetSite: Bool
    /// The Monte Carlo draw this context computes (nil: the tables' own values). Applied where a
    /// value enters the context (a table lookup, a constant, an override), before it is memoized,
    /// so every row of the run sees the same drawn value of a factor.
    let perturbation: FactorPerturbation?
    /// Set by the Monte Carlo probe: records whether a row met a drawn factor (rows that meet none
    /// give the same numbers in every draw and are computed once).
    var touches: TouchLog?
    /// A constant read when the context is made (the dynamics' rate and period) is drawn: then every row depends on the draw.
    let drawsAtStart: Bool

    /// `detailed` false skips recording factors and intermediates (Monte Carlo draws need only the gases).
    public init(
        project: Project, site: Site, factors: FactorSet, method: Method, perturbation: FactorPerturbation? = nil, detailed: Bool = true
    ) throws(MissingFactor) {
        self.factors = factors
        self.site = site
        self.method = method
        self.detailed = detailed
        self.perturbation = perturbation
        self.missing = MissingFactorLog()
        self.memo = LookupMemo()
        self.factorSet = project.description.factorSet
        self.implementationYears = project.description.implementationYears
        self.totalYears = project.description.totalYears
        self.overrides = project.overrides
        self.country = project.description.country
        let moisture = site.climateZone.moisture
        self.wetSite = moisture == "moist" || moisture == "wet"
        let draw = { (factor: Factor) in perturbation?.apply(factor) ?? factor }
        let rateFactor = try factors.factor("constants", ["parameter": "exponential-dynamics-k"])
        let yearsFactor = try factors.factor("constants", ["parameter": "soc-transition-years"])
        self.drawsAtStart = perturbation != nil && (FactorPerturbation.isVaried(rateFactor) || FactorPerturbation.isVaried(yearsFactor))
        let rate = draw(rateFactor)
        let years = draw(yearsFactor)
        self.transitionYears = years
        self.dynamics = DynamicsParameters(exponentialRate: rate.value, maturityYears: Int(exactly: years.value.rounded()) ?? 0)
        self.perennialSystems = Set(factors.tables["perennial-max-agb"]?.distinctValues(ofKey: "system") ?? [])
        let socTable = factorSet == .ipcc2006 ? "soc-reference-2006" : "soc-reference"
        self.siteSOCReference = Result { () throws(MissingFactor) in
            try factors.factor(socTable, ["climate_zone": site.climateZone.rawValue, "soil_class": site.soilClass.rawValue])
        }
        // Tropical montane has no moisture class and takes the dry value, as EX-ACT does.
        let somKey = [
            "parameter": "ef1", "n_source": "mineralised-soil-n", "climate_zone": site.climateZone.rawValue,
            "moisture_regime": site.climateZone.moisture ?? "dry",
        ]
        // The site's factors are drawn where a row uses them (`socReference`, `somEmissionFactor`).
        self.siteSOMEmissionFactor = Result { () throws(MissingFactor) in try factors.factor("n2o-emission-factors", somKey) }
        self.siteSOMEmissionFactorIPCC =
            project.description.factorSet == .ipcc2019
            ? try? factors.factor("n2o-emission-factors-ipcc-method", somKey) : nil
    }

    /// A table lookup, answered once per assessment for each distinct key.
    func lookup(_ table: String, _ key: [String: String], column: String = "value", ignoring: Set<String> = []) throws(MissingFactor) -> Factor {
        var memoKey = table + "\u{1F}" + column
        for name in key.keys.sorted() { memoKey += "\u{1F}" + name + "=" + (key[name] ?? "") }
        if let known = memo.factors[memoKey] { return try known.get() }
        let found: Result<Factor, MissingFactor>
        do { found = .success(perturbed(try factors.factor(table, key, column: column, ignoring: ignoring))) } catch { found = .failure(error) }
        memo.factors[memoKey] = found
        return try found.get()
    }

    /// Same context under the other method, for the divergence comparison.
    func switching(to method: Method) -> AssessmentContext {
        AssessmentContext(copying: self, method: method, detailed: false)
    }

    private init(copying other: AssessmentContext, method: Method, detailed: Bool) {
        factors = other.factors
        site = other.site
        self.method = method
        self.detailed = detailed
        missing = nil
        perturbation = other.perturbation
        touches = other.touches
        drawsAtStart = other.drawsAtStart
        factorSet = other.factorSet
        implementationYears = other.implementationYears
        totalYears = other.totalYears
        dynamics = other.dynamics
        overrides = other.overrides
        country = other.country
        wetSite = other.wetSite
        transitionYears = other.transitionYears
        perennialSystems = other.perennialSystems
        memo = other.memo
        siteSOCReference = other.siteSOCReference
        siteSOMEmissionFactor = other.siteSOMEmissionFactor
        siteSOMEmissionFactorIPCC = other.siteSOMEmissionFactorIPCC
    }

    func makeRecorder() -> RowRecorder { RowRecorder(detailed: detailed) }

    /// Runs `compute` once per key and replays what it recorded for each later row with the same key.
    ///
    /// Rows share states (the same practice in the same climate), so their factors are found once.
    /// Rows with a Tier 2 override of their own are always computed afresh.
    func memoized<Value>(
        _ kind: String, _ parts: String..., rowID: String, recorder: inout RowRecorder,
        _ compute: (inout RowRecorder) throws(MissingFactor) -> Value
    ) throws(MissingFactor) -> Value {
        if !overrides.isEmpty, overrides.contains(where: { !$0.appliesTo.isEmpty && $0.applies(to: rowID) }) { return try compute(&recorder) }
        let memoKey = MemoKey(kind: kind, parts: parts, ipcc: method == .ipcc, detailed: detailed, valueType: ObjectIdentifier(Value.self))
        let known =
            memo.recent(memoKey)
            ?? memo.computations[memoKey].map { entry in
                memo.remember(memoKey, entry)
                return entry
            }
        if let entry = known {
            if var missing = entry.failure {
                missing.rowID = rowID
                throw missing
            }
            recorder.replay(entry.recorder)
            // The key holds the value's type, so the box is a `MemoBox<Value>`; no runtime cast is needed.
            return unsafeDowncast(entry.value, to: MemoBox<Value>.self).value
        }
        var local = makeRecorder()
        let missingBefore = missing?.found.count ?? 0
        do {
            let value = try compute(&local)
            recorder.replay(local)
            // A computation that met a missing factor is not kept: each later row must list it too.
            guard missing?.found.count ?? 0 == missingBefore else { return value }
            let entry = MemoEntry(value: MemoBox(value), recorder: local)
            memo.computations[memoKey] = entry
            memo.remember(memoKey, entry)
            return value
        } catch {
            memo.computations[memoKey] = MemoEntry(failure: error)
            throw error
        }
    }

    /// The hectare series of a row moving `from` → `to` with the method's exponential rule (D5).
    ///
    /// `ownArea` is false for series permille derives itself (hectares still in the start state):
    /// EX-ACT has no such series, so its quirk does not apply to them.
    func series(from start: Double, to end: Double, dynamics kind: DynamicsKind, ownArea: Bool = true, recorder: inout RowRecorder) -> AreaSeries {
        if ownArea, kind == .exponential, method == .exactV94, end == 0, start > 0 {
            recorder.divergence(.d5)
            recorder.note("exponential decrease \(start) → 0 ha follows EX-ACT v9.4, which returns the 0 → \(start) curve; EX-ACT's own figure is unsound here (D5)")
            return cachedSeries(from: 0, to: start, dynamics: kind)
        }
        if ownArea, kind == .exponential, end == 0, start > 0 { recorder.divergence(.d5) }
        return cachedSeries(from: start, to: end, dynamics: kind)
    }

    /// The hectares still in their 20-year soil transition, by the method's rule (D7): `exact-v9.4`
    /// clips each boundary before averaging, as FAO's engine does; `ipcc` averages, then clips.
    func soilHectares(_ series: AreaSeries) -> [Double] {
        method == .exactV94 ? series.soilClippedAtBoundaries ?? series.soil : series.soil
    }

    /// Series depend only on their ends and dynamics, and a row's comparison run asks for the same
    /// ones right after its own run: a few recent series are kept, not every one ever built.
    private func cachedSeries(from start: Double, to end: Double, dynamics kind: DynamicsKind) -> AreaSeries {
        let key = SeriesKey(start: start, end: end, dynamics: DynamicsKind.allCases.firstIndex(of: kind) ?? 0)
        if let known = memo.recentSeries.first(where: { $0.key == key }) { return known.series }
        let series = AreaSeries(from: start, to: end, dynamics: kind, implementationYears: implementationYears, totalYears: totalYears, parameters: dynamics)
        if memo.recentSeries.count < LookupMemo.recentSeriesCount {
            memo.recentSeries.append((key, series))
        } else {
            memo.recentSeries[memo.nextSeriesSlot] = (key, series)
            memo.nextSeriesSlot = (memo.nextSeriesSlot + 1) % LookupMemo.recentSeriesCount
        }
        return series
    }

    /// A factor, or the project's Tier 2 override of it for this row.
    func factor(
        _ overrideName: String, rowID: String, hint: String? = nil, _ lookup: () throws(MissingFactor) -> Factor
    ) throws(MissingFactor) -> Factor {
        guard OverridableFactors.isDeclared(overrideName) else {
            throw MissingFactor(
                table: "override", key: "factor=\(overrideName)", rowID: rowID,
                hint: "internal error: permille asked for an override name it does not declare (OverridableFactors); please report it")
        }
        if let override = override(overrideName, rowID: rowID) { return override }
        do { return try lookup() } catch {
            var lacking = error
            lacking.rowID = rowID
            lacking.hint = hint ?? lacking.hint
            guard let missing else { throw lacking }
            // Listed, and the row goes on with a stand-in so its other missing factors are found
            // in the same run; a row with any listed factor never reaches a result.
            missing.found.append(lacking)
            return Factor(
                value: 1, unit: "", uncertaintyPercent: nil, source: "stand-in for a missing factor", table: lacking.table,
                key: lacking.key, line: 0, reliability: .unverified)
        }
    }

    /// A factor that a row may do without: its override, else the table's value, else nil, and
    /// nothing is listed as missing (the row refuses later if it turns out to need it).
    func factorIfGiven(_ overrideName: String, rowID: String, _ lookup: () throws(MissingFactor) -> Factor) -> Factor? {
        if let override = override(overrideName, rowID: rowID) { return override }
        return try? lookup()
    }

    /// The row's Tier 2 override of `overrideName`, the last one given that applies to it.
    private func override(_ overrideName: String, rowID: String) -> Factor? {
        guard let index = overrides.lastIndex(where: { $0.factor == overrideName && $0.applies(to: rowID) }) else { return nil }
        let override = overrides[index]
        let factor = Factor(
            value: override.value, unit: "as the default it replaces", uncertaintyPercent: override.uncertaintyPercent,
            source: override.source, table: "override", key: "factor=\(overrideName)", line: 0, reliability: .override)
        // Identified by its place in the project's list: every row it applies to shares its draw.
        return perturbed(factor, identity: FactorIdentity.override(index))
    }

    /// `factor` as drawn in this context's Monte Carlo iteration (itself outside one).
    func perturbed(_ factor: Factor) -> Factor {
        guard perturbation != nil else { return factor }
        return perturbed(factor, identity: FactorIdentity.of(factor))
    }

    func perturbed(_ factor: Factor, identity: UInt64) -> Factor {
        guard let perturbation else { return factor }
        if let touches, FactorPerturbation.isVaried(factor) { touches.touched = true }
        return perturbation.apply(factor, identity: identity)
    }

    /// Maps a project-file key to the factor tables' key through `vocabulary.csv`.
    func vocabulary(_ field: String, _ key: String) -> String {
        factors.text("vocabulary", [field, key], column: "maps_to") ?? key
    }

    // MARK: - Shared lookups

    /// SOCref for the site (IPCC 2019 or 2006 Table 2.3), overridable as `soc-ref`.
    func socReference(rowID: String) throws(MissingFactor) -> Factor {
        try factor("soc-ref", rowID: rowID) { () throws(MissingFactor) in perturbed(try siteSOCReference.get()) }
    }

    /// A stock-change factor (F_LU, F_MG or F_I); the `ipcc` method takes IPCC 2019 values where EX-ACT keeps 2006 ones (D4).
    ///
    /// `overrideName` is the Tier 2 name that replaces it (default: the factor's own, e.g. `f-mg`).
    func stockChangeFactor(
        _ factorName: String, landUse: String, practice: String, usedIn: String, overrideName: String? = nil,
        rowID: String, recorder: inout RowRecorder
    ) throws(MissingFactor) -> Factor {
        let key = [
            "used_in": usedIn, "land_use": landUse, "practice": practice, "factor": factorName,
            "climate_zone": site.climateZone.rawValue,
        ]
        let mainTable = factorSet == .ipcc2006 ? "soil-stock-change-factors-2006" : "soil-stock-change-factors"
        return try factor(overrideName ?? factorName, rowID: rowID) { () throws(MissingFactor) in
            let main = try lookup(mainTable, key)
            guard factorSet == .ipcc2019, let alternative = try? lookup("soil-stock-change-factors-ipcc-method", key),
                alternative.nominalValue != main.nominalValue
            else { return main }
            recorder.divergence(.d4)
            return method == .ipcc ? alternative : main
        }
    }

    /// EF1 for N from mineralised soil organic matter (method.md §6); IPCC 2019's wet value on moist sites in `ipcc` (D12).
    func somEmissionFactor(rowID: String, recorder: inout RowRecorder) throws(MissingFactor) -> Factor {
        try factor("ef1-som", rowID: rowID) { () throws(MissingFactor) in
            let main = perturbed(try siteSOMEmissionFactor.get())
            guard let alternative = siteSOMEmissionFactorIPCC.map(perturbed), alternative.nominalValue != main.nominalValue else { return main }
            recorder.divergence(.d12)
            return method == .ipcc ? alternative : main
        }
    }

    /// A factor of an N2O table, or, in the `ipcc` method with the 2019 set, the row with the same key
    /// of its overlay (`<table>-ipcc-method`): IPCC 2019's wet value where EX-ACT averages wet and dry
    /// for moist climates (D12, recorded under either method when the two differ).
    func nitrousOxideFactor(_ table: String, _ key: [String: String], recorder: inout RowRecorder) throws(MissingFactor) -> Factor {
        let main = try lookup(table, key)
        guard factorSet == .ipcc2019, let alternative = try? lookup(table + "-ipcc-method", key), alternative.nominalValue != main.nominalValue
        else { return main }
        recorder.divergence(.d12)
        return method == .ipcc ? alternative : main
    }

    func constant(_ parameter: String, rowID: String? = nil) throws(MissingFactor) -> Factor {
        func table() throws(MissingFactor) -> Factor {
            if let known = memo.constants[parameter] { return try known.get() }
            let found = Result { () throws(MissingFactor) in perturbed(try factors.factor("constants", ["parameter": parameter])) }
            memo.constants[parameter] = found
            return try found.get()
        }
        guard let rowID else { return try table() }
        return try factor(parameter, rowID: rowID, table)
    }

    /// The EX-ACT region, required by regional tables.
    func region(rowID: String, table: String) throws(MissingFactor) -> String {
        guard let region = site.region else {
            throw MissingFactor(table: table, key: "region=(none)", rowID: rowID, hint: "give project.region or a project.country that maps to one")
        }
        return region
    }
}

/// Memo of factor lookups for one assessment run; never shared between runs or threads.
///
/// One slice's context owns it and uses it from one thread, one access at a time, so the runtime's
/// exclusivity checks on its properties (two calls into the runtime per access, thousands of
/// accesses per slice) are turned off.
final class LookupMemo {
    @exclusivity(unchecked) var factors: [String: Result<Factor, MissingFactor>] = [:]
    @exclusivity(unchecked) var computations: [MemoKey: MemoEntry] = [:]
    /// The last series built (a row needs at most four per run; its comparison run repeats them).
    @exclusivity(unchecked) var recentSeries: [(key: SeriesKey, series: AreaSeries)] = []
    @exclusivity(unchecked) var nextSeriesSlot = 0
    static let recentSeriesCount = 8
    @exclusivity(unchecked) var constants: [String: Result<Factor, MissingFactor>] = [:]
    /// Indirect-N2O parameters (Frac_GASF, Frac_GASM, Frac_LEACH, EF4, EF5): asked for by most rows.
    @exclusivity(unchecked) var indirect: [String: Result<Factor, MissingFactor>] = [:]
    /// The last computations looked up: neighbouring rows mostly share their states, and comparing
    /// a few keys costs less than hashing one.
    @exclusivity(unchecked) private var recentComputations: [(key: MemoKey, entry: MemoEntry)] = []
    @exclusivity(unchecked) private var nextComputationSlot = 0
    static let recentComputationCount = 8

    func recent(_ key: MemoKey) -> MemoEntry? {
        for index in recentComputations.indices where recentComputations[index].key == key { return recentComputations[index].entry }
        return nil
    }

    func remember(_ key: MemoKey, _ entry: MemoEntry) {
        if recentComputations.count < Self.recentComputationCount {
            recentComputations.append((key, entry))
        } else {
            recentComputations[nextComputationSlot] = (key, entry)
            nextComputationSlot = (nextComputationSlot + 1) % Self.recentComputationCount
        }
    }
}

struct SeriesKey: Hashable {
    var start: Double
    var end: Double
    /// Position of the dynamics in `DynamicsKind.allCases` (hashing the raw string would cost more).
    var dynamics: Int
}

/// What a memoized computation depends on: its kind, the state's keys, the method and the detail.
/// (Enums with string raw values hash their strings, so the method is kept as a flag.)
///
/// The derived `==` compares in declaration order and stops at the first difference, so the
/// fields that are cheap to compare and most often differ come first: the recent-key scan then
/// turns away the other method's keys, and other computations' keys, before comparing any string.
struct MemoKey: Hashable {
    var ipcc: Bool
    var detailed: Bool
    var valueType: ObjectIdentifier
    var kind: String
    var parts: [String]

    init(kind: String, parts: [String], ipcc: Bool, detailed: Bool, valueType: ObjectIdentifier) {
        self.ipcc = ipcc
        self.detailed = detailed
        self.valueType = valueType
        self.kind = kind
        self.parts = parts
    }
}

/// A memoized computation's value and records, or why it failed.
///
/// A class, so handing an entry out of the memo costs one reference count, not one per array it
/// holds (and no generic `Result` copy).
final class MemoEntry {
    /// A `MemoBox` of the computation's value type: a class cast is cheaper than unboxing `Any`.
    let value: AnyObject
    let recorder: RowRecorder
    let failure: MissingFactor?

    init(value: AnyObject, recorder: RowRecorder) {
        self.value = value
        self.recorder = recorder
        self.failure = nil
    }

    init(failure: MissingFactor) {
        self.value = MemoBox(())
        self.recorder = RowRecorder()
        self.failure = failure
    }
}

final class MemoBox<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Whether a row met a factor drawn by the Monte Carlo run (one row, one thread).
final class TouchLog {
    var touched = false
}

/// The missing overridable factors a slice's rows met, in the order met.
final class MissingFactorLog {
    var found: [MissingFactor] = []
}
