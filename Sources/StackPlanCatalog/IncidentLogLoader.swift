import Foundation
import StackPlanCore

/// The outcome of reading an incident log: the incidents when no row was bad, and every diagnostic.
public struct IncidentLoadResult: Sendable {
    public let incidents: [Incident]?
    public let diagnostics: [Diagnostic]
}

/// Reads the incident log: CSV with the header
/// `id,customer,severity,openedAt,respondedAt,technical,thirdPartyCause,creditRequestedAt`, plus an
/// optional `cluster` column anywhere (the other columns keep their order).
/// Every bad row is reported as `file:line: error: …`; one bad row means no incidents at all.
public struct IncidentLogLoader: Sendable {
    public static let header = [
        "id", "customer", "severity", "openedAt", "respondedAt", "technical", "thirdPartyCause", "creditRequestedAt",
    ]
    /// The optional column naming the incident's cluster.
    public static let clusterColumn = "cluster"

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: String) -> String {
        guard text.first == " " || text.last == " " || text.first == "\t" || text.last == "\t" else { return text }
        return String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// Customer ids the log may name, each with the names of its clusters.
    public let customers: [String: Set<String>]

    public init(customers: [String: Set<String>]) {
        self.customers = customers
    }

    /// A loader for the customers and clusters of an inventory.
    public init(inventory customers: [Customer]) {
        var known: [String: Set<String>] = [:]
        for customer in customers {
            known[customer.id] = Set(customer.environments.flatMap { $0.clusters.map(\.name) })
        }
        self.init(customers: known)
    }

    public func load(path: String) throws(CatalogDirectoryError) -> IncidentLoadResult {
        let text = try readText(atPath: path)
        return load(text: text, path: path)
    }

    public func load(text: String, path: String) -> IncidentLoadResult {
        let sink = DiagnosticSink()
        // A byte-order mark at the start is accepted, as it is in YAML.
        let rows = CSVRows.parse(
            text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text)
        func error(_ line: Int, _ code: String, _ message: String) {
            sink.error(code, message, at: SourceLocation(file: path, line: line, column: 0))
        }
        guard let first = rows.first else {
            error(
                1, "missing-header",
                "the incident log is empty; it needs the header \(Self.header.joined(separator: ","))")
            return IncidentLoadResult(incidents: nil, diagnostics: sink.diagnostics)
        }
        let names = first.fields.map(Self.trimmed)
        guard names.filter({ $0 != Self.clusterColumn }) == Self.header,
            names.count <= Self.header.count + 1
        else {
            error(
                first.line, "bad-header",
                "the header must be \(Self.header.joined(separator: ",")), with an optional 'cluster' column")
            return IncidentLoadResult(incidents: nil, diagnostics: sink.diagnostics)
        }
        let column = Dictionary(names.enumerated().map { ($1, $0) }) { first, _ in first }
        var seen: Set<String> = []
        var incidents: [Incident] = []
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                error(row.line, "bad-row", "expected \(names.count) fields, found \(row.fields.count)")
                continue
            }
            let field = { (name: String) -> String in
                column[name].map { Self.trimmed(row.fields[$0]) } ?? ""
            }
            var problems: [(String, String)] = []
            let id = field("id")
            if id.isEmpty { problems.append(("missing-value", "'id' is empty")) }
            if !id.isEmpty, !seen.insert(id).inserted {
                problems.append(("duplicate-id", "incident '\(id)' appears twice"))
            }
            let customer = field("customer")
            let clusterName = field(Self.clusterColumn)
            if let clusters = customers[customer] {
                if !clusterName.isEmpty, !clusters.contains(clusterName) {
                    problems.append(
                        ("unknown-cluster", "customer '\(customer)' has no cluster '\(clusterName)' in the inventory"))
                }
            } else {
                problems.append(("unknown-customer", "unknown customer '\(customer)'; it is not in the inventory"))
            }
            let severity = IncidentSeverity(rawValue: field("severity"))
            if severity == nil {
                problems.append(
                    ("bad-value", "'severity' must be urgent, high, normal or low, not '\(field("severity"))'"))
            }
            func instant(_ name: String, required: Bool) -> Instant? {
                let text = field(name)
                if text.isEmpty {
                    if required { problems.append(("missing-value", "'\(name)' is empty")) }
                    return nil
                }
                guard let value = Instant(iso: text) else {
                    problems.append(("bad-instant", "'\(name)' must be ISO 8601 with Z or an offset, not '\(text)'"))
                    return nil
                }
                return value
            }
            func flag(_ name: String) -> Bool? {
                switch field(name) {
                case "true": return true
                case "false": return false
                default:
                    problems.append(("bad-value", "'\(name)' must be true or false, not '\(field(name))'"))
                    return nil
                }
            }
            let opened = instant("openedAt", required: true)
            let responded = instant("respondedAt", required: false)
            let requested = instant("creditRequestedAt", required: false)
            let technical = flag("technical")
            let thirdParty = flag("thirdPartyCause")
            if let opened, let responded, responded < opened {
                problems.append(("bad-order", "'respondedAt' is before 'openedAt'"))
            }
            if let opened, let requested, requested < opened {
                problems.append(("bad-order", "'creditRequestedAt' is before 'openedAt'"))
            }
            for (code, message) in problems { error(row.line, code, message) }
            guard problems.isEmpty, let severity, let opened, let technical, let thirdParty else { continue }
            incidents.append(
                Incident(
                    id: id, customer: customer, severity: severity, openedAt: opened, respondedAt: responded,
                    technical: technical, thirdPartyCause: thirdParty, creditRequestedAt: requested,
                    cluster: clusterName.isEmpty ? nil : clusterName))
        }
        let diagnostics = sink.diagnostics.sortedByLocation
        return IncidentLoadResult(incidents: diagnostics.hasErrors ? nil : incidents, diagnostics: diagnostics)
    }
}

/// RFC 4180 CSV rows with the line each starts on: quoted fields may hold commas, doubled quotes
/// and line breaks; blank lines are skipped; CRLF and LF both end a row. Works on UTF-8 bytes.
enum CSVRows {
    struct Row {
        let line: Int
        let fields: [String]
    }

    static func parse(_ text: String) -> [Row] {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> [Row] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == quote, field.isEmpty {
                // A quoted field: up to the closing quote; "" is a literal quote.
                while index < bytes.count {
                    let inner = bytes[index]
                    index += 1
                    if inner == quote {
                        if index < bytes.count, bytes[index] == quote {
                            field.append(quote)
                            index += 1
                        } else {
                            break
                        }
                    } else {
                        if inner == newline { line += 1 }
                        field.append(inner)
                    }
                }
                continue
            }
            switch byte {
            case comma: endField()
            case carriageReturn: continue
            case newline:
                endRow()
                line += 1
                rowLine = line
            default: field.append(byte)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
