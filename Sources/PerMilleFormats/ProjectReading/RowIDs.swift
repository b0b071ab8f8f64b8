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

    /// Gathers the slices' ids (slices in file order) and returns them with every repeated
    /// occurrence, in file order.
    static func gather(_ slices: [[Entry]]) -> (RowIDs, [Duplicate]) {
        var index = RowIDs()
        index.first.reserveCapacity(slices.reduce(0) { $0 + $1.count })
        var duplicates: [Duplicate] = []
        for slice in slices {
            for entry in slice {
                // One hash in the usual case: insert, and put the first position back if the id was taken.
                guard let earlier = index.first.updateValue(entry.position, forKey: entry.id) else { continue }
                index.first[entry.id] = earlier
                duplicates.append(Duplicate(entry: entry, earlier: earlier))
            }
        }
        return (index, duplicates)
    }
}
