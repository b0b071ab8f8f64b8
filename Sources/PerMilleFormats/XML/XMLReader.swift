import CLibXML2
import PerMille
import PerMilleJSON

/// Reads a permille XML project file into the same value tree the JSON reader produces.
///
/// The system libxml2 parses (no hand-written parser); options forbid network access and
/// leave entities unexpanded, and any DOCTYPE is refused, so no external or recursive entity
/// can be loaded. The mapping is the one `XMLWriter` writes: an element per key, `item`
/// children for arrays, and a `type` attribute where text alone would be ambiguous.
public enum XMLReader {
    public struct Failure: Error, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
        public var expected: String
        public var found: String
    }

    /// A place where the document breaks the XSD, as libxml2's schema validator reports it.
    public struct SchemaProblem: Sendable, Hashable {
        public var message: String
        public var line: Int
    }

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONNode {
        try parse(bytes, schema: nil).root
    }

    /// Parses, and when `schema` (XSD text) is given, validates the document against it too.
    public static func parse(_ bytes: [UInt8], schema: String?) throws(Failure) -> (root: JSONNode, schemaProblems: [SchemaProblem]) {
        try parse(bytes, compiled: schema.map { text in CompiledSchema(text: { text }) })
    }

    static func parse(_ bytes: [UInt8], compiled schema: CompiledSchema?) throws(Failure) -> (root: JSONNode, schemaProblems: [SchemaProblem]) {
        guard !bytes.isEmpty else {
            throw Failure(message: "the file is empty", line: 1, column: 1, expected: "an XML document", found: "nothing")
        }
        guard bytes.count < Int(Int32.max) else {
            throw Failure(message: "the file is too large for the XML reader", line: 1, column: 1, expected: "less than 2 GiB", found: "\(bytes.count) bytes")
        }
        // Refused before libxml2 sees it: a DTD is never processed, so no entity is ever declared.
        // Outside a DOCTYPE the sequence can only stand in a comment or CDATA, which a project has no need of.
        let lines = SourceLines(bytes)
        if let doctype = lines.first("<!DOCTYPE") {
            throw Failure(
                message: "a DOCTYPE is not allowed in a project file (it could load external data or expand entities)",
                line: doctype.line, column: doctype.column, expected: "no DOCTYPE", found: "<!DOCTYPE …>")
        }
        guard let context = xmlNewParserCtxt() else {
            throw Failure(message: "the XML parser could not start", line: 1, column: 1, expected: "memory for the parser", found: "none")
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", options)
                }
            } ?? nil
        }
        guard let document else {
            let error = xmlCtxtGetLastError(context)
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } }?.trimmingCharacters() ?? "not well-formed XML"
            throw Failure(
                message: "not well-formed XML: \(message)", line: Int(error?.pointee.line ?? 1), column: Int(max(1, error?.pointee.int2 ?? 1)),
                expected: "well-formed XML", found: message)
        }
        defer { xmlFreeDoc(document) }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            throw Failure(
                message: "a DOCTYPE is not allowed in a project file (it could load external data or expand entities)",
                line: 1, column: 1, expected: "no DOCTYPE", found: "a document type declaration")
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw Failure(message: "the document has no root element", line: 1, column: 1, expected: "<permille>", found: "nothing")
        }
        let name = elementName(root)
        guard name == "permille" else {
            throw Failure(
                message: "the root element must be <permille>", line: Int(xmlGetLineNo(root)), column: 1,
                expected: "<permille>", found: "<\(name)>")
        }
        let tree = try convert(root, lines: lines, depth: 0)
        return (tree, schema.map { SchemaValidation.problems(document, schema: $0) } ?? [])
    }

    /// libxml2's own limit is 256 levels; the value tree keeps the JSON reader's.
    static let maximumDepth = 256

    private static func convert(_ node: xmlNodePtr, lines: SourceLines, depth: Int) throws(Failure) -> JSONNode {
        let line = Int(xmlGetLineNo(node))
        let name = elementName(node)
        let position = lines.position(ofElement: name, line: line)
        guard depth < maximumDepth else {
            throw Failure(message: "nesting deeper than \(maximumDepth) levels", line: line, column: position.column, expected: "a shallower document", found: "<\(name)>")
        }
        var children: [xmlNodePtr] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(current)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            case XML_ENTITY_REF_NODE:
                throw Failure(
                    message: "entity references are not allowed; write the character itself", line: Int(xmlGetLineNo(current)),
                    column: 1, expected: "plain text", found: "&\(elementName(current));")
            default:
                break
            }
            child = current.pointee.next
        }
        let type = attribute(node, "type")
        let trimmed = text.trimmingCharacters()
        if !children.isEmpty, !trimmed.isEmpty {
            throw Failure(
                message: "element <\(name)> mixes text and elements", line: line, column: position.column,
                expected: "either text or child elements", found: "both")
        }
        switch type {
        case "array"?:
            var items: [JSONNode] = []
            for item in children {
                guard elementName(item) == "item" else {
                    let itemLine = Int(xmlGetLineNo(item))
                    throw Failure(
                        message: "the elements of a list are written <item>", line: itemLine,
                        column: lines.position(ofElement: elementName(item), line: itemLine).column,
                        expected: "<item>", found: "<\(elementName(item))>")
                }
                items.append(try convert(item, lines: lines, depth: depth + 1))
            }
            return JSONNode(value: .array(items), position: position)
        case "object"?:
            return JSONNode(value: .object(try members(children, lines: lines, depth: depth)), position: position)
        case "null"?:
            return JSONNode(value: .null, position: position)
        case "string"?:
            return JSONNode(value: .string(text), position: position)
        case nil:
            if !children.isEmpty {
                return JSONNode(value: .object(try members(children, lines: lines, depth: depth)), position: position)
            }
            return JSONNode(value: scalar(trimmed), position: position)
        case let other?:
            throw Failure(
                message: "unknown type '\(other)'", line: line, column: position.column,
                expected: "type array, object, string or null", found: "type=\"\(other)\"")
        }
    }

    private static func members(_ children: [xmlNodePtr], lines: SourceLines, depth: Int) throws(Failure) -> [JSONMember] {
        var members: [JSONMember] = []
        for child in children {
            let childLine = Int(xmlGetLineNo(child))
            let key = attribute(child, "key").flatMap { elementName(child) == "entry" ? $0 : nil } ?? elementName(child)
            let value = try convert(child, lines: lines, depth: depth + 1)
            members.append(JSONMember(key: key, keyPosition: lines.position(ofElement: elementName(child), line: childLine), value: value))
        }
        return members
    }

    /// Text without a type: a JSON number or boolean when it reads as one, otherwise a string.
    static func scalar(_ text: String) -> JSONValue {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if let number = ScalarText.number(text) { return number }
        return .string(text)
    }

    static func elementName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// An attribute's text, read in place (no copy to free).
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let property = xmlHasProp(node, name) else { return nil }
        var text = ""
        var child = property.pointee.children
        while let current = child {
            if let content = current.pointee.content { text += String(cString: content) }
            child = current.pointee.next
        }
        return text
    }
}

/// Finds where an element starts on its line, since libxml2 reports lines but not columns.
struct SourceLines {
    private var starts: [Int] = [0]
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
    }

    /// Position of the first occurrence of `text` in the file (line 1, column 1 when absent).
    func first(_ text: String) -> JSONPosition? {
        let needle = Array(text.utf8)
        guard let lead = needle.first, needle.count <= bytes.count else { return nil }
        for index in 0...(bytes.count - needle.count) where bytes[index] == lead {
            guard bytes[index..<(index + needle.count)].elementsEqual(needle) else { continue }
            let line = (starts.lastIndex { $0 <= index } ?? 0) + 1
            return JSONPosition(line: line, column: index - starts[line - 1] + 1, offset: index)
        }
        return nil
    }

    /// Position of the first `<name` on the line (column 1 when it cannot be found).
    func position(ofElement name: String, line: Int) -> JSONPosition {
        guard line >= 1, line <= starts.count else { return JSONPosition(line: max(1, line), column: 1, offset: 0) }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] : bytes.count
        let needle = Array(("<" + name).utf8)
        var index = start
        while index + needle.count <= end {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) {
                let column = bytes[start..<index].reduce(1) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
                return JSONPosition(line: line, column: column, offset: index)
            }
            index += 1
        }
        return JSONPosition(line: line, column: 1, offset: start)
    }
}

/// Which texts read as JSON scalars, shared by the reader and the writer so a round trip is exact.
enum ScalarText {
    /// The JSON number a text reads as, if it reads as one.
    static func number(_ text: String) -> JSONValue? {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        guard let node = try? JSONParser.parse(Array(text.utf8)), case .number = node.value else { return nil }
        return node.value
    }

    /// Whether a string would be read back as something else without `type="string"`.
    static func needsStringType(_ text: String) -> Bool {
        text == "true" || text == "false" || number(text) != nil || text != text.trimmingCharacters() || text.isEmpty
    }
}
