import Dispatch
import PerMilleJSON
import Synchronization

/// Every row id of a file with where it first stands, kept in hash partitions.
///
/// Partitions let the ids of a large file be gathered, and checked for duplicates across the
/// slices read on different cores, one partition per task: an id always falls in the same
/// partition, so each partition sees every occurrence of its ids, in file order.
struct RowIDs: Sendable {
    static let partitionCount = 16

    private var partitions: [[String: JSONPosition]] = Array(repeating: [:], count: partitionCount)

    static func partition(of id: String) -> Int { id.hashValue & (partitionCount - 1) }

    subscript(id: String) -> JSONPosition? { partitions[Self.partition(of: id)][id] }

    /// All ids, sorted (for "did you mean").
    var sortedKeys: [String] { partitions.flatMap(\.keys).sorted() }

    /// One occurrence of an id in a slice of rows, with what a duplicate report needs.
    struct Entry: Sendable {
        var id: String
        var position: JSONPosition
        var module: String
        var index: Int
        /// Its place among the slice's entries, to report duplicates in file order.
        var order: Int
    }

    /// A later occurrence of an id, and where the id first stands in the file.
    struct Duplicate: Sendable {
        var slice: Int
        var entry: Entry
        var earlier: JSONPosition
    }

    /// Gathers the slices' ids (each slice's entries grouped by partition, slices in file order)
    /// and returns them with every repeated occurrence, in file order.
    static func gather(_ slices: [[[Entry]]]) -> (RowIDs, [Duplicate]) {
        let results = Mutex<[Int: ([String: JSONPosition], [Duplicate])]>([:])
        DispatchQueue.concurrentPerform(iterations: partitionCount) { partition in
            var ids: [String: JSONPosition] = [:]
            ids.reserveCapacity(slices.reduce(0) { $0 + $1[partition].count })
            var duplicates: [Duplicate] = []
            for (slice, groups) in slices.enumerated() {
                for entry in groups[partition] {
                    // One hash in the usual case: insert, and put the first position back if the id was taken.
                    guard let earlier = ids.updateValue(entry.position, forKey: entry.id) else { continue }
                    ids[entry.id] = earlier
                    duplicates.append(Duplicate(slice: slice, entry: entry, earlier: earlier))
                }
            }
            results.withLock { $0[partition] = (ids, duplicates) }
        }
        var index = RowIDs()
        var duplicates: [Duplicate] = []
        let gathered = results.withLock { $0 }
        for partition in 0..<partitionCount {
            guard let (ids, found) = gathered[partition] else { continue }
            index.partitions[partition] = ids
            duplicates += found
        }
        duplicates.sort { ($0.slice, $0.entry.order) < ($1.slice, $1.entry.order) }
        return (index, duplicates)
    }
}
