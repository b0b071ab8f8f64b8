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
        var rows = ModuleRowLists()
        var diagnostics: [Diagnostic] = []
        var ids = RowIDs()
    }

    private struct Slice: Sendable {
        var module: ModuleKind
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
            merged.rows.append(contentsOf: outcome.rows.rows)
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

    /// Slices in file order; large lists are cut in two so both cores have work (more pieces cost
    /// more in per-slice set-up than they gain in balance, measured on the benchmark).
    private static func plan(_ modules: Fields) -> [Slice] {
        let total = ModuleKind.allCases.reduce(0) { $0 + (modules[$1.rawValue]?.array?.count ?? 0) }
        let pieces = total >= parallelThreshold ? 2 : 1
        var slices: [Slice] = []
        for module in ModuleKind.allCases {
            guard let node = modules[module.rawValue] else { continue }
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
        slice.module.readRows(slice.node, range: slice.range, with: &rows, into: &decoded.rows)
        decoded.diagnostics = rows.reader.diagnostics
        return SliceOutcome(rows: decoded, idEntries: rows.idEntries)
    }
}
