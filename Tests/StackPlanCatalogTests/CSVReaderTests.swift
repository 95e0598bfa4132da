import Testing

@testable import StackPlanCatalog

@Suite("CSV reader")
struct CSVReaderTests {
    /// Every row as its start line and its fields' text.
    private func read(_ text: String) -> [(Int, [String])] {
        var text = text
        return text.withUTF8 { input in
            var reader = CSVReader(input)
            var rows: [(Int, [String])] = []
            while let row = reader.nextRow() {
                rows.append((row.line, (0..<row.fieldCount).map { reader.string(reader.field($0)) }))
            }
            return rows
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
            var reader = CSVReader(input)
            _ = reader.nextRow()
            return (0..<3).map { reader.string(reader.trimmedField($0)) }
        }
        #expect(trimmed == ["a b", "", "x"])
    }

    @Test func aLastRowWithoutLineBreakAndLinesAfterAQuotedBreakAreCounted() {
        let rows = read("h\n\"x\ny\",1\nz,2")
        #expect(rows.map(\.0) == [1, 2, 4])
        #expect(rows.map(\.1) == [["h"], ["x\ny", "1"], ["z", "2"]])
    }

    @Test(arguments: ["", "\n", "\r\n\r\n", "\u{FEFF}", "\n\r"])
    func blankInputHasNoRows(text: String) {
        #expect(read(text).isEmpty)
    }
}
