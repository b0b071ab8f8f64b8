import Foundation

/// Validates JSON documents against a JSON Schema (draft 2020-12) with python's `jsonschema`,
/// which `.ci/run` installs: the schema tests never skip, a missing module fails them.
enum JSONSchemaCheck {
    /// "ok\n" when every document is valid; otherwise the first errors, one line each.
    static func validate(schema: String, documents: [String]) throws -> String {
        let script = """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            for path in sys.argv[2:]:
                errors = list(validator.iter_errors(json.load(open(path))))
                for error in errors[:3]: print(path, "/".join(map(str, error.absolute_path)), error.message[:200])
                if errors: sys.exit(1)
            print("ok")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema] + documents
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? output : output + "(exit \(process.terminationStatus); python3 with jsonschema is needed, .ci/run installs it)\n"
    }
}
