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

    /// Each cell as CSV writes it, whether written straight from its bytes or through `field`
    /// (a formula start or a line break): RFC 4180 quoting, quotes doubled byte by byte (a quote before
    /// a combining mark too), a formula start guarded with `'` unless the cell is a number.
    @Test(arguments: [
        ("plain text", "plain text"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""), ("\"\"x", "\"\"\"\"\"x\""), ("x\"", "\"x\"\"\""), ("=1+2", "'=1+2"),
        ("=1,2", "\"'=1,2\""), ("-5", "-5"), ("-x", "'-x"), ("@", "@"), ("+1", "+1"), ("\tx", "'\tx"),
        ("é,x", "\"é,x\""), ("é", "é"), ("a\nb", "\"a\nb\""), ("\"\u{301},", "\"\"\"\u{301},\""), ("", ""),
        ("1.29–1.33 runs", "1.29–1.33 runs"), ("tab\tinside", "tab\tinside"),
        ("line\u{2028}sep", "\"line\u{2028}sep\""),
        ("next\u{85}line", "\"next\u{85}line\""), ("para\u{2029}", "\"para\u{2029}\""),
        ("no\u{2027}break", "no\u{2027}break"),
        ("crlf ends\r\n", "\"crlf ends\r\n\""), ("twelve bytes,", "\"twelve bytes,\""),
        ("long \"quoted\" text", "\"long \"\"quoted\"\" text\""),
        ("–=not a formula", "–=not a formula"), ("\rx", "\"'\rx\""),
    ])
    func csvFieldsAreQuotedAsRFC4180Says(_ cell: String, _ expected: String) {
        #expect(CSVRenderer.field(cell) == expected)
        let table = Report(
            title: "T", tables: [TextTable(columns: [.init("A"), .init("B")], rows: [[cell, "1"]])],
            json: JSONValue.null)
        #expect(table.rendered(as: .csv) == "A,B\r\n\(expected),1\r\n")
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

    @Test(arguments: [1, 7, 64, 1 << 20])
    func streamedJSONIsTheSameBytesInBoundedChunks(chunkSize: Int) {
        let document = JSONValue.array(
            (0..<50).map { .object([("id", .string("item-\($0)")), ("list", .array([.int($0), .null]))]) })
        nonisolated(unsafe) var chunks: [[UInt8]] = []
        document.stream(chunkSize: chunkSize, toBuffers: { chunks.append(Array($0)) })
        #expect(chunks.flatMap { $0 } == document.serializedBytes())
        // Every chunk but the last closes the container that took it past the size.
        #expect(chunks.dropLast().allSatisfy { $0.count >= chunkSize && $0.count < chunkSize + 200 })
        #expect(chunkSize == 1 << 20 ? chunks.count == 1 : chunks.count > 1)
    }

    @Test(arguments: OutputFormat.allCases)
    func everyFormatRendersAnEmptyTable(_ format: OutputFormat) {
        let empty = Report(
            title: "Empty", tables: [TextTable(columns: [.init("A")], rows: [])], json: JSONValue.array([]))
        #expect(!empty.rendered(as: format).isEmpty)
    }
}

@Suite("HTML page")
struct HTMLPageTests {
    @Test(arguments: [
        ("due 2026-09-30", "due <span class=\"d\">2026-09-30</span>"),
        ("$730.00 (to 2026-11-26)", "$730.00 (to <span class=\"d\">2026-11-26</span>)"),
        ("2026-11-25T20:00:00Z, later", "<span class=\"d\">2026-11-25T20:00:00Z</span>, later"),
        ("12026-09-30 and 1.36", "12026-09-30 and 1.36"),
    ])
    func datesNeverWrapInsideTheirValue(_ text: String, _ html: String) {
        #expect(HTMLPage.keepingDatesWhole(text) == html)
    }

    @Test func pagesHaveAViewportAndPrintStyles() {
        let page = HTMLPage.render(title: "T", body: "")
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(page.contains("@media print"))
    }
}
