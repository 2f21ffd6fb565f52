import Foundation
import CanvassCore

/// An RFC 4180 reader that keeps where every record starts (SPEC §3.2).
///
/// Quoted fields may hold commas, quotes (`""`) and line breaks; lines end in LF, CRLF or CR;
/// a UTF-8 byte-order mark is skipped; completely blank lines are ignored. Problems — an
/// unterminated quote, text after a closing quote, a record with the wrong number of fields —
/// are diagnostics at their line and column; reading stops at the first malformed quote
/// because nothing after it can be trusted.
struct CSVReader {
    struct Record {
        /// File line on which the record starts.
        var line: Int
        var fields: [String]
        /// Column (in characters) at which each field starts, for diagnostics.
        var columns: [Int]
        /// Line on which each field starts (a quoted field before it may hold line breaks).
        var lines: [Int]
        /// Line and column just past the record's last character, where a missing field would go.
        var endLine: Int
        var endColumn: Int
    }

    struct Table {
        var header: [String]
        var records: [Record]
    }

    let file: SourceFile

    func read() -> (Table?, [Diagnostic]) {
        var bytes = Array(file.text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [Record] = []
        var diagnostics: [Diagnostic] = []
        var index = 0
        var line = 1
        var column = 1
        let count = bytes.count
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        while index < count {
            var fields: [String] = []
            var columns: [Int] = []
            let recordLine = line
            var lines: [Int] = []
            var endLine = line, endColumn = column
            var endOfRecord = false
            while !endOfRecord {
                columns.append(column)
                lines.append(line)
                if index < count && bytes[index] == quote {
                    let openLine = line, openColumn = column
                    index += 1; column += 1
                    var value: [UInt8] = []
                    var closed = false
                    while index < count {
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < count && bytes[index + 1] == quote {
                                value.append(quote); index += 2; column += 2
                                continue
                            }
                            index += 1; column += 1
                            closed = true
                            break
                        }
                        if byte == lf { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
                        value.append(byte)
                        index += 1
                    }
                    guard closed else {
                        diagnostics.append(file.diagnostic(
                            .error, "quoted field is never closed", line: openLine, column: openColumn,
                            hint: "close it with `\"`, and write a quote inside a quoted field as `\"\"`"))
                        return (nil, diagnostics)
                    }
                    fields.append(String(decoding: value, as: UTF8.self))
                    if index < count && bytes[index] != comma && bytes[index] != lf && bytes[index] != cr {
                        diagnostics.append(file.diagnostic(
                            .error, "unexpected text after a closing quote", line: line, column: column,
                            hint: "quote the whole field, e.g. \"5\"\" screen\" for 5\" screen"))
                        return (nil, diagnostics)
                    }
                } else {
                    let start = index
                    while index < count && bytes[index] != comma && bytes[index] != lf && bytes[index] != cr {
                        if bytes[index] & 0xC0 != 0x80 { column += 1 }
                        index += 1
                    }
                    fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
                }
                if index < count && bytes[index] == comma {
                    index += 1; column += 1
                } else {
                    // End of line or file.
                    endLine = line; endColumn = column
                    if index < count && bytes[index] == cr { index += 1 }
                    if index < count && bytes[index] == lf { index += 1 }
                    line += 1; column = 1
                    endOfRecord = true
                }
            }
            if fields.count == 1 && fields[0].isEmpty { continue }
            records.append(Record(line: recordLine, fields: fields, columns: columns, lines: lines, endLine: endLine, endColumn: endColumn))
        }
        guard let headerRecord = records.first else {
            return (nil, [file.diagnostic(.error, "CSV file is empty", line: 1, column: 1, hint: "the first row must name the columns")])
        }
        let header = headerRecord.fields.map { $0.trimmingSpaces() }
        var seen: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            if name.isEmpty {
                diagnostics.append(file.diagnostic(.error, "column \(position + 1) of the header has no name", line: 1, column: headerRecord.columns[position]))
            } else if let first = seen[name] {
                diagnostics.append(file.diagnostic(
                    .error, "column `\(name)` appears twice in the header (columns \(first + 1) and \(position + 1))",
                    line: 1, column: headerRecord.columns[position]))
            } else {
                seen[name] = position
            }
        }
        let body = Array(records.dropFirst())
        for record in body where record.fields.count != header.count {
            // The caret goes where the row parts from the header: under the first field the
            // header has no column for, or just past the end of a row that stops short.
            let extra = record.fields.count > header.count
            let (line, column) = extra
                ? (record.lines[header.count], record.columns[header.count]) : (record.endLine, record.endColumn)
            let hint = extra
                ? "the header ends at `\(header[header.count - 1])`; remove the extra comma, or quote a field that holds a comma"
                : "the row ends before `\(header[record.fields.count])`; add the missing field\(header.count - record.fields.count == 1 ? "" : "s"), empty if unknown (a trailing comma)"
            diagnostics.append(file.diagnostic(
                .error, "row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); the header has \(header.count)",
                line: line, column: column, hint: hint))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Table(header: header, records: body), diagnostics)
    }
}
