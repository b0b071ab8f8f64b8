import PerMilleJSON
import Testing

/// The error `JSONParser` throws for `bytes`, or nil if they parse.
func syntaxError(_ bytes: [UInt8], maxDepth: Int = 256) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}

func syntaxError(_ text: String, maxDepth: Int = 256) -> JSONSyntaxError? {
    syntaxError(Array(text.utf8), maxDepth: maxDepth)
}

/// Converts a parsed value for writing, the way a caller echoing input would: integer
/// literals stay integers, so the round trip can compare `JSONOutput`s exactly.
func output(_ node: JSONNode) -> JSONOutput {
    switch node.value {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .number(let number):
        if !number.literal.contains(where: { ".eE".contains($0) }), let integer = Int(number.literal) {
            .integer(integer)
        } else {
            .number(number.value)
        }
    case .string(let string): .string(string)
    case .array(let elements): .array(elements.map(output))
    case .object(let members): .object(members.map { ($0.key, output($0.value)) })
    }
}

extension JSONPosition {
    /// "line:column@offset", so one string checks all three parts of a position.
    var full: String { "\(line):\(column)@\(offset)" }
}
