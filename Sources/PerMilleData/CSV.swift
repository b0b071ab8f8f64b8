/// A strict RFC 4180 reader: every row keeps its line number so errors can point at it.
enum CSV {
    struct Row {
        var fields: [String]
        /// 1-based line where the row starts.
        var line: Int
    }

    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var message: String
    }

    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = 0
        var line = 1
        var column = 1
        var rowLine = 1
        var quoted = false
        var fieldStarted = false
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let newline = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")

        func finishField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 2
                        column += 2
                        continue
                    }
                    quoted = false
                    index += 1
                    column += 1
                    if index < bytes.count, ![comma, newline, cr].contains(bytes[index]) {
                        throw SyntaxError(line: line, column: column, message: "text after a closing quote; a field with quotes must be quoted whole")
                    }
                    continue
                }
                if byte == newline {
                    line += 1
                    column = 0
                }
                field.append(byte)
            } else if byte == quote {
                guard field.isEmpty else {
                    throw SyntaxError(line: line, column: column, message: "a quote inside an unquoted field")
                }
                quoted = true
                fieldStarted = true
            } else if byte == comma {
                finishField()
                fieldStarted = true
            } else if byte == newline || byte == cr {
                if byte == cr, index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
                finishField()
                rows.append(Row(fields: fields, line: rowLine))
                fields.removeAll(keepingCapacity: true)
                line += 1
                column = 0
                rowLine = line
            } else {
                field.append(byte)
                fieldStarted = true
            }
            index += 1
            column += 1
        }
        if quoted { throw SyntaxError(line: line, column: column, message: "a quoted field is not closed before the end of the file") }
        if fieldStarted || !field.isEmpty || !fields.isEmpty {
            finishField()
            rows.append(Row(fields: fields, line: rowLine))
        }
        return rows
    }
}
