import PerMille
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

/// What `convert` cannot carry over without changing it, found before anything is written.
public enum ConversionCheck {
    /// Numbers that are not finite (`1e400` reads as infinity, which no encoding writes back as
    /// it was), and, when the target is XML, text XML 1.0 cannot hold at all: control characters
    /// other than tab, line feed and carriage return, and U+FFFE / U+FFFF. Refused rather than
    /// dropped or replaced, so a conversion either keeps every value or says which one it cannot.
    public static func problems(_ root: JSONNode, file: String, toXML: Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func location(_ position: JSONPosition, _ path: String) -> SourceLocation {
            SourceLocation(file: file, line: position.line, column: position.column, path: path)
        }
        func checkText(_ text: String, at position: JSONPosition, path: String, what: String) {
            guard toXML, let bad = text.unicodeScalars.first(where: { !allowedInXML($0) }) else { return }
            let code = "U+" + String(repeating: "0", count: max(0, 4 - String(bad.value, radix: 16).count)) + String(bad.value, radix: 16, uppercase: true)
            problems.append(
                Diagnostic(
                    code: "convert.unrepresentable", message: "\(what) holds the control character \(code), which XML 1.0 cannot hold",
                    location: location(position, path), expected: "text without control characters (tab and line breaks are fine)", found: code,
                    suggestion: "remove the character, or keep this project in JSON"))
        }
        func walk(_ node: JSONNode, path: String) {
            switch node.value {
            case .number(let number) where !number.value.isFinite:
                problems.append(
                    Diagnostic(
                        code: "number.not-finite", message: "number \(number.literal) is too large to be a finite value",
                        location: location(node.position, path), expected: "a finite decimal", found: number.literal))
            case .string(let text):
                checkText(text, at: node.position, path: path, what: "the string")
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, path: "\(path)[\(index)]") }
            case .object(let members):
                for member in members {
                    let memberPath = path.isEmpty ? member.key : path + "." + member.key
                    checkText(member.key, at: member.keyPosition, path: memberPath, what: "the key")
                    walk(member.value, path: memberPath)
                }
            default: break
            }
        }
        walk(root, path: "")
        return problems
    }

    /// XML 1.0's Char production (tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above).
    static func allowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
