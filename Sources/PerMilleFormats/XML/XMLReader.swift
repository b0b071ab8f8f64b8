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
        // libxml2 2.9 checks the attributes of one element against each other pairwise: an element
        // with a hundred thousand attributes would take minutes. A project needs two at most.
        try StartTags(bytes).checkAttributeCounts(limit: maximumAttributes)
        guard let context = xmlNewParserCtxt() else {
            throw Failure(message: "the XML parser could not start", line: 1, column: 1, expected: "memory for the parser", found: "none")
        }
        defer { xmlFreeParserCtxt(context) }
        // BIG_LINES: without it libxml2 reports every line past 65 535 as 65 535.
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue
                | XML_PARSE_BIG_LINES.rawValue)
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
            let line = Int(error?.pointee.line ?? 1)
            let column = Int(max(1, error?.pointee.int2 ?? 1))
            // libxml2's limits name its own option (XML_PARSE_HUGE), which no user can set: say
            // what in the file to change instead.
            if message.contains("Excessive depth") {
                throw Failure(
                    message: "elements are nested deeper than \(maximumDepth) levels; a project needs fewer than 20", line: line, column: column,
                    expected: "at most \(maximumDepth) levels of nesting", found: "deeper nesting")
            }
            if message.contains("XML_PARSE_HUGE") {
                throw Failure(
                    message: "a name or text of the file is longer than the XML reader accepts (10 MB)", line: line, column: column,
                    expected: "names and texts shorter than 10 MB", found: "a longer one")
            }
            throw Failure(message: "not well-formed XML: \(message)", line: line, column: column, expected: "well-formed XML", found: message)
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
        // Start tags in source order are the elements in document order, which `convert` visits.
        let tags = StartTags(bytes)
        let tree = try convert(root, tags: tags, depth: 0)
        return (tree, schema.map { SchemaValidation.problems(document, schema: $0) } ?? [])
    }

    /// libxml2's own limit is 256 levels; the value tree keeps the JSON reader's.
    static let maximumDepth = 256
    /// A project element has `type` and `key` at most; a few more are allowed (namespaces).
    static let maximumAttributes = 16

    private static func convert(_ node: xmlNodePtr, tags: StartTags, depth: Int) throws(Failure) -> JSONNode {
        let name = elementName(node)
        let position = tags.next() ?? JSONPosition(line: max(1, Int(xmlGetLineNo(node))), column: 1, offset: 0)
        let line = position.line
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
                    // The earlier items are converted: the next start tag is this element's.
                    let place = tags.next() ?? JSONPosition(line: max(1, Int(xmlGetLineNo(item))), column: 1, offset: 0)
                    throw Failure(
                        message: "the elements of a list are written <item>", line: place.line, column: place.column,
                        expected: "<item>", found: "<\(elementName(item))>")
                }
                items.append(try convert(item, tags: tags, depth: depth + 1))
            }
            return JSONNode(value: .array(items), position: position)
        case "object"?:
            return JSONNode(value: .object(try members(children, tags: tags, depth: depth)), position: position)
        case "null"?:
            return JSONNode(value: .null, position: position)
        case "string"?:
            return JSONNode(value: .string(text), position: position)
        case nil:
            if !children.isEmpty {
                return JSONNode(value: .object(try members(children, tags: tags, depth: depth)), position: position)
            }
            return JSONNode(value: scalar(trimmed), position: position)
        case let other?:
            throw Failure(
                message: "unknown type '\(other)'", line: line, column: position.column,
                expected: "type array, object, string or null", found: "type=\"\(other)\"")
        }
    }

    private static func members(_ children: [xmlNodePtr], tags: StartTags, depth: Int) throws(Failure) -> [JSONMember] {
        var members: [JSONMember] = []
        for child in children {
            let key = attribute(child, "key").flatMap { elementName(child) == "entry" ? $0 : nil } ?? elementName(child)
            let value = try convert(child, tags: tags, depth: depth + 1)
            // The key is the element's start tag, where its value starts too.
            members.append(JSONMember(key: key, keyPosition: value.position, value: value))
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
        // A buffer loop: this runs over every byte of every XML file read.
        bytes.withUnsafeBufferPointer { buffer in
            for offset in 0..<buffer.count where buffer[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
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

}

/// The start tags of a document in source order, with line and column, found in one forward
/// pass: libxml2 reports an element's line only, and searching the line for each element again
/// made a one-line file quadratic.
final class StartTags {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Moves to `target`, counting lines and characters (UTF-8 lead bytes) on the way.
    private func advance(to target: Int) {
        // Locals and a buffer pointer: this loop sees every byte of the file.
        let target = min(target, bytes.count)
        var (offset, line, column) = (self.offset, self.line, self.column)
        bytes.withUnsafeBufferPointer { buffer in
            while offset < target {
                let byte = buffer[offset]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                offset += 1
            }
        }
        (self.offset, self.line, self.column) = (offset, line, column)
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        // Most tags are ordinary elements: the second byte tells them apart at once.
        if offset + 1 < bytes.count, count > 1, bytes[offset + 1] != text.utf8Start[1] { return false }
        guard offset + count <= bytes.count else { return false }
        let pointer = text.utf8Start
        for index in 0..<count where bytes[offset + index] != pointer[index] { return false }
        return true
    }

    /// Moves past the next `terminator`, or to the end.
    private func skip(past terminator: StaticString) {
        while offset < bytes.count, !starts(with: terminator) { advance(to: offset + 1) }
        advance(to: offset + terminator.utf8CodeUnitCount)
    }

    /// The position of the next start tag (its `<`), moving past the `<`; nil at the end.
    func next() -> JSONPosition? {
        while offset < bytes.count {
            let from = offset
            let open = bytes.withUnsafeBufferPointer { buffer in
                var index = from
                while index < buffer.count, buffer[index] != UInt8(ascii: "<") { index += 1 }
                return index
            }
            advance(to: open)
            guard open < bytes.count else { return nil }
            if starts(with: "<!--") {
                skip(past: "-->")
                continue
            }
            if starts(with: "<![CDATA[") {
                skip(past: "]]>")
                continue
            }
            if starts(with: "<?") {
                skip(past: "?>")
                continue
            }
            if starts(with: "<!") || starts(with: "</") {
                advance(to: offset + 2)
                continue
            }
            let position = JSONPosition(line: line, column: column, offset: offset)
            advance(to: offset + 1)
            return position
        }
        return nil
    }

    /// Refuses an element with more than `limit` attributes (counted as `=` outside quotes).
    func checkAttributeCounts(limit: Int) throws(XMLReader.Failure) {
        while let position = next() {
            var count = 0
            var quote: UInt8?
            let from = offset
            let index = bytes.withUnsafeBufferPointer { buffer in
                var index = from
                while index < buffer.count {
                    let byte = buffer[index]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "=") {
                        count += 1
                    } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<") {
                        break
                    }
                    index += 1
                }
                return index
            }
            if count > limit {
                throw XMLReader.Failure(
                    message: "an element has \(count) attributes; a project element has at most two (type and key)", line: position.line,
                    column: position.column, expected: "at most \(limit) attributes", found: "\(count)")
            }
            advance(to: index)
        }
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
