import StackPlanCore

/// A plan's notes: for each cluster in turn, its waiver in force
/// (`waiver: CUSTOMER/CLUSTER deadlines deferred to DAY: REASON`), then each of its warnings
/// (`warning: CUSTOMER/CLUSTER: TEXT`). Made one at a time as they are read; the clusters without
/// any (most of a fleet) are stepped over by index, with nothing made for them.
struct PlanNotes: Sequence, Sendable {
    let clusters: [ClusterPlan]

    func makeIterator() -> Iterator {
        Iterator(clusters: clusters)
    }

    struct Iterator: IteratorProtocol {
        let clusters: [ClusterPlan]
        /// The cluster whose notes come next.
        private var index = 0
        /// The next of that cluster's notes: -1 its waiver, 0 and on its warnings.
        private var note = -1

        init(clusters: [ClusterPlan]) {
            self.clusters = clusters
        }

        mutating func next() -> String? {
            while index < clusters.count {
                // Read in place: a copy of the cluster's plan would retain every one of its parts.
                if note < 0 {
                    note = 0
                    if let waiver = clusters[index].waiver {
                        return "waiver: \(name) deadlines deferred to \(waiver.until): \(waiver.reason)"
                    }
                }
                if note < clusters[index].warnings.count {
                    note += 1
                    return "warning: \(name): \(clusters[index].warnings[note - 1])"
                }
                index += 1
                note = -1
            }
            return nil
        }

        private var name: String { "\(clusters[index].customer)/\(clusters[index].cluster.name)" }
    }
}
