import Testing

@testable import StackPlanCatalog

@Suite("CSV table")
struct CSVTableTests {
    /// Every row as its start line and its fields' text.
    private func read(_ text: String) -> [(Int, [String])] {
        var text = text
        return text.withUTF8 { input in
            let table = CSVTable(input)
            return table.rows.map { row in
                (row.line, (0..<row.fieldCount).map { table.string(table.field(row.firstField + $0)) })
            }
        }
    }

    @Test func readsQuotesLineBreaksAndBlankLines() {
        let rows = read("\u{FEFF}a,\"b,1\"\r\n\n\"say \"\"hi\"\"\",\"two\nlines\",\n,\nlast,row")
        #expect(rows.map(\.0) == [1, 3, 5, 6])
        #expect(
            rows.map(\.1) == [["a", "b,1"], ["say \"hi\"", "two\nlines", ""], ["", ""], ["last", "row"]])
    }

    @Test func trimsSpacesAndTabsButKeepsInnerOnes() {
        var text = " a b \t,\t\t,x"
        let trimmed = text.withUTF8 { input in
            let table = CSVTable(input)
            return (0..<3).map { table.string(table.trimmedField($0, of: table.rows[0])) }
        }
        #expect(trimmed == ["a b", "", "x"])
    }

    @Test(arguments: ["", "\n", "\r\n\r\n", "\u{FEFF}"])
    func blankInputHasNoRows(text: String) {
        #expect(read(text).isEmpty)
    }
}
