import PerMilleJSON

/// Turns a parsed value tree back into writer output, keeping key order and number literals' values.
public enum JSONTree {
    public static func output(_ node: JSONNode) -> JSONOutput {
        switch node.value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let number): number.integerValue.map(JSONOutput.integer) ?? .number(number.value)
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(output))
        case .object(let members): .object(members.map { ($0.key, output($0.value)) })
        }
    }

    /// `output` with every object's keys sorted by their UTF-8 bytes (ties, only in documents
    /// with repeated keys, keep file order): the content, whatever order the file gave it in.
    public static func canonical(_ node: JSONNode) -> JSONOutput {
        switch node.value {
        case .array(let items): return .array(items.map(canonical))
        case .object(let members):
            let sorted = members.enumerated().sorted { lhs, rhs in
                lhs.element.key == rhs.element.key
                    ? lhs.offset < rhs.offset : lhs.element.key.utf8.lexicographicallyPrecedes(rhs.element.key.utf8)
            }
            return .object(sorted.map { ($0.element.key, canonical($0.element.value)) })
        default: return output(node)
        }
    }
}
