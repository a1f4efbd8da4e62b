/// RFC 4180 CSV for spreadsheets and issue importers.
///
/// A cell is quoted when it holds a comma, a quote, or a line break (quotes
/// doubled); lines end in CRLF. A cell that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a
/// leading `'`, so that task text can never execute anything when the file
/// is opened. Numbers the writer itself produces go through ``number(_:)``
/// and are never prefixed (a negative number is not expected anywhere).
public enum CSVWriter {
    /// Writes one record: cells separated by commas, CRLF at the end.
    public static func row(_ cells: [String], into w: inout ByteWriter) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { w.write("," as StaticString) }
            w.write(escape(cell))
        }
        w.write("\r\n" as StaticString)
    }

    /// One cell, guarded and quoted as needed.
    public static func escape(_ text: String) -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            cell = "'" + cell
        }
        let needsQuotes = cell.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return cell }
        var quoted = "\""
        for c in cell.unicodeScalars {
            if c == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(c) }
        }
        return quoted + "\""
    }

    /// A number of hours as a cell: `2.5`, `14.0`.
    public static func number(_ x: Double) -> String { PlanText.format1(x) }
}
