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
        var rice: [RiceRow] = []
        var livestock: [LivestockRow] = []
        var inputs: [InputRow] = []
        var diagnostics: [Diagnostic] = []
        var ids: [String: JSONPosition] = [:]
    }

    private struct Slice: Sendable {
        var module: String
        var node: JSONNode
        var range: Range<Int>?
    }

    private struct SliceOutcome: Sendable {
        var rows = Decoded()
        var idOrder: [(id: String, position: JSONPosition, module: String, index: Int)] = []
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
        merged.ids.reserveCapacity(collectedRowCount(slices))
        var reader = DocumentReader(file: file)
        let collected = outcomes.withLock { $0 }
        for index in slices.indices {
            guard let outcome = collected[index] else { continue }
            merged.landUseChange += outcome.rows.landUseChange
            merged.annualCrops += outcome.rows.annualCrops
            merged.perennialCrops += outcome.rows.perennialCrops
            merged.grassland += outcome.rows.grassland
            merged.forestManagement += outcome.rows.forestManagement
            merged.organicSoils += outcome.rows.organicSoils
            merged.rice += outcome.rows.rice
            merged.livestock += outcome.rows.livestock
            merged.inputs += outcome.rows.inputs
            reader.append(outcome.rows.diagnostics)
            for entry in outcome.idOrder {
                guard let earlier = merged.ids.updateValue(entry.position, forKey: entry.id) else { continue }
                merged.ids[entry.id] = earlier
                reader.report(
                    "row.duplicate-id", "row id '\(entry.id)' is used twice (first at line \(earlier.line))", at: entry.position,
                    path: "modules.\(entry.module)[\(entry.index)].id", row: entry.id, expected: "ids unique in the file",
                    found: "a second '\(entry.id)'")
            }
        }
        merged.diagnostics = reader.diagnostics
        return merged
    }

    private static func collectedRowCount(_ slices: [Slice]) -> Int {
        slices.reduce(0) { $0 + ($1.range?.count ?? $1.node.array?.count ?? 0) }
    }

    /// Slices in file order; large lists are cut in two so both cores have work.
    private static func plan(_ modules: Fields) -> [Slice] {
        let total = ProjectDecoder.supportedModules.reduce(0) { $0 + (modules[$1]?.array?.count ?? 0) }
        let pieces = total >= parallelThreshold ? 4 : 1
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
        var rows = RowReader(reader: DocumentReader(file: file), vocabulary: vocabulary, ids: [:], defaultDynamics: defaultDynamics)
        var decoded = Decoded()
        switch slice.module {
        case "landUseChange": decoded.landUseChange = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.landUseChange)
        case "annualCrops": decoded.annualCrops = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.annualCrop)
        case "perennialCrops": decoded.perennialCrops = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.perennial)
        case "grassland": decoded.grassland = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.grassland)
        case "forestManagement": decoded.forestManagement = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.forestManagement)
        case "organicSoils": decoded.organicSoils = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.organicSoil)
        case "rice": decoded.rice = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.rice)
        case "livestock": decoded.livestock = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.livestock)
        default: decoded.inputs = rows.list(slice.node, module: slice.module, range: slice.range, read: RowReader.input)
        }
        decoded.diagnostics = rows.reader.diagnostics
        return SliceOutcome(rows: decoded, idOrder: rows.idOrder)
    }
}
