import Foundation
import StackPlanCatalog
import StackPlanCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the unmodified output of the tools operators run against a cluster. Every problem is a
/// located diagnostic; a document of the wrong kind says what was expected.
public enum ToolOutputs {
    /// Why an output could not be read.
    public struct Failure: Error, CustomStringConvertible {
        public let diagnostic: Diagnostic
        public var description: String { diagnostic.description }
    }

    /// A Helm release as `helm list -o json` shows it.
    public struct HelmRelease: Hashable, Sendable {
        public let name: String
        public let namespace: String
        /// The chart name, without its version.
        public let chart: String
        public let chartVersion: String
        public let appVersion: String
    }

    /// A Sonobuoy e2e run from its JUnit XML.
    public struct TestRun: Hashable, Sendable {
        public let date: CalendarDay?
        public let passed: Int
        public let failed: Int
        public let skipped: Int
    }

    static func failure(_ path: String, _ message: String, line: Int = 1, column: Int = 1) -> Failure {
        Failure(
            diagnostic: Diagnostic(
                .error, "bad-tool-output", message, at: SourceLocation(file: path, line: line, column: column)))
    }

    private static func object(_ data: Data, path: String) throws(Failure) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data)
        } catch {
            let (line, column) = JSONPosition.of(error, in: data)
            throw failure(path, "malformed JSON: not valid here", line: line, column: column)
        }
    }

    /// A Kubernetes version as servers print it: `v1.35.2-eks-3025e55` → 1.35.2 (and `eks`).
    static func kubernetes(_ text: String) -> (version: VersionNumber, platform: String?)? {
        let body = text.hasPrefix("v") ? String(text.dropFirst()) : text
        let core = body.prefix { $0 != "-" && $0 != "+" }
        guard let version = VersionNumber(version: core), version.partCount >= 2 else { return nil }
        return (version, body.contains("-eks-") ? "eks" : nil)
    }

    /// `kubectl version -o json`: the control plane from `serverVersion.gitVersion`.
    public static func kubectlVersion(_ data: Data, path: String) throws(Failure) -> (
        version: VersionNumber, platform: String?
    ) {
        guard let root = try object(data, path: path) as? [String: Any],
            let server = root["serverVersion"] as? [String: Any]
        else {
            throw failure(path, "expected the output of 'kubectl version -o json' (an object with 'serverVersion')")
        }
        guard let text = server["gitVersion"] as? String, let parsed = kubernetes(text) else {
            throw failure(path, "'serverVersion.gitVersion' is not a Kubernetes version")
        }
        return parsed
    }

    /// `kubectl get nodes -o json`: the oldest kubelet, and how many nodes run each version.
    public static func nodes(_ data: Data, path: String) throws(Failure) -> (
        oldest: VersionNumber, counts: [(version: String, nodes: Int)]
    ) {
        guard let root = try object(data, path: path) as? [String: Any], let items = root["items"] as? [[String: Any]]
        else { throw failure(path, "expected the output of 'kubectl get nodes -o json' (a List of Node items)") }
        var counts: [String: Int] = [:]
        var oldest: VersionNumber?
        for (index, item) in items.enumerated() {
            guard item["kind"] as? String == "Node" || root["kind"] as? String == "NodeList" || item["kind"] == nil
            else {
                throw failure(
                    path,
                    "item \(index) is a \(item["kind"] as? String ?? "?"), not a Node: expected 'kubectl get nodes -o json'"
                )
            }
            guard let status = item["status"] as? [String: Any], let info = status["nodeInfo"] as? [String: Any],
                let text = info["kubeletVersion"] as? String, let parsed = kubernetes(text)
            else { throw failure(path, "item \(index) has no 'status.nodeInfo.kubeletVersion': not a Node") }
            counts[parsed.version.text, default: 0] += 1
            if oldest.map({ parsed.version < $0 }) ?? true { oldest = parsed.version }
        }
        guard let oldest else { throw failure(path, "the node list is empty") }
        return (oldest, counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// `helm list -A -o json`: each release's chart (name and version) and app version.
    public static func helm(_ data: Data, path: String) throws(Failure) -> [HelmRelease] {
        guard let items = try object(data, path: path) as? [[String: Any]] else {
            throw failure(path, "expected the output of 'helm list -o json' (an array of releases)")
        }
        return try items.enumerated().map { index, item throws(Failure) in
            guard let name = item["name"] as? String, let chart = item["chart"] as? String else {
                throw failure(path, "release \(index) has no 'name' and 'chart': not 'helm list -o json'")
            }
            // `ingress-nginx-4.11.3`: the version starts after the last '-' that is followed by a digit.
            // (`cert-manager-v1.18.2`: a `v` may come first).
            let split = chart.indices.last { index in
                guard chart[index] == "-" else { return false }
                var next = chart.index(after: index)
                if next < chart.endIndex, chart[next] == "v" { next = chart.index(after: next) }
                return next < chart.endIndex && chart[next].isNumber
            }
            let chartName = split.map { String(chart[..<$0]) } ?? chart
            let chartVersion = split.map { String(chart[chart.index(after: $0)...].drop { $0 == "v" }) } ?? ""
            return HelmRelease(
                name: name, namespace: item["namespace"] as? String ?? "", chart: chartName, chartVersion: chartVersion,
                appVersion: item["app_version"] as? String ?? "")
        }
    }

    /// `aws eks describe-cluster --output json`: the cluster's name and Kubernetes version.
    public static func eks(_ data: Data, path: String) throws(Failure) -> (name: String, version: VersionNumber) {
        guard let root = try object(data, path: path) as? [String: Any], let cluster = root["cluster"] as? [String: Any]
        else { throw failure(path, "expected the output of 'aws eks describe-cluster' (an object with 'cluster')") }
        guard let name = cluster["name"] as? String, let text = cluster["version"] as? String,
            let version = VersionNumber(cycle: text)
        else { throw failure(path, "'cluster.name' and 'cluster.version' (such as \"1.35\") are required") }
        return (name, version)
    }

    /// A Sonobuoy e2e JUnit XML: test cases passed, failed (`failure` or `error`) and skipped, and
    /// the day of the run (the suite's `timestamp`).
    public static func junit(_ data: Data, path: String) throws(Failure) -> TestRun {
        let reader = JUnitReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        // Foundation's parser may report success and still set an error (a mismatched tag).
        guard parser.parse(), parser.parserError == nil else {
            throw failure(
                path, "malformed XML: \(parser.parserError?.localizedDescription ?? "cannot parse")",
                line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
        }
        guard reader.sawSuite else {
            throw failure(path, "expected a JUnit XML report (<testsuite> elements), such as Sonobuoy's junit_01.xml")
        }
        return TestRun(date: reader.date, passed: reader.passed, failed: reader.failed, skipped: reader.skipped)
    }
}

/// Counts JUnit test cases by outcome.
private final class JUnitReader: NSObject, XMLParserDelegate {
    var sawSuite = false
    var date: CalendarDay?
    var passed = 0
    var failed = 0
    var skipped = 0
    private var inCase = false
    private var outcome: Int = 0  // 0 passed, 1 failed, 2 skipped

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "testsuite":
            sawSuite = true
            if date == nil, let stamp = attributes["timestamp"] { date = CalendarDay(String(stamp.prefix(10))) }
        case "testcase":
            inCase = true
            outcome = 0
        case "failure",
            "error" where inCase:
            outcome = 1
        case "skipped" where inCase:
            if outcome != 1 { outcome = 2 }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard name == "testcase", inCase else { return }
        inCase = false
        switch outcome {
        case 1: failed += 1
        case 2: skipped += 1
        default: passed += 1
        }
    }
}
