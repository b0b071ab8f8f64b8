import CLibXML2

/// Validates a parsed document against XSD text with libxml2's schema validator.
enum SchemaValidation {
    /// Collects the validator's messages; libxml2 calls back through a C function pointer.
    private final class Collector {
        var problems: [XMLReader.SchemaProblem] = []
    }

    static func problems(_ document: xmlDocPtr, schema: String) -> [XMLReader.SchemaProblem] {
        let bytes = Array(schema.utf8)
        let parsed: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                guard let context = xmlSchemaNewMemParserCtxt(base, Int32(buffer.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                return xmlSchemaParse(context)
            } ?? nil
        }
        guard let parsed else { return [XMLReader.SchemaProblem(message: "the XSD could not be read", line: 0)] }
        defer { xmlSchemaFree(parsed) }
        guard let validator = xmlSchemaNewValidCtxt(parsed) else { return [] }
        defer { xmlSchemaFreeValidCtxt(validator) }
        let collector = Collector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetValidStructuredErrors(validator, { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters() ?? "invalid"
            collector.problems.append(XMLReader.SchemaProblem(message: message, line: Int(error.pointee.line)))
        }, box.toOpaque())
        _ = xmlSchemaValidateDoc(validator, document)
        return collector.problems
    }
}
