import PerMilleJSON

/// Every row id of a file with where it first stands.
// One dictionary filled in file order after the slices are read: checking the ids in 16 hash
// partitions on both cores saved under 10 % of a 10 000-row assessment measured as a whole
// process (Benchmarks/README.md), less than the 20 % that would pay for the extra code.
struct RowIDs: Sendable {
    private var first: [String: JSONPosition] = [:]

    subscript(id: String) -> JSONPosition? { first[id] }

    /// All ids, sorted (for "did you mean").
    var sortedKeys: [String] { first.keys.sorted() }

    /// One occurrence of an id, with what a duplicate report needs.
    struct Entry: Sendable {
        var id: String
        var position: JSONPosition
        var module: String
        var index: Int
    }

    /// A later occurrence of an id, and where the id first stands in the file.
    struct Duplicate: Sendable {
        var entry: Entry
        var earlier: JSONPosition
    }

    /// Gathers the slices' ids and returns them with every repeated occurrence, in file order.
    ///
    /// The slices come in the reader's module order, which need not be the file's (`rice` may
    /// stand before `grassland`): the entries are put in file order first, so "first" is the
    /// first in the file and each later use is the one reported (format.md, Errors).
    static func gather(_ slices: [[Entry]]) -> (RowIDs, [Duplicate]) {
        var index = RowIDs()
        var entries = slices.flatMap { $0 }
        if !zip(entries, entries.dropFirst()).allSatisfy({ before($0.position, $1.position) }) {
            entries = entries.enumerated().sorted { lhs, rhs in
                lhs.element.position.line != rhs.element.position.line || lhs.element.position.column != rhs.element.position.column
                    ? before(lhs.element.position, rhs.element.position) : lhs.offset < rhs.offset
            }.map(\.element)
        }
        index.first.reserveCapacity(entries.count)
        var duplicates: [Duplicate] = []
        for entry in entries {
            // One hash in the usual case: insert, and put the first position back if the id was taken.
            guard let earlier = index.first.updateValue(entry.position, forKey: entry.id) else { continue }
            index.first[entry.id] = earlier
            duplicates.append(Duplicate(entry: entry, earlier: earlier))
        }
        return (index, duplicates)
    }

    /// Whether `lhs` stands before `rhs` in the file (line, then column: the same for JSON and XML).
    private static func before(_ lhs: JSONPosition, _ rhs: JSONPosition) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }
}
