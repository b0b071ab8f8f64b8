import CLibXML2
import Synchronization

/// An XSD compiled once by libxml2 and shared by every validation that follows.
///
/// libxml2 does not change a parsed schema while validating (each validation has its own
/// context), so sharing it across threads is safe; the lock only guards the first compilation.
final class CompiledSchema: @unchecked Sendable {
    /// Writes the XSD text; called once, on first use, so reading JSON never builds it.
    private let write: @Sendable () -> String
    private let compiled = Mutex<xmlSchemaPtr?>(nil)

    init(text write: @escaping @Sendable () -> String) { self.write = write }

    deinit {
        compiled.withLock { pointer in
            if let pointer { xmlSchemaFree(pointer) }
        }
    }

    /// The compiled schema, nil if libxml2 cannot read the text.
    var schema: xmlSchemaPtr? {
        compiled.withLock { pointer in
            if pointer == nil { pointer = SchemaValidation.compile(write()) }
            return pointer
        }
    }
}

/// Validates a parsed document against an XSD with libxml2's schema validator.
enum SchemaValidation {
    /// Collects the validator's messages; libxml2 calls back through a C function pointer.
    private final class Collector {
        var problems: [XMLReader.SchemaProblem] = []
    }

    static func compile(_ text: String) -> xmlSchemaPtr? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                guard let context = xmlSchemaNewMemParserCtxt(base, Int32(buffer.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                return xmlSchemaParse(context)
            } ?? nil
        }
    }

    static func problems(_ document: xmlDocPtr, schema: CompiledSchema) -> [XMLReader.SchemaProblem] {
        guard let parsed = schema.schema else { return [XMLReader.SchemaProblem(message: "the XSD could not be read", line: 0)] }
        guard let validator = xmlSchemaNewValidCtxt(parsed) else { return [] }
        defer { xmlSchemaFreeValidCtxt(validator) }
        let collector = Collector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetValidStructuredErrors(
            validator,
            { context, error in
                guard let context, let error else { return }
                let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
                let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters() ?? "invalid"
                collector.problems.append(XMLReader.SchemaProblem(message: message, line: Int(error.pointee.line)))
            }, box.toOpaque())
        _ = xmlSchemaValidateDoc(validator, document)
        return collector.problems
    }
}
