import Foundation
import SavnetRendering

/// Rows and columns printed as an aligned table, CSV, Markdown or JSON.
struct ReportTable {
    var columns: [String]
    var rows: [[String]]

    enum Format: String, CaseInsensitiveArgument {
        case table
        case csv
        case markdown
        case json
    }

    func render(_ format: Format) -> String {
        switch format {
        case .table: return table()
        case .csv: return csv()
        case .markdown: return markdown()
        case .json: return json()
        }
    }

    /// Columns padded to the widest cell, measured in terminal columns: Thai vowel and
    /// tone marks above and below the line take none, wide characters take two.
    func table() -> String {
        var widths = columns.map(Self.displayWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - Self.displayWidth(cell))
            }.joined(separator: "  ")
        }
        var out = line(columns) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// An amount in baht as a report shows it: whole baht plain, else two decimals.
    static func amount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// How many terminal columns `text` takes.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: continue
            default: break
            }
            if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value) || (0x1F300...0x1FAFF).contains(value) {
                width += 2
            } else {
                width += 1
            }
        }
        return width
    }

    /// RFC 4180 CSV in UTF-8 with a byte-order mark, so that Excel reads Thai; a cell that
    /// a spreadsheet would take for a formula (=, +, -, @, tab, CR) is defused with a
    /// leading apostrophe.
    func csv() -> String {
        func cell(_ text: String) -> String {
            var value = text
            // A plain number (-30, 1250.50) stays a number.
            let number = Double(value) != nil && value.allSatisfy { $0.isNumber || $0 == "-" || $0 == "." }
            if !number, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }
        var out = "\u{FEFF}"
        for row in [columns] + rows { out += row.map(cell).joined(separator: ",") + "\r\n" }
        return out
    }

    func markdown() -> String {
        func cell(_ text: String) -> String {
            ContentDiff.escape(text)
        }
        var out = "| " + columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + columns.map { _ in "---|" }.joined() + "\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    func json() -> String {
        let items = rows.map { row in
            "{" + zip(columns, row).map { JSONWriter.quote($0) + ": " + JSONWriter.quote($1) }.joined(separator: ", ") + "}"
        }
        return "[\n" + items.map { "  " + $0 }.joined(separator: ",\n") + (items.isEmpty ? "" : "\n") + "]\n"
    }
}
