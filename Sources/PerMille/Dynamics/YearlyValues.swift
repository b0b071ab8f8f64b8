/// Yearly arrays built on the specialized allocation path.
///
/// `Array(repeating:count:)` allocates through an unspecialized runtime entry point that looks up
/// the element type's metadata on every call; reserving and appending is specialized in this
/// module and skips that lookup. Rows build several yearly arrays each, so this showed as about
/// 8 % of an assessment's instructions.
enum YearlyValues {
    /// `count` zeros.
    static func zeros(_ count: Int) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(count)
        values.append(contentsOf: repeatElement(0, count: max(count, 0)))
        return values
    }
}
