import StackPlanCore
import Testing

@testable import StackPlanReports

@Suite("Rows written as cells")
struct CellRowsTests {
    @Test func cellsAndRowsReadBackAsWritten() throws {
        let rows = CellRows()
        rows.cell("customer")
        rows.append("upgrade-component")
        rows.append(" ")
        rows.append("istio")
        rows.endCell()
        rows.cell(try #require(CalendarDay(year: 2027, month: 1, day: 8)))
        rows.cell(nil as CalendarDay?)
        rows.endCell()
        rows.endRow()
        rows.endRow()
        rows.row(["Kubernetes 1.29–1.33", ""])
        #expect(
            rows.strings == [
                ["customer", "upgrade-component istio", "2027-01-08", "-", ""], [], ["Kubernetes 1.29–1.33", ""],
            ])
        rows.removeAll()
        #expect(rows.count == 0)
        rows.row(["again"])
        #expect(rows.strings == [["again"]])
    }

    /// A copied cell holds the bytes of the one it copies, also when the copy makes the storage
    /// grow (rows far past the first storage's size).
    @Test func copiedCellsHoldTheBytesOfTheirSource() {
        let rows = CellRows()
        let first = rows.cellCount
        rows.row(["cust-00001", "Kubernetes 1.29–1.33", ""])
        var expected = [["cust-00001", "Kubernetes 1.29–1.33", ""]]
        for number in 0..<5_000 {
            rows.cell(copying: first)
            rows.cell(copying: first + 1)
            rows.cell(copying: first + 2)
            rows.cell("step \(number)")
            rows.endRow()
            expected.append(["cust-00001", "Kubernetes 1.29–1.33", "", "step \(number)"])
        }
        #expect(rows.strings == expected)
    }

    /// Copying a cell that has not ended (below the first, or the one being written) gives an
    /// empty cell rather than stopping the program.
    @Test func copyingNoEndedCellGivesAnEmptyOne() {
        let rows = CellRows()
        rows.cell(copying: 0)
        rows.cell("kept")
        rows.cell(copying: -1)
        rows.cell(copying: rows.cellCount)
        rows.cell(copying: 1)
        rows.endRow()
        #expect(rows.strings == [["", "kept", "", "", "kept"]])
    }

    /// A day is written as its description, also outside the four-digit years.
    @Test(arguments: [-1_000_000, -719_162, 0, 20_696, 2_932_896, 3_000_000])
    func daysAreWrittenAsTheirDescription(_ dayNumber: Int) {
        let rows = CellRows()
        let date = CalendarDay(dayNumber: dayNumber)
        rows.cell(date)
        rows.endRow()
        #expect(rows.strings == [[date.description]])
        var text = ""
        text.append(date)
        #expect(text == date.description)
    }
}
