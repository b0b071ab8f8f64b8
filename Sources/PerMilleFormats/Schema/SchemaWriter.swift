import PerMille
import PerMilleJSON

/// Prints the project-file contract as JSON Schema (draft 2020-12) or XSD, from `ProjectSchema`.
///
/// Allowed values that come from the factor tables (crops, systems, regions…) are filled in from
/// the tables given, so the schema always matches the data a run uses.
public enum SchemaWriter {
    public static func jsonSchema(factors: FactorSet) -> String {
        let vocabulary = Vocabulary(factors: factors)
        var root: [(String, JSONOutput)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("permille project file (permille/1)")),
        ]
        root += object(ProjectSchema.document, vocabulary: vocabulary)
        return JSONWriter.write(.object(root))
    }

    private static func object(_ fields: [ProjectSchema.Field], vocabulary: Vocabulary) -> [(String, JSONOutput)] {
        [
            ("type", .string("object")),
            ("properties", .object(fields.map { ($0.name, schema($0, vocabulary: vocabulary)) })),
            ("required", .array(fields.filter(\.required).map { .string($0.name) })),
            ("additionalProperties", .bool(false)),
        ]
    }

    private static func schema(_ field: ProjectSchema.Field, vocabulary: Vocabulary) -> JSONOutput {
        var entry = kind(field.kind, vocabulary: vocabulary)
        if !field.help.isEmpty, case .object(var members) = entry {
            members.append(("description", .string(field.help)))
            entry = .object(members)
        }
        return entry
    }

    private static func kind(_ kind: ProjectSchema.Kind, vocabulary: Vocabulary) -> JSONOutput {
        switch kind {
        case .text(let values):
            var members: [(String, JSONOutput)] = [("type", .string("string"))]
            if let values { members.append(("enum", .array(values.resolve(vocabulary).map(JSONOutput.string)))) }
            return .object(members)
        case .number(let minimum, let maximum):
            var members: [(String, JSONOutput)] = [("type", .string("number"))]
            if let minimum { members.append(("minimum", .number(minimum))) }
            if let maximum { members.append(("maximum", .number(maximum))) }
            return .object(members)
        case .integer(let range):
            return .object([("type", .string("integer")), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound))])
        case .boolean:
            return .object([("type", .string("boolean"))])
        case .object(let fields):
            return .object(object(fields, vocabulary: vocabulary))
        case .list(let item):
            return .object([("type", .string("array")), ("items", self.kind(item, vocabulary: vocabulary))])
        case .textOrObject(let values, let fields):
            return .object([("oneOf", .array([self.kind(.text(values), vocabulary: vocabulary), .object(object(fields, vocabulary: vocabulary))]))])
        case .freeMap:
            return .object([
                ("type", .string("object")),
                ("additionalProperties", .object([("type", .array(["number", "string", "boolean"].map(JSONOutput.string)))])),
            ])
        case .any:
            return .object([])
        }
    }

    /// XSD for the XML encoding (`XMLWriter`): elements per key in any order, `item` children
    /// for lists, an optional `type` attribute on every element as the writer may add one.
    public static func xsd(factors: FactorSet) -> String { xsd(vocabulary: Vocabulary(factors: factors)) }

    static func xsd(vocabulary: Vocabulary) -> String {
        var writer = XSDBuilder(vocabulary: vocabulary)
        let rootType = writer.complexType(.object(ProjectSchema.document), indent: 2)
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" elementFormDefault=\"unqualified\">\n"
        text += "  <xs:element name=\"permille\">\n" + rootType + "  </xs:element>\n"
        text += writer.simpleTypes
        text += "</xs:schema>\n"
        return text
    }
}

/// Builds the XSD text; enumerations become named simple types so scalar elements can extend them.
struct XSDBuilder {
    let vocabulary: Vocabulary
    var simpleTypes = ""
    private var enumerations: [[String]: String] = [:]
    private var typeCount = 0

    init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    static let typeAttribute = "<xs:attribute name=\"type\" type=\"xs:string\"/>"

    mutating func element(_ field: ProjectSchema.Field, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let occurs = field.required ? "" : " minOccurs=\"0\""
        return "\(pad)<xs:element name=\"\(field.name)\"\(occurs)>\n" + complexType(field.kind, indent: indent + 2) + "\(pad)</xs:element>\n"
    }

    mutating func complexType(_ kind: ProjectSchema.Kind, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        switch kind {
        case .text(let values):
            return scalar(values.map { enumeration($0.resolve(vocabulary)) } ?? "xs:string", indent: indent)
        case .number(let minimum, let maximum):
            return scalar(bounded("xs:double", minimum: minimum.map { XMLLiteral.number($0) }, maximum: maximum.map { XMLLiteral.number($0) }), indent: indent)
        case .integer(let range):
            return scalar(bounded("xs:integer", minimum: String(range.lowerBound), maximum: String(range.upperBound)), indent: indent)
        case .boolean:
            return scalar("xs:boolean", indent: indent)
        case .object(let fields):
            var text = "\(pad)<xs:complexType>\n\(pad)  <xs:all>\n"
            for field in fields { text += element(field, indent: indent + 4) }
            return text + "\(pad)  </xs:all>\n\(pad)  \(Self.typeAttribute)\n\(pad)</xs:complexType>\n"
        case .list(let item):
            var text = "\(pad)<xs:complexType>\n\(pad)  <xs:sequence>\n"
            text += "\(pad)    <xs:element name=\"item\" minOccurs=\"0\" maxOccurs=\"unbounded\">\n"
            text += complexType(item, indent: indent + 6)
            text += "\(pad)    </xs:element>\n\(pad)  </xs:sequence>\n"
            return text + "\(pad)  <xs:attribute name=\"type\" type=\"xs:string\" use=\"required\" fixed=\"array\"/>\n\(pad)</xs:complexType>\n"
        case .textOrObject(_, let fields):
            // XSD 1.0 cannot say "a key or these children"; the reader checks which one it is.
            var text = "\(pad)<xs:complexType mixed=\"true\">\n\(pad)  <xs:all>\n"
            for var field in fields {
                field.required = false
                text += element(field, indent: indent + 4)
            }
            return text + "\(pad)  </xs:all>\n\(pad)  \(Self.typeAttribute)\n\(pad)</xs:complexType>\n"
        case .freeMap, .any:
            return "\(pad)<xs:complexType mixed=\"true\">\n\(pad)  <xs:sequence>\n"
                + "\(pad)    <xs:any processContents=\"skip\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>\n"
                + "\(pad)  </xs:sequence>\n\(pad)  <xs:anyAttribute processContents=\"skip\"/>\n\(pad)</xs:complexType>\n"
        }
    }

    private func scalar(_ base: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return "\(pad)<xs:complexType>\n\(pad)  <xs:simpleContent>\n\(pad)    <xs:extension base=\"\(base)\">\n"
            + "\(pad)      \(Self.typeAttribute)\n\(pad)    </xs:extension>\n\(pad)  </xs:simpleContent>\n\(pad)</xs:complexType>\n"
    }

    private mutating func bounded(_ base: String, minimum: String?, maximum: String?) -> String {
        guard minimum != nil || maximum != nil else { return base }
        typeCount += 1
        let name = "bounded\(typeCount)"
        simpleTypes += "  <xs:simpleType name=\"\(name)\">\n    <xs:restriction base=\"\(base)\">\n"
        if let minimum { simpleTypes += "      <xs:minInclusive value=\"\(minimum)\"/>\n" }
        if let maximum { simpleTypes += "      <xs:maxInclusive value=\"\(maximum)\"/>\n" }
        simpleTypes += "    </xs:restriction>\n  </xs:simpleType>\n"
        return name
    }

    private mutating func enumeration(_ values: [String]) -> String {
        if let known = enumerations[values] { return known }
        typeCount += 1
        let name = "values\(typeCount)"
        enumerations[values] = name
        simpleTypes += "  <xs:simpleType name=\"\(name)\">\n    <xs:restriction base=\"xs:string\">\n"
        for value in values { simpleTypes += "      <xs:enumeration value=\"\(XMLWriter.escape(value, attribute: true))\"/>\n" }
        simpleTypes += "    </xs:restriction>\n  </xs:simpleType>\n"
        return name
    }
}

enum XMLLiteral {
    static func number(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value) }
}
