import StackPlanCore
import Testing

@testable import StackPlanReports

@Suite("Renderers")
struct RendererTests {
    private let report = Report(
        title: "Sample",
        tables: [
            TextTable(
                columns: [.init("Name"), .init("Days", alignRight: true)],
                rows: [["a|b", "5"], ["quote \"x\", y", "120"]])
        ],
        notes: ["a note"],
        json: JSONValue.object([
            ("name", .string("a\"b\\c\n")), ("days", .int(5)), ("eol", .day(nil)),
            ("list", .array([.bool(true), .double(2.5), .double(3)])), ("empty", .object([])),
        ]))

    @Test func tableAlignsColumns() {
        #expect(
            report.rendered(as: .table) == """
                Name          Days
                ------------  ----
                a|b              5
                quote "x", y   120

                a note

                """)
    }

    @Test func tableUsesBoldOnlyWhenAsked() {
        #expect(report.rendered(as: .table, color: true).contains("\u{1B}[1m"))
        #expect(!report.rendered(as: .table, color: false).contains("\u{1B}"))
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        #expect(report.rendered(as: .csv) == "Name,Days\r\na|b,5\r\n\"quote \"\"x\"\", y\",120\r\n")
    }

    @Test func markdownEscapesPipes() {
        #expect(
            report.rendered(as: .markdown) == """
                # Sample

                | Name | Days |
                | --- | ---: |
                | a\\|b | 5 |
                | quote "x", y | 120 |

                - a note

                """)
    }

    @Test func jsonKeepsKeyOrderAndWritesNulls() {
        #expect(
            report.rendered(as: .json) == """
                {
                  "name": "a\\"b\\\\c\\n",
                  "days": 5,
                  "eol": null,
                  "list": [
                    true,
                    2.5,
                    3
                  ],
                  "empty": {}
                }

                """)
    }

    @Test(arguments: OutputFormat.allCases)
    func everyFormatRendersAnEmptyTable(_ format: OutputFormat) {
        let empty = Report(
            title: "Empty", tables: [TextTable(columns: [.init("A")], rows: [])], json: JSONValue.array([]))
        #expect(!empty.rendered(as: format).isEmpty)
    }
}
