import Foundation
import Testing

/// Hostile names in every output format stay inert (issue 11, items 11 to 14).
@Suite("Output injection")
struct OutputInjectionTests {
    private let inventory = [
        "--inventory", "Tests/StackPlanCommandsTests/Fixtures/hostile-inventory.yaml", "--as-of", "2026-09-01",
    ]

    private func plan(_ format: String) throws -> String {
        let result = try stackplan(["plan"] + inventory + ["--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func iCalendarTextCannotAddEventsOrProperties() throws {
        let ics = try plan("ics")
        // Only CRLF ends a line; unfold, then every line is a property of ours.
        let bytes = Array(ics.utf8)
        for (index, byte) in bytes.enumerated() where byte == 0x0A || byte == 0x0D {
            #expect(byte == 0x0D ? bytes[index + 1] == 0x0A : bytes[index - 1] == 0x0D)
        }
        let lines = ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter {
            !$0.isEmpty
        }
        let known = [
            "BEGIN:", "END:", "VERSION:", "PRODID:", "CALSCALE:", "METHOD:", "X-WR-CALNAME:", "UID:", "DTSTAMP:",
            "SEQUENCE:", "DTSTART;", "DTEND;", "SUMMARY:", "DESCRIPTION:", "TRANSP:",
        ]
        for line in lines { #expect(known.contains { line.hasPrefix($0) }, "\(line)") }
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0.hasPrefix("UID:") }.count)
        #expect(lines.filter { $0 == "END:VCALENDAR" }.count == 1)
        for uid in lines.filter({ $0.hasPrefix("UID:") }) {
            #expect(uid.dropFirst(4).allSatisfy { $0.isHexDigit || $0 == "@" || $0.isLetter })
            #expect(uid.count == 4 + 32 + 10)
        }
    }

    @Test func csvQuotesLineBreaksAndDisarmsFormulas() throws {
        let csv = try plan("csv")
        #expect(csv.contains(",'=1+1,"))
        #expect(csv.contains("\"c\r\nBEGIN:VEVENT\""))
        // Every record has as many fields as the header, once quoted fields are honoured.
        let header = csv.components(separatedBy: "\r\n")[0].split(separator: ",").count
        var fields = 1
        var quoted = false
        var records: [Int] = []
        let scalars = Array(csv.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" { quoted.toggle() }
            if !quoted, scalar == "," { fields += 1 }
            if !quoted, scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                records.append(fields)
                fields = 1
                index += 1
            }
            index += 1
        }
        #expect(records.allSatisfy { $0 == header })
    }

    @Test func markdownKeepsMarkupInertAndEveryValueOnItsLine() throws {
        let markdown = try plan("markdown")
        #expect(!markdown.contains("<script>") && !markdown.contains("<img"))
        #expect(markdown.contains("&lt;img src=x onerror=alert(1)&gt;"))
        var inTable = false
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("| ") { inTable = true } else if line.isEmpty { inTable = false }
            if inTable { #expect(line.hasPrefix("| ") && line.hasSuffix(" |"), "\(line)") }
        }
        #expect(!markdown.unicodeScalars.contains { $0 == "\r" || $0 == "\u{1B}" || $0 == "\u{85}" })
    }

    @Test(arguments: [["plan"], ["qualify"]])
    func terminalTablesShowControlCharactersAsEscapes(_ command: [String]) throws {
        let result = try stackplan(command + inventory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" || $0 == "\u{85}" })
        #expect(result.stdout.contains(command == ["qualify"] ? "\\x1B[31mred" : "c\\r\\nBEGIN:VEVENT"))
    }
}
