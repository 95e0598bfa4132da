/// SplitMix64: a small, fast, seedable generator, so the same seed gives the same fleet everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates a realistic synthetic inventory from the catalog: about five clusters per customer on
/// the catalog's platforms, recent Kubernetes minors, real component versions, some lagging nodes,
/// side-by-side clusters, customers without non-production, and waivers.
public struct FleetGenerator: Sendable {
    public let catalog: Catalog
    /// The date the fleet is generated for: clusters run minors released by then.
    public let asOf: CalendarDay

    public init(catalog: Catalog, asOf: CalendarDay) {
        self.catalog = catalog
        self.asOf = asOf
    }

    public func generate(customers count: Int, seed: UInt64) -> Inventory {
        var random = SplitMix64(seed: seed)
        let podCount = max(1, (count + 24) / 25)
        let pods = (1...podCount).map {
            Pod(id: "pod-\(Self.pad($0, 3))", upgradesPerWeek: Int.random(in: 3...6, using: &random))
        }
        let platforms = catalog.platforms.map { platform -> (Platform, [VersionNumber]) in
            let released = ReleaseCalendar(releases: platform.releases).released(on: asOf).map(\.cycle)
            return (platform, Array(released.prefix(5)))
        }.filter { !$0.1.isEmpty }
        let customers = (0..<count).map { index in
            customer(index + 1, pods: pods, platforms: platforms, random: &random)
        }
        return Inventory(pods: pods, customers: customers)
    }

    private func customer(
        _ number: Int, pods: [Pod], platforms: [(Platform, [VersionNumber])], random: inout SplitMix64
    ) -> Customer {
        let id = "cust-\(Self.pad(number, 5))"
        var environments = [
            Environment(
                name: "production", kind: .production,
                clusters: (1...Int.random(in: 2...4, using: &random)).map {
                    cluster("\(id)-prod-\($0)", platforms: platforms, random: &random)
                })
        ]
        if Int.random(in: 0..<10, using: &random) > 0 {
            environments.append(
                Environment(
                    name: "staging", kind: .nonProduction,
                    clusters: (1...Int.random(in: 1...3, using: &random)).map {
                        cluster("\(id)-stage-\($0)", platforms: platforms, random: &random)
                    }))
        }
        var waivers: [Waiver] = []
        if Int.random(in: 0..<100, using: &random) < 3, let first = environments.first?.clusters.first {
            waivers.append(
                Waiver(
                    cluster: first.name, until: asOf.adding(days: Int.random(in: 30...180, using: &random)),
                    reason: "Change freeze agreed with the customer"))
        }
        let onboarding: CalendarDay? =
            Bool.random(using: &random) ? asOf.adding(days: -Int.random(in: 30...1000, using: &random)) : nil
        return Customer(
            id: id, name: "Customer \(Self.pad(number, 5))",
            pod: pods[Int.random(in: 0..<pods.count, using: &random)].id,
            monthlyFee: Double(Int.random(in: 4...80, using: &random) * 500), onboardingEnds: onboarding,
            environments: environments, waivers: waivers)
    }

    private func cluster(_ name: String, platforms: [(Platform, [VersionNumber])], random: inout SplitMix64) -> Cluster
    {
        let (platform, minors) = platforms[Int.random(in: 0..<platforms.count, using: &random)]
        // Most clusters are on the newest two minors; some lag further.
        let lag = [0, 0, 0, 1, 1, 1, 2, 2, 3, 4][Int.random(in: 0..<10, using: &random)]
        let minor = minors[min(lag, minors.count - 1)]
        let patch = Int.random(in: 0...9, using: &random)
        let nodeLag = Int.random(in: 0..<100, using: &random) < 15 ? Int.random(in: 1...4, using: &random) : 0
        let nodes = nodeLag > 0 && minor.part(1) - nodeLag > 0 ? minor.advancingMinor(by: -nodeLag) : nil
        let offered = catalog.components.filter {
            $0.isOffered(on: platform.id) && !$0.releases.isEmpty && $0.role != .iac && $0.role != .cicd
        }
        let picked = offered.shuffled(using: &random).prefix(Int.random(in: 2...5, using: &random))
        let components = picked.map { component -> InstalledComponent in
            let recent = component.releases.sorted { $1.cycle < $0.cycle }.prefix(4)
            let release = Array(recent)[Int.random(in: 0..<recent.count, using: &random)]
            let text = release.latest ?? release.cycle.text + ".0"
            return InstalledComponent(id: component.id, version: VersionNumber(version: text) ?? release.cycle)
        }
        return Cluster(
            name: name, platform: platform.id, version: VersionNumber(parts: minor.parts + [patch]),
            nodeVersion: nodes.flatMap { nodes in platform.releases.contains { $0.cycle == nodes } ? nodes : nil },
            strategy: Int.random(in: 0..<5, using: &random) == 0 ? .sideBySide : .inPlace, components: components)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
