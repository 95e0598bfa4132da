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
    /// Field values compared as bytes, without making a String per field.
    private static let severities = IncidentSeverity.allCases.map { (bytes: Array($0.rawValue.utf8), severity: $0) }
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    /// Customer ids the log may name, each with the names of its clusters.
    public let customers: [String: Set<String>]
    /// The same, indexed by the bytes of an id: a row's customer is found without making a String.
    private let customerIndex: ByteStringTable
    private let customerIDs: [String]
    private let customerClusters: [[String]]

    public init(customers: [String: Set<String>]) {
        self.customers = customers
        let ids = customers.keys.sorted()
        customerIDs = ids
        customerClusters = ids.map { customers[$0, default: []].sorted() }
        customerIndex = ByteStringTable(ids)
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
        let data = try readUTF8(atPath: path)
        return data.withUnsafeBytes { load(rows: CSVReader($0.bindMemory(to: UInt8.self)), path: path) }
    }

    public func load(text: String, path: String) -> IncidentLoadResult {
        var text = text
        return text.withUTF8 { load(rows: CSVReader($0), path: path) }
    }

    private func load(rows table: CSVReader, path: String) -> IncidentLoadResult {
        var table = table
        let sink = DiagnosticSink()
        func error(_ line: Int, _ code: String, _ message: String) {
            sink.error(code, message, at: SourceLocation(file: path, line: line, column: 0))
        }
        guard let first = table.nextRow() else {
            error(
                1, "missing-header",
                "the incident log is empty; it needs the header \(Self.header.joined(separator: ","))")
            return IncidentLoadResult(incidents: nil, diagnostics: sink.diagnostics)
        }
        let names = (0..<first.fieldCount).map { table.string(table.trimmedField($0)) }
        guard names.filter({ $0 != Self.clusterColumn }) == Self.header,
            names.count <= Self.header.count + 1
        else {
            error(
                first.line, "bad-header",
                "the header must be \(Self.header.joined(separator: ",")), with an optional 'cluster' column")
            return IncidentLoadResult(incidents: nil, diagnostics: sink.diagnostics)
        }
        let columns = Columns(names: names)
        // Room for every row of the shortest plausible length, so neither grows while reading;
        // pages never written cost nothing.
        let expectedRows = table.inputCount / 48
        // Ids are checked for repeats once all are read (see DuplicateFinder), with their lines.
        var ids = DuplicateFinder(capacity: expectedRows)
        var idLines: [Int] = []
        idLines.reserveCapacity(expectedRows)
        var incidents: [Incident] = []
        incidents.reserveCapacity(expectedRows)
        while let row = table.nextRow() {
            guard row.fieldCount == names.count else {
                error(row.line, "bad-row", "expected \(names.count) fields, found \(row.fieldCount)")
                continue
            }
            func field(_ column: Int) -> Range<Int> { table.trimmedField(column) }
            var problems: [(String, String)] = []
            let idRange = field(columns.id)
            let id = table.string(idRange)
            if id.isEmpty { problems.append(("missing-value", "'id' is empty")) }
            if !id.isEmpty {
                table.withBytes(idRange) { ids.append($0) }
                idLines.append(row.line)
            }
            // The customer's and cluster's Strings are the inventory's own, found by their bytes,
            // not made per row; text that differs only in Unicode form takes the String path.
            let customer: String
            let clusterName: String
            if let known = known(customer: field(columns.customer), cluster: columns.cluster.map(field), in: table) {
                (customer, clusterName) = known
            } else {
                customer = table.string(field(columns.customer))
                clusterName = columns.cluster.map { table.string(field($0)) } ?? ""
                if let clusters = customers[customer] {
                    if !clusterName.isEmpty, !clusters.contains(clusterName) {
                        problems.append(
                            (
                                "unknown-cluster",
                                "customer '\(customer)' has no cluster '\(clusterName)' in the inventory"
                            ))
                    }
                } else {
                    problems.append(("unknown-customer", "unknown customer '\(customer)'; it is not in the inventory"))
                }
            }
            let severityRange = field(columns.severity)
            let severity = table.withBytes(severityRange) { bytes in
                Self.severities.first { $0.bytes.elementsEqual(bytes) }?.severity
            }
            if severity == nil {
                problems.append(
                    (
                        "bad-value",
                        "'severity' must be urgent, high, normal or low, not '\(table.string(severityRange))'"
                    ))
            }
            func instant(_ column: Int, _ name: String, required: Bool) -> Instant? {
                let range = field(column)
                if range.isEmpty {
                    if required { problems.append(("missing-value", "'\(name)' is empty")) }
                    return nil
                }
                guard let value = table.withBytes(range, { Instant(isoUTF8: $0) }) else {
                    problems.append(
                        ("bad-instant", "'\(name)' must be ISO 8601 with Z or an offset, not '\(table.string(range))'"))
                    return nil
                }
                return value
            }
            func flag(_ column: Int, _ name: String) -> Bool? {
                let range = field(column)
                let value = table.withBytes(range) { bytes -> Bool? in
                    if bytes.elementsEqual(Self.trueBytes) { return true }
                    if bytes.elementsEqual(Self.falseBytes) { return false }
                    return nil
                }
                if let value { return value }
                problems.append(("bad-value", "'\(name)' must be true or false, not '\(table.string(range))'"))
                return nil
            }
            let opened = instant(columns.openedAt, "openedAt", required: true)
            let responded = instant(columns.respondedAt, "respondedAt", required: false)
            let requested = instant(columns.creditRequestedAt, "creditRequestedAt", required: false)
            let technical = flag(columns.technical, "technical")
            let thirdParty = flag(columns.thirdPartyCause, "thirdPartyCause")
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
        for ordinal in ids.repeats() {
            error(idLines[ordinal], "duplicate-id", "incident '\(ids.string(at: ordinal))' appears twice")
        }
        let diagnostics = sink.diagnostics.sortedByLocation
        return IncidentLoadResult(incidents: diagnostics.hasErrors ? nil : incidents, diagnostics: diagnostics)
    }
}

extension IncidentLogLoader {
    /// The inventory's Strings for a row's customer and cluster (empty when the row names none),
    /// when their bytes match exactly; nil sends the row to the String comparison.
    fileprivate func known(customer: Range<Int>, cluster: Range<Int>?, in table: CSVReader) -> (String, String)? {
        guard let index = table.withBytes(customer, { customerIndex.index(of: $0) }) else { return nil }
        guard let cluster, !cluster.isEmpty else { return (customerIDs[index], "") }
        let name = table.withBytes(cluster) { bytes in customerClusters[index].first { $0.utf8.elementsEqual(bytes) } }
        return name.map { (customerIDs[index], $0) }
    }
}

/// Where each column of a checked header is.
private struct Columns {
    let id, customer, severity, openedAt, respondedAt, technical, thirdPartyCause, creditRequestedAt: Int
    let cluster: Int?

    /// `names` must hold every header column (the loader checks it first).
    init(names: [String]) {
        func index(_ name: String) -> Int { names.firstIndex(of: name) ?? 0 }
        id = index("id")
        customer = index("customer")
        severity = index("severity")
        openedAt = index("openedAt")
        respondedAt = index("respondedAt")
        technical = index("technical")
        thirdPartyCause = index("thirdPartyCause")
        creditRequestedAt = index("creditRequestedAt")
        cluster = names.firstIndex(of: IncidentLogLoader.clusterColumn)
    }
}
