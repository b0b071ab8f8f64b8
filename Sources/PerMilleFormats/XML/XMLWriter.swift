import PerMilleJSON

/// Writes a value tree as permille XML: an element per key, `item` elements for lists, and a
/// `type` attribute only where the text alone would read back as something else.
public enum XMLWriter {
    public static func write(_ root: JSONNode) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        element("permille", root, indent: 0, into: &output)
        return output
    }

    private static func element(_ name: String, _ node: JSONNode, indent: Int, into output: inout String) {
        let padding = String(repeating: "  ", count: indent)
        let (tag, keyAttribute) = isXMLName(name) ? (name, "") : ("entry", " key=\"\(escape(name, attribute: true))\"")
        switch node.value {
        case .object(let members):
            if members.isEmpty {
                output += "\(padding)<\(tag)\(keyAttribute) type=\"object\"/>\n"
                return
            }
            output += "\(padding)<\(tag)\(keyAttribute)>\n"
            for member in members { element(member.key, member.value, indent: indent + 1, into: &output) }
            output += "\(padding)</\(tag)>\n"
        case .array(let items):
            if items.isEmpty {
                output += "\(padding)<\(tag)\(keyAttribute) type=\"array\"/>\n"
                return
            }
            output += "\(padding)<\(tag)\(keyAttribute) type=\"array\">\n"
            for item in items { element("item", item, indent: indent + 1, into: &output) }
            output += "\(padding)</\(tag)>\n"
        case .null:
            output += "\(padding)<\(tag)\(keyAttribute) type=\"null\"/>\n"
        case .bool(let flag):
            output += "\(padding)<\(tag)\(keyAttribute)>\(flag)</\(tag)>\n"
        case .number(let number):
            output += "\(padding)<\(tag)\(keyAttribute)>\(number.literal)</\(tag)>\n"
        case .string(let text):
            let type = ScalarText.needsStringType(text) ? " type=\"string\"" : ""
            output += "\(padding)<\(tag)\(keyAttribute)\(type)>\(escape(text, attribute: false))</\(tag)>\n"
        }
    }

    /// Keys that are XML names become element names; any other key is written `<entry key="…">`.
    static func isXMLName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        guard !name.lowercased().hasPrefix("xml"), name != "entry" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    static func escape(_ text: String, attribute: Bool) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"" where attribute: escaped += "&quot;"
            case "\r": escaped += "&#13;"
            case "\t" where attribute: escaped += "&#9;"
            case "\n" where attribute: escaped += "&#10;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
