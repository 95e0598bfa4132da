import Foundation
import StackPlanCore

extension InventoryLoader {
    /// The customer held by one item's tape (``PlainBlockScanner/item(_:in:into:)``), with the
    /// position of its id, read without building a node tree: keys are matched as bytes against
    /// the fixed key sets and Strings are made only for the values kept.
    ///
    /// This is the fast path for what inventories almost always hold. It accepts only what
    /// ``customer(_:pods:seen:versions:)`` accepts without a single diagnostic, and makes the same
    /// customer of it; anything else returns `nil`, and the item is then read through the node
    /// tree, which reports its problems: an unknown or repeated key, a missing, empty or null
    /// value, a value the rules refuse, an id in `seen`, and the rarely written parts
    /// (maintenance windows, freezes, uncataloged software, conformance runs).
    func tapeCustomer(
        _ tape: YAMLTape, in bytes: UnsafeBufferPointer<UInt8>, pods: Set<String>, seen: Set<String>,
        versions: VersionTable
    ) -> (customer: Customer, id: YAMLMark)? {
        let reader = TapeReader(tape: tape, bytes: bytes, tables: tables, versions: versions)
        // The item's tape is a sequence holding one mapping.
        guard tape.entries.count > 1, tape.entries[0].kind == .sequence, tape.next(after: 1) == tape.entries.count
        else { return nil }
        return reader.customer(at: 1, pods: pods, seen: seen)
    }
}

/// Reads a customer's values off a ``YAMLTape``; every method returns `nil` for what the fast path
/// leaves to the node tree (see ``InventoryLoader/tapeCustomer(_:in:pods:seen:versions:)``).
private struct TapeReader {
    let tape: YAMLTape
    let bytes: UnsafeBufferPointer<UInt8>
    let tables: InventoryLoader.Tables
    let versions: VersionTable

    private static let customerKeys = KeyNames<InventoryLoader.CustomerKey>()
    private static let environmentKeys = KeyNames<InventoryLoader.EnvironmentKey>()
    private static let clusterKeys = KeyNames<InventoryLoader.ClusterKey>()
    private static let waiverKeys = KeyNames<InventoryLoader.WaiverKey>()

    func customer(at index: Int, pods: Set<String>, seen: Set<String>) -> (customer: Customer, id: YAMLMark)? {
        var (idAt, nameAt, podAt, feeAt, onboardingAt, inBreachAt, environmentsAt, waiversAt) =
            (-1, -1, -1, -1, -1, -1, -1, -1)
        let known = pairs(of: index, Self.customerKeys) { key, value in
            switch key {
            case .id: idAt = value
            case .name: nameAt = value
            case .pod: podAt = value
            case .monthlyFee: feeAt = value
            case .onboardingEnds: onboardingAt = value
            case .inBreach: inBreachAt = value
            case .environments: environmentsAt = value
            case .waivers: waiversAt = value
            case .maintenanceWindows, .freezes: return false
            }
            return true
        }
        guard known, let id = string(idAt), !seen.contains(id), let name = string(nameAt),
            let pod = string(podAt), pods.contains(pod), let feeText = string(feeAt),
            let fee = InventoryLoader.amount(feeText)
        else { return nil }
        var onboardingEnds: CalendarDay?
        if onboardingAt >= 0 {
            guard let text = string(onboardingAt), let day = CalendarDay(text) else { return nil }
            onboardingEnds = day
        }
        var inBreach = false
        if inBreachAt >= 0 {
            guard let flag = flag(inBreachAt) else { return nil }
            inBreach = flag
        }
        var clusterNames = Set<String>(minimumCapacity: 8)
        guard
            let environments = items(environmentsAt, { environment(at: $0, clusterNames: &clusterNames) }),
            let waivers = waiversAt < 0 ? [] : items(waiversAt, { waiver(at: $0, clusterNames: clusterNames) })
        else { return nil }
        let customer = Customer(
            id: id, name: name, pod: pod, monthlyFee: fee, onboardingEnds: onboardingEnds, inBreach: inBreach,
            environments: environments, waivers: waivers, maintenanceWindows: [], freezes: [])
        return (customer, tape.entries[idAt].mark)
    }

    private func environment(at index: Int, clusterNames: inout Set<String>) -> Environment? {
        var (nameAt, kindAt, clustersAt) = (-1, -1, -1)
        let known = pairs(of: index, Self.environmentKeys) { key, value in
            switch key {
            case .name: nameAt = value
            case .kind: kindAt = value
            case .clusters: clustersAt = value
            case .maintenanceWindows: return false
            }
            return true
        }
        guard known, let name = string(nameAt), let kind = string(kindAt).flatMap(EnvironmentKind.init(rawValue:)),
            let clusters = items(clustersAt, { cluster(at: $0, names: &clusterNames) })
        else { return nil }
        return Environment(name: name, kind: kind, clusters: clusters)
    }

    private func cluster(at index: Int, names: inout Set<String>) -> Cluster? {
        var (nameAt, platformAt, versionAt, nodeVersionAt, strategyAt, componentsAt) = (-1, -1, -1, -1, -1, -1)
        let known = pairs(of: index, Self.clusterKeys) { key, value in
            switch key {
            case .name: nameAt = value
            case .platform: platformAt = value
            case .version: versionAt = value
            case .nodeVersion: nodeVersionAt = value
            case .strategy: strategyAt = value
            case .components: componentsAt = value
            case .uncataloged, .conformance: return false
            }
            return true
        }
        guard known, let name = string(nameAt), let platformText = scalar(platformAt),
            let platform = tables.platform(platformText),
            let version = kubernetesVersion(versionAt), platform.minors.contains(version.minor)
        else { return nil }
        var nodeVersion: VersionNumber?
        if nodeVersionAt >= 0 {
            guard let node = kubernetesVersion(nodeVersionAt), platform.minors.contains(node.minor),
                node.minor <= version.minor
            else { return nil }
            nodeVersion = node.version
        }
        var strategy = UpgradeStrategy.inPlace
        if strategyAt >= 0 {
            guard let chosen = string(strategyAt).flatMap(UpgradeStrategy.init(rawValue:)) else { return nil }
            strategy = chosen
        }
        var components: [InstalledComponent] = []
        if componentsAt >= 0 {
            guard let installed = self.components(at: componentsAt) else { return nil }
            components = installed
        }
        guard names.insert(name).inserted else { return nil }
        return Cluster(
            name: name, platform: platform.id, version: version.version, nodeVersion: nodeVersion,
            strategy: strategy, components: components)
    }

    /// `components: {id: "version"}`, every id a catalog component's, none twice.
    private func components(at index: Int) -> [InstalledComponent]? {
        let entries = tape.entries
        guard entries[index].kind == .mapping else { return nil }
        var components: [InstalledComponent] = []
        // Sized at once (see the node tree's reader): each pair is a key and a scalar.
        components.reserveCapacity((entries[index].range.upperBound - index - 1) / 2)
        // Inventories list components in id order: while they come in order, no id can repeat.
        var inOrder = true
        var key = index + 1
        while key < entries[index].range.upperBound {
            guard let id = tables.componentId(bytes(key)), let text = scalar(key + 1),
                let version = versions.parse(text).version
            else { return nil }
            if let last = components.last, last.id >= id { inOrder = false }
            if !inOrder, components.contains(where: { $0.id == id }) { return nil }
            components.append(InstalledComponent(id: id, version: version))
            key += 2
        }
        return components
    }

    private func waiver(at index: Int, clusterNames: Set<String>) -> Waiver? {
        var (clusterAt, untilAt, reasonAt) = (-1, -1, -1)
        let known = pairs(of: index, Self.waiverKeys) { key, value in
            switch key {
            case .cluster: clusterAt = value
            case .until: untilAt = value
            case .reason: reasonAt = value
            }
            return true
        }
        guard known, let cluster = string(clusterAt), clusterNames.contains(cluster),
            let until = string(untilAt).flatMap(CalendarDay.init), let reason = string(reasonAt)
        else { return nil }
        return Waiver(cluster: cluster, until: until, reason: reason)
    }

    // MARK: - Tape access

    /// Calls `body` with each key of the mapping at `index` and its value's index; `false` when
    /// the entry is no mapping, a key is not in `names` or comes twice, or `body` says `false`.
    private func pairs<Key>(of index: Int, _ names: KeyNames<Key>, _ body: (Key, Int) -> Bool) -> Bool {
        let entries = tape.entries
        guard entries[index].kind == .mapping else { return false }
        var found: UInt64 = 0
        var key = index + 1
        while key < entries[index].range.upperBound {
            guard let (name, bit) = names.match(bytes, entries[key].range), found & bit == 0, body(name, key + 1) else {
                return false
            }
            found |= bit
            key = tape.next(after: key + 1)
        }
        return true
    }

    /// Reads each item of the sequence at `index` (none when `index` is -1, a missing key).
    private func items<T>(_ index: Int, _ read: (Int) -> T?) -> [T]? {
        guard index >= 0, tape.entries[index].kind == .sequence else { return nil }
        let end = tape.entries[index].range.upperBound
        var count = 0
        var item = index + 1
        while item < end {
            count += 1
            item = tape.next(after: item)
        }
        var values: [T] = []
        values.reserveCapacity(count)
        item = index + 1
        while item < end {
            guard let value = read(item) else { return nil }
            values.append(value)
            item = tape.next(after: item)
        }
        return values
    }

    /// The bytes of the entry at `index` (empty for a collection).
    private func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[tape.entries[index].range])
    }

    /// The bytes of a present, non-empty, non-null scalar value (`-1`: the key is missing).
    private func scalar(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
        guard index >= 0 else { return nil }
        let entry = tape.entries[index]
        guard entry.isScalar, !entry.range.isEmpty else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[entry.range])
        if entry.kind == .plainScalar, text.count <= 4, text[0] == UInt8(ascii: "n") || text[0] == UInt8(ascii: "N") {
            for null in ["null", "Null", "NULL"] where null.utf8.elementsEqual(text) { return nil }
        }
        return text
    }

    /// ``scalar(_:)`` as a String.
    private func string(_ index: Int) -> String? {
        scalar(index).map { String(decoding: $0, as: UTF8.self) }
    }

    private func flag(_ index: Int) -> Bool? {
        string(index).flatMap(MappingReader.flag)
    }

    /// A Kubernetes version and its minor.
    private func kubernetesVersion(_ index: Int) -> (version: VersionNumber, minor: VersionNumber)? {
        guard let text = scalar(index) else { return nil }
        let parsed = versions.parse(text)
        guard let version = parsed.kubernetes, let minor = parsed.minor else { return nil }
        return (version, minor)
    }
}

/// The spellings of a closed set of keys as bytes, matched against a tape's key text.
private struct KeyNames<Key: RawRepresentable & CaseIterable & Sendable>: Sendable where Key.RawValue == String {
    private let names: [(bytes: [UInt8], key: Key)]

    init() {
        names = Key.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The key written in `bytes[range]` and a bit of its own (at most 64 keys).
    func match(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Key, UInt64)? {
        guard let base = bytes.baseAddress, !range.isEmpty else { return nil }
        let text = base + range.lowerBound
        for index in names.indices where names[index].bytes.count == range.count && names[index].bytes[0] == text[0] {
            let equal = names[index].bytes.withUnsafeBufferPointer { name in
                name.baseAddress.map { memcmp($0, text, range.count) == 0 } ?? false
            }
            if equal { return (names[index].key, 1 << UInt64(index)) }
        }
        return nil
    }
}
