import Foundation
import StackPlanCatalog
import StackPlanCore
import StackPlanStore

/// What the pages of one (inputs, as-of, edition) show: the catalog in use, the inventory and the
/// portfolio analysis (plan, incidents, credits, conformance, forecast).
struct Analysis: Sendable {
    let asOf: CalendarDay
    let edition: String?
    let catalog: Catalog
    let inventory: Inventory
    let portfolio: PortfolioAnalysis
    /// Whether an incident log is configured (credits are shown as unknown without one).
    let hasIncidentLog: Bool

    /// Plans the generation's inventory on `asOf` with the working catalog or a published edition.
    static func make(
        _ generation: InputGeneration, asOf: CalendarDay, edition: String?, horizon: Int, databasePath: String
    ) -> Result<Analysis, ServerError> {
        var catalog = generation.catalog
        if let edition {
            switch editionCatalog(edition, databasePath: databasePath, asOf: asOf) {
            case .success(let found): catalog = found
            case .failure(let error): return .failure(error)
            }
        }
        let inventory = generation.inventory
        let plan = UpgradePlanner(catalog: catalog, asOf: asOf, zones: SystemTimeZone.zones(of: inventory)).plan(
            inventory)
        let portfolio = PortfolioAnalysis(
            catalog: catalog, inventory: inventory, plan: plan, incidents: generation.incidents,
            horizonMonths: horizon)
        return .success(
            Analysis(
                asOf: asOf, edition: edition, catalog: catalog, inventory: inventory, portfolio: portfolio,
                hasIncidentLog: generation.incidents != nil))
    }

    /// The catalog of a published edition: 404 when the store or the edition does not exist.
    static func editionCatalog(_ name: String, databasePath: String, asOf: CalendarDay) -> Result<Catalog, ServerError>
    {
        do throws(ServerError) {
            let store = try requireEdition(name, databasePath: databasePath)
            let files: [SourceFile]
            do {
                files = try store.files(ofEdition: name)
            } catch {
                throw ServerError(status: 500, code: "store", message: error.description)
            }
            guard let catalog = CatalogLoader().load(files: files, asOf: asOf).catalog else {
                throw ServerError(status: 500, code: "invalid-edition", message: "edition '\(name)' does not load")
            }
            return .success(catalog)
        } catch {
            return .failure(error)
        }
    }

    /// The store, once it is known to hold edition `name`: 404 when the store or the edition does
    /// not exist (what the API checks before running a command with `--edition`).
    @discardableResult
    static func requireEdition(_ name: String, databasePath: String) throws(ServerError) -> HistoryStore {
        let store: HistoryStore
        let names: [String]
        do {
            store = try HistoryStore.open(path: databasePath, create: false)
            names = try store.editions().map(\.name)
        } catch .missing {
            throw .notFound("no history database at \(databasePath): no published editions")
        } catch {
            throw ServerError(status: 500, code: "store", message: error.description)
        }
        guard names.contains(name) else { throw .notFound("no published catalog edition '\(name)'") }
        return store
    }

    /// The stored trend of one customer, oldest first; empty without a database.
    static func trend(customer: String, databasePath: String) -> [HistoryPoint] {
        guard let store = try? HistoryStore.open(path: databasePath, create: false) else { return [] }
        return (try? store.history(customer: customer)) ?? []
    }

    /// Steps of the plan with the cluster they belong to, in plan order.
    var steps: [(cluster: ClusterPlan, index: Int, step: PlanStep)] {
        portfolio.plan.clusters.flatMap { cluster in
            cluster.steps.enumerated().map { (cluster, $0.offset, $0.element) }
        }
    }

    /// How many steps component `id` blocks (`ComponentUse.blocks`).
    func blockedStepCount(_ id: String) -> Int {
        portfolio.plan.clusters.reduce(0) { total, cluster in
            total + cluster.steps.filter { ComponentUse.blocks(id, $0) }.count
        }
    }

    /// How the forecast counts `step` (overdue, at risk or neither).
    func standing(_ step: PlanStep) -> StepStanding? {
        step.standing(on: asOf, margin: catalog.policy.atRiskWithinDays)
    }
}
