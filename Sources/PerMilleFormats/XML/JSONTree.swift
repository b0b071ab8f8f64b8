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
}
