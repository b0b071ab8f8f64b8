import Dispatch
import PerMille
import PerMilleJSON
import Synchronization

/// Reads the module row lists in slices on all cores; the result does not depend on timing.
///
/// Each slice has its own reader; their rows and diagnostics are put back in file order, and row
/// ids are checked for duplicates across slices afterwards, in the same order.
enum RowSlices {
    /// Files with fewer rows than this are read on one thread.
    static let parallelThreshold = 2_000

    struct Decoded: Sendable {
        var landUseChange: [LandUseChangeRow] = []
        var annualCrops: [AnnualCropRow] = []
        var perennialCrops: [PerennialRow] = []
        var grassland: [GrasslandRow] = []
        var forestManagement: [ForestManagementRow] = []
        var organicSoils: [OrganicSoilRow] = []
        var coastalWetlands: [CoastalWetlandRow] = []
        var rice: [RiceRow] = []
        var livestock: [LivestockRow] = []
        var inputs: [InputRow] = []
        var diagnostics: [Diagnostic] = []
        var ids = RowIDs()
    }

    private struct Slice: Sendable {
        var module: String
        var node: JSONNode
        var range: Range<Int>?
    }

    private struct SliceOutcome: Sendable {
        var rows = Decoded()
        var idEntries: [RowIDs.Entry] = []
    }

    static func read(_ modules: Fields, file: String, vocabulary: Vocabulary, defaultDynamics: DynamicsKind) -> Decoded {
        let slices = plan(modules)
        let outcomes = Mutex<[Int: SliceOutcome]>([:])
        let read: @Sendable (Int) -> Void = { index in
            let outcome = readSlice(slices[index], file: file, vocabulary: vocabulary, defaultDynamics: defaultDynamics)
            outcomes.withLock { $0[index] = outcome }
        }
        if slices.count > 1 {
            DispatchQueue.concurrentPerform(iterations: slices.count, execute: read)
        } else {
            slices.indices.forEach(read)
        }
        var merged = Decoded()
        var reader = DocumentReader(file: file)
        // Taken out of the lock so each outcome is held once: a module's first slice is then moved
        // into place, not copied row by row.
        var collected = outcomes.withLock { outcomes in
            let taken = outcomes
            outcomes = [:]
            return taken
        }
        let idEntries = slices.indices.map { collected[$0]?.idEntries ?? [] }.filter { !$0.isEmpty }
        for index in slices.indices {
            guard let outcome = collected.removeValue(forKey: index) else { continue }
            append(outcome.rows.landUseChange, to: &merged.landUseChange)
            append(outcome.rows.annualCrops, to: &merged.annualCrops)
            append(outcome.rows.perennialCrops, to: &merged.perennialCrops)
            append(outcome.rows.grassland, to: &merged.grassland)
            append(outcome.rows.forestManagement, to: &merged.forestManagement)
            append(outcome.rows.organicSoils, to: &merged.organicSoils)
            append(outcome.rows.coastalWetlands, to: &merged.coastalWetlands)
            append(outcome.rows.rice, to: &merged.rice)
            append(outcome.rows.livestock, to: &merged.livestock)
            append(outcome.rows.inputs, to: &merged.inputs)
            reader.append(outcome.rows.diagnostics)
        }
        let (ids, duplicates) = RowIDs.gather(idEntries)
        merged.ids = ids
        for duplicate in duplicates {
            let entry = duplicate.entry
            reader.report(
                "row.duplicate-id", "row id '\(entry.id)' is used twice (first at line \(duplicate.earlier.line))", at: entry.position,
                path: "modules.\(entry.module)[\(entry.index)].id", row: entry.id, expected: "ids unique in the file",
                found: "a second '\(entry.id)'")
        }
        merged.diagnostics = reader.diagnostics
        return merged
    }

    /// Appends a slice's rows; the first slice of a module is taken whole, sharing its storage.
    private static func append<Row>(_ rows: [Row], to merged: inout [Row]) {
        if merged.isEmpty { merged = rows } else if !rows.isEmpty { merged += rows }
    }

    /// Slices in file order; large lists are cut in two so both cores have work (more pieces cost
    /// more in per-slice set-up than they gain in balance, measured on the benchmark).
    private static func plan(_ modules: Fields) -> [Slice] {
        let total = ProjectDecoder.supportedModules.reduce(0) { $0 + (modules[$1]?.array?.count ?? 0) }
        let pieces = total >= parallelThreshold ? 2 : 1
        var slices: [Slice] = []
        for module in ProjectDecoder.supportedModules {
            guard let node = modules[module] else { continue }
            guard let count = node.array?.count, pieces > 1, count > 1 else {
                slices.append(Slice(module: module, node: node, range: nil))
                continue
            }
            for piece in 0..<pieces {
                slices.append(Slice(module: module, node: node, range: (count * piece / pieces)..<(count * (piece + 1) / pieces)))
            }
        }
        return slices
    }

    private static func readSlice(_ slice: Slice, file: String, vocabulary: Vocabulary, defaultDynamics: DynamicsKind) -> SliceOutcome {
        var rows = RowReader(reader: DocumentReader(file: file), vocabulary: vocabulary, defaultDynamics: defaultDynamics)
        var decoded = Decoded()
        switch slice.module {
        case "landUseChange": decoded.landUseChange = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.landUseChange)
        case "annualCrops": decoded.annualCrops = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.annualCrop)
        case "perennialCrops": decoded.perennialCrops = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.perennial)
        case "grassland": decoded.grassland = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.grassland)
        case "forestManagement": decoded.forestManagement = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.forestManagement)
        case "organicSoils": decoded.organicSoils = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.organicSoil)
        case "coastalWetlands": decoded.coastalWetlands = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.coastalWetland)
        case "rice": decoded.rice = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.rice)
        case "livestock": decoded.livestock = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.livestock)
        default: decoded.inputs = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.input)
        }
        decoded.diagnostics = rows.reader.diagnostics
        return SliceOutcome(rows: decoded, idEntries: rows.idEntries)
    }
}
