import Foundation
import StackPlanCore

/// The outcome of reading an inventory: the inventory when there were no errors, and every diagnostic.
public struct InventoryLoadResult: Sendable {
    /// The inventory, or `nil` when any error was found.
    public let inventory: Inventory?
    /// Every problem found, sorted by location.
    public let diagnostics: [Diagnostic]
}

/// Reads and validates an inventory YAML file against a catalog.
///
/// Reports, each at its position: YAML syntax, unknown keys, wrong types, unknown pods, platforms
/// and components, malformed versions, duplicate customers and clusters, waivers for unknown
/// clusters.
public struct InventoryLoader: Sendable {
    /// The root key of the customers list (streamed item by item, see `load(_:)`).
    static let customersKey = "customers"
    static let rootKeys = ["pods", customersKey]
    static let podKeys = ["id", "upgradesPerWeek", "zone"]
    /// The most cluster steps a pod can start in a week.
    static let maxUpgradesPerWeek = 1000
    /// The largest monthly fee in USD (a cap for credit arithmetic).
    static let maxMonthlyFee = 100_000_000.0
    static let customerKeys = CustomerKey.allCases.map(\.rawValue)
    static let environmentKeys = EnvironmentKey.allCases.map(\.rawValue)
    static let clusterKeys = ClusterKey.allCases.map(\.rawValue)
    static let conformanceKeys = ["date", "kubernetes", "passed", "failed", "skipped"]
    static let waiverKeys = WaiverKey.allCases.map(\.rawValue)

    /// The keys of a customer, in the order suggestions prefer them.
    enum CustomerKey: String, CaseIterable {
        case id, name, pod, monthlyFee, onboardingEnds, inBreach, environments, waivers, maintenanceWindows, freezes
    }

    enum EnvironmentKey: String, CaseIterable {
        case name, kind, clusters, maintenanceWindows
    }

    enum ClusterKey: String, CaseIterable {
        case name, platform, version, nodeVersion, strategy, components, uncataloged, conformance
    }

    enum WaiverKey: String, CaseIterable {
        case cluster, until, reason
    }

    /// The catalog whose platforms and components the inventory may name.
    public var catalog: Catalog { tables.catalog }
    /// The catalog and what is looked up in it, behind one reference: the loader is copied into
    /// every closure that reads a list, and a copy is then one retain.
    let tables: Tables

    /// Reads the inventory file at `path`.
    public func load(path: String) throws(CatalogDirectoryError) -> InventoryLoadResult {
        let text = try readText(atPath: path)
        return load(SourceFile(path: path, relativePath: path, text: text))
    }

    /// Validates `file` as an inventory.
    ///
    /// When the pods come before the customers (as in every inventory StackPlan writes), each
    /// customer is decoded as soon as it is composed and its nodes are dropped, so the whole node
    /// tree never sits in memory beside the inventory. Otherwise the tree is read as a whole; the
    /// diagnostics are the same either way.
    public func load(_ file: SourceFile) -> InventoryLoadResult {
        load(file, plainScanner: true)
    }

    /// ``load(_:)``, with libyaml alone when `plainScanner` is false (the scanner has already
    /// given up on this text).
    func load(_ file: SourceFile, plainScanner: Bool) -> InventoryLoadResult {
        let sink = DiagnosticSink()
        let streamed = StreamedCustomers()
        let versions = VersionTable()
        let stream = EventComposer.ItemStream(key: Self.customersKey, restart: streamed.reset) { item, index, root in
            if streamed.pods == nil {
                guard !streamed.declined, root["pods"] != nil,
                    let partial = MappingReader(root, in: file, sink: streamed.sink, context: "the inventory")
                else {
                    streamed.declined = true
                    return false
                }
                streamed.pods = readPods(partial, ids: &streamed.podIds)
            }
            if let reader = MappingReader(
                item, in: file, sink: streamed.sink, context: Self.customersKey, index: index),
                let customer = customer(reader, pods: streamed.podIds, seen: &streamed.customerIds, versions: versions)
            {
                streamed.customers.append(customer)
            }
            return true
        }
        guard let root = file.compose(into: sink, streaming: stream, plainScanner: plainScanner),
            let reader = MappingReader(root, in: file, sink: sink, context: "the inventory")
        else { return InventoryLoadResult(inventory: nil, diagnostics: sink.diagnostics) }
        // What the streamed items reported counts only once the whole file composed.
        sink.append(contentsOf: streamed.sink.diagnostics)
        reader.rejectUnknownKeys(allowed: Self.rootKeys)
        var podIds = streamed.podIds
        let pods = streamed.pods ?? readPods(reader, ids: &podIds)
        var customerIds = streamed.customerIds
        let customers =
            streamed.customers
            + (reader.items(Self.customersKey) { item, _ -> Customer? in
                customer(item, pods: podIds, seen: &customerIds, versions: versions)
            } ?? [])
        let diagnostics = sink.diagnostics.sortedByLocation
        return InventoryLoadResult(
            inventory: diagnostics.hasErrors ? nil : Inventory(pods: pods, customers: customers),
            diagnostics: diagnostics)
    }

    /// The pods of the root mapping, their ids collected in `ids`.
    func readPods(_ reader: MappingReader, ids podIds: inout Set<String>) -> [Pod] {
        reader.items("pods") { item, _ -> Pod? in
            item.rejectUnknownKeys(allowed: Self.podKeys)
            guard let id = item.string("id"), let capacity = positiveInt(item, "upgradesPerWeek") else {
                return nil
            }
            guard podIds.insert(id).inserted else {
                item.sink.error("duplicate-id", "pod '\(id)' is declared twice", at: item.location("id"))
                return nil
            }
            return Pod(id: id, upgradesPerWeek: capacity, zone: zone(item, "zone", required: false))
        } ?? []
    }

    func customer(
        _ item: MappingReader, pods: Set<String>, seen: inout Set<String>, versions: VersionTable
    ) -> Customer? {
        item.rejectUnknownKeys(allowed: Self.customerKeys)
        let id = item.string("id")
        if let id, !seen.insert(id).inserted {
            Self.reportDuplicate(customer: id, at: item.location("id"), in: item.sink)
        }
        let name = item.string("name")
        let pod = item.string("pod")
        if let pod, !pods.contains(pod) {
            item.sink.error(
                "unknown-pod", "unknown pod '\(pod)'; declared pods: \(pods.sorted().joined(separator: ", "))",
                at: item.location("pod"))
        }
        let fee = money(item, "monthlyFee")
        let onboardingEnds = item.day("onboardingEnds", required: false)
        let inBreach = item.flag("inBreach") ?? false
        var clusterNames: Set<String> = []
        let environments =
            item.items("environments") { env, _ -> Environment? in
                env.rejectUnknownKeys(allowed: Self.environmentKeys)
                let name = env.string("name")
                let kind = env.choice("kind", EnvironmentKind.self)
                let clusters =
                    env.items("clusters") { node, _ in cluster(node, names: &clusterNames, versions: versions) } ?? []
                let windows = maintenanceWindows(env)
                guard let name, let kind else { return nil }
                return Environment(name: name, kind: kind, clusters: clusters, maintenanceWindows: windows)
            } ?? []
        let waivers =
            item.items("waivers", required: false) { waiver, _ -> Waiver? in
                waiver.rejectUnknownKeys(allowed: Self.waiverKeys)
                let cluster = waiver.string("cluster")
                if let cluster, !clusterNames.contains(cluster) {
                    waiver.sink.error(
                        "unknown-cluster", "waiver names cluster '\(cluster)', which this customer does not have",
                        at: waiver.location("cluster"))
                }
                guard let cluster, let until = waiver.day("until"), let reason = waiver.string("reason") else {
                    return nil
                }
                return Waiver(cluster: cluster, until: until, reason: reason)
            } ?? []
        let windows = maintenanceWindows(item) ?? []
        let freezes = freezes(item, environments: Set(environments.map(\.name)))
        guard let id, let name, let pod, let fee else { return nil }
        return Customer(
            id: id, name: name, pod: pod, monthlyFee: fee, onboardingEnds: onboardingEnds, inBreach: inBreach,
            environments: environments,
            waivers: waivers, maintenanceWindows: windows, freezes: freezes)
    }

    /// A customer id declared a second time.
    static func reportDuplicate(customer id: String, at location: SourceLocation, in sink: DiagnosticSink) {
        sink.error("duplicate-id", "customer '\(id)' is declared twice", at: location)
    }

    private func cluster(_ item: MappingReader, names: inout Set<String>, versions: VersionTable) -> Cluster? {
        item.rejectUnknownKeys(allowed: Self.clusterKeys)
        let name = item.string("name")
        if let name, !names.insert(name).inserted {
            item.sink.error(
                "duplicate-cluster", "cluster '\(name)' appears twice in this customer", at: item.location("name"))
        }
        let platform = item.string("platform")
        if let platform, tables.platform(platform) == nil {
            let known = catalog.platforms.map(\.id).joined(separator: ", ")
            item.sink.error(
                "unknown-platform", "unknown platform '\(platform)'; known: \(known)", at: item.location("platform"))
        }
        let version = kubernetesVersion(item, "version", required: true, versions: versions)
        let nodeVersion = kubernetesVersion(item, "nodeVersion", required: false, versions: versions)
        let minor = version?.minor
        let nodeMinor = nodeVersion?.minor
        if let platform, let known = tables.platform(platform) {
            func requireRelease(_ minor: VersionNumber?, _ key: String) {
                guard let minor, !known.minors.contains(minor) else { return }
                item.sink.error(
                    "unknown-minor", "Kubernetes \(minor) is not a release of \(known.name)", at: item.location(key))
            }
            requireRelease(minor, "version")
            requireRelease(nodeMinor, "nodeVersion")
        }
        if let minor, let nodeMinor, minor < nodeMinor {
            item.sink.error(
                "node-newer",
                "worker nodes (\(nodeMinor)) may not be newer than the control plane (\(minor))",
                at: item.location("nodeVersion"))
        }
        let strategy = item.choice("strategy", UpgradeStrategy.self, required: false) ?? .inPlace
        let components = installedComponents(item, versions: versions)
        let uncataloged = versionMap(item, "uncataloged", versions: versions)
        let conformance = conformanceRun(item, versions: versions)
        guard let name, let platform, let version else { return nil }
        return Cluster(
            name: name, platform: platform, version: version, nodeVersion: nodeVersion, strategy: strategy,
            components: components, uncataloged: uncataloged, conformance: conformance)
    }

    /// `uncataloged: {name: "version"}`: installed software no catalog component claims.
    private func versionMap(_ item: MappingReader, _ key: String, versions: VersionTable) -> [InstalledComponent] {
        guard let node = item.value(key, required: false),
            let map = MappingReader(node, in: item.file, sink: item.sink, context: key)
        else { return [] }
        return map.pairs.compactMap { key, value -> InstalledComponent? in
            guard let name = key.string, let text = value.string, let version = versions.version(text) else {
                item.sink.error(
                    "bad-version", "'\(key.string ?? "?")' needs a version such as \"1.2.3\"",
                    at: item.file.location(of: value))
                return nil
            }
            return InstalledComponent(id: name, version: version)
        }
    }

    /// `conformance: {date, kubernetes, passed, failed, skipped}`: the newest conformance run.
    private func conformanceRun(_ item: MappingReader, versions: VersionTable) -> ConformanceRun? {
        guard let node = item.value("conformance", required: false),
            let run = MappingReader(node, in: item.file, sink: item.sink, context: "conformance")
        else { return nil }
        run.rejectUnknownKeys(allowed: Self.conformanceKeys)
        let date = run.day("date")
        let kubernetes = kubernetesVersion(run, "kubernetes", required: true, versions: versions)
        func count(_ key: String) -> Int? {
            guard let text = run.string(key) else { return nil }
            guard let value = Int(text), (0...1_000_000).contains(value) else {
                run.sink.error("bad-value", "'\(key)' must be a count of tests, not '\(text)'", at: run.location(key))
                return nil
            }
            return value
        }
        guard let date, let kubernetes, let passed = count("passed"), let failed = count("failed"),
            let skipped = count("skipped")
        else { return nil }
        return ConformanceRun(date: date, kubernetes: kubernetes, passed: passed, failed: failed, skipped: skipped)
    }

    private func installedComponents(_ item: MappingReader, versions: VersionTable) -> [InstalledComponent] {
        guard let node = item.value("components", required: false),
            let map = MappingReader(node, in: item.file, sink: item.sink, context: "components")
        else { return [] }
        // Sized to the entries at once: the cluster keeps this array as it is (when in id order),
        // and growing by doubling would leave spare room in every one (20 MB at 100,000 customers).
        var components: [InstalledComponent] = []
        components.reserveCapacity(map.pairs.count)
        for (key, value) in map.pairs {
            guard let id = key.string else { continue }
            guard tables.isComponent(id) else {
                item.sink.error("unknown-component", "unknown component '\(id)'", at: item.file.location(of: key))
                continue
            }
            guard let text = value.string, let version = versions.version(text) else {
                item.sink.error(
                    "bad-version", "the version of '\(id)' must be dotted numbers such as \"3.4.1\"",
                    at: item.file.location(of: value))
                continue
            }
            components.append(InstalledComponent(id: id, version: version))
        }
        return components
    }

    /// Whether a dot-separated part of a version's numbers (after a leading `v`, before a `-` or
    /// `+` suffix) has a leading zero (`1.035`, `01.2`); read byte by byte, no array per call.
    static func hasLeadingZeroPart(_ text: String) -> Bool {
        var partStart = true
        var startsWithZero = false
        for byte in text.utf8.drop(while: { $0 == UInt8(ascii: "v") }) {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "+"): return false
            case UInt8(ascii: "."): (partStart, startsWithZero) = (true, false)
            default:
                if startsWithZero { return true }
                startsWithZero = partStart && byte == UInt8(ascii: "0")
                partStart = false
            }
        }
        return false
    }

    /// A Kubernetes version: a minor (`1.33`) or a patch (`1.33.4`), optionally with a leading `v`.
    private func kubernetesVersion(
        _ item: MappingReader, _ key: String, required: Bool, versions: VersionTable
    ) -> VersionNumber? {
        guard let text = item.string(key, required: required) else { return nil }
        guard let version = versions.kubernetesVersion(text) else {
            item.sink.error(
                "bad-version", "'\(key)' must be a Kubernetes version such as \"1.33\" or \"1.33.4\", not '\(text)'",
                at: item.location(key))
            return nil
        }
        return version
    }

    private func positiveInt(_ item: MappingReader, _ key: String) -> Int? {
        guard let text = item.string(key) else { return nil }
        guard let value = Int(text), (1...Self.maxUpgradesPerWeek).contains(value) else {
            item.sink.error(
                "bad-value", "'\(key)' must be a whole number from 1 to \(Self.maxUpgradesPerWeek), not '\(text)'",
                at: item.location(key))
            return nil
        }
        return value
    }

    private func money(_ item: MappingReader, _ key: String) -> Double? {
        guard let text = item.string(key) else { return nil }
        guard let value = Self.amount(text) else {
            item.sink.error(
                "bad-value", "'\(key)' must be an amount in USD from 0 to 100000000, not '\(text)'",
                at: item.location(key))
            return nil
        }
        return value
    }

    /// `text` as an amount in USD within the bounds, `nil` when it is none.
    static func amount(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite, (0...maxMonthlyFee).contains(value) else { return nil }
        return value
    }
}

/// What ``InventoryLoader/load(_:)`` decodes while the file is still being composed: the pods (read
/// once, when the first customer arrives after them) and the customers, with their own
/// diagnostics. A class: the composer's callback fills it in.
private final class StreamedCustomers {
    /// The pods, once read; nil before the first customer, or when the customers came first.
    var pods: [Pod]?
    var podIds: Set<String> = []
    /// Set when the first customer came before any pods: the tree is then read as a whole.
    var declined = false
    var customers: [Customer] = []
    var customerIds: Set<String> = []
    private(set) var sink = DiagnosticSink()

    /// Forgets everything decoded so far (the text is being read again from its start).
    func reset() {
        (pods, podIds, declined, customers, customerIds) = (nil, [], false, [], [])
        sink = DiagnosticSink()
    }
}
