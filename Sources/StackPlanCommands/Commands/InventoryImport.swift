import ArgumentParser
import Foundation
import StackPlanCatalog
import StackPlanCore
import StackPlanImport
import StackPlanReports

extension UpgradeStrategy: ExpressibleByArgument {}
extension EnvironmentKind: ExpressibleByArgument {}

/// `stackplan inventory …`: keep the inventory true to what runs.
public struct InventoryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inventory", abstract: "Keep the inventory true to the clusters.", subcommands: [Import.self])

    public init() {}
}

extension InventoryCommand {
    /// The formats of `inventory import`.
    public enum ImportFormats: FormatChoices {
        public static let formats: [OutputFormat] = [.table, .json, .markdown]
        public static let defaultFormat = OutputFormat.table
    }

    /// `stackplan inventory import`: clusters from kubectl, helm, aws and Sonobuoy output.
    public struct Import: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read clusters from tool output (kubectl, helm, aws eks, Sonobuoy); --write edits the inventory.")

        /// The files `--from DIR/<customer>/<environment>/<cluster>/` holds.
        static let files = (
            kubectl: "kubectl-version.json", nodes: "nodes.json", helm: "helm.json", eks: "eks.json",
            conformance: "conformance.xml"
        )

        @OptionGroup public var catalog: CatalogOptions
        @OptionGroup public var inventory: InventoryOptions
        @OptionGroup public var asOf: AsOfOption
        @OptionGroup public var output: FormatOption<ImportFormats>
        @Option(help: "The customer id.") public var customer: String?
        @Option(help: "The environment name.") public var environment: String?
        @Option(help: "The environment's kind, when it is new.") public var kind: EnvironmentKind?
        @Option(help: "The cluster name (default: the name in --eks).") public var cluster: String?
        @Option(help: "The platform id (default: eks when the server version says so).") public var platform: String?
        @Option(help: "in-place or side-by-side (default: the inventory's, else in-place).")
        public var strategy: UpgradeStrategy?
        @Option(name: .customLong("kubectl-version"), help: "Output of 'kubectl version -o json'.")
        public var kubectlVersion: String?
        @Option(help: "Output of 'kubectl get nodes -o json'.") public var nodes: String?
        @Option(help: "Output of 'helm list -A -o json'.") public var helm: String?
        @Option(help: "Output of 'aws eks describe-cluster --output json'.") public var eks: String?
        @Option(help: "A Sonobuoy e2e JUnit XML report (junit_01.xml).") public var conformance: String?
        @Option(help: "Import every DIR/<customer>/<environment>/<cluster>/ (files as collect-cluster.sh writes them).")
        public var from: String?
        @Flag(help: "Edit the inventory file (after validating the result).") public var write = false

        public init() {}

        public func validate() throws {
            if from == nil {
                guard customer != nil, environment != nil else {
                    throw ValidationError("give --customer and --environment (or --from DIR for many clusters)")
                }
                guard [kubectlVersion, nodes, helm, eks, conformance].contains(where: { $0 != nil }) else {
                    throw ValidationError(
                        "give at least one input: --kubectl-version, --nodes, --helm, --eks or --conformance")
                }
            }
        }

        /// One cluster to import and where it goes.
        struct Unit {
            let customer: String
            let environment: String
            let inputs: (kubectl: String?, nodes: String?, helm: String?, eks: String?, conformance: String?)
            let name: String?
        }

        public func run() throws {
            let day = asOf.day
            let loaded = try catalog.requireCatalog(asOf: day)
            let (fleet, text) = try inventory.loadInventory(catalog: loaded)
            var edited = text
            var entries: [ImportReport.Entry] = []
            for unit in try units() {
                let existingCustomer = fleet.customers.first { $0.id == unit.customer }
                guard let existingCustomer else {
                    throw CommandError.usage("the inventory has no customer '\(unit.customer)'")
                }
                let place = existingCustomer.environments.first { $0.name == unit.environment }
                guard let environmentKind = place?.kind ?? kind else {
                    throw CommandError.usage(
                        "environment '\(unit.environment)' is new for \(unit.customer): give --kind production|non-production"
                    )
                }
                var reading = ClusterImport()
                reading.name = unit.name
                reading.platform = platform
                reading.strategy = strategy
                try read(unit, into: &reading)
                let existing = place?.clusters.first { $0.name == (reading.name ?? "") }
                let (imported, matched, problem) = reading.cluster(existing: existing, catalog: loaded, asOf: day)
                guard let imported else { throw CommandError.dataError(problem) }
                entries.append(
                    ImportReport.Entry(
                        customer: unit.customer, environment: unit.environment, cluster: imported.name,
                        new: existing == nil, yaml: InventoryWriter.clusterLines(imported, indent: ""),
                        differences: ClusterImport.differences(from: existing, to: imported).map {
                            ($0.field, $0.from, $0.to)
                        }, unmatched: matched?.unmatched ?? [], nodes: reading.nodes?.counts ?? []))
                if write {
                    do {
                        edited = try InventoryEditor.upsert(
                            imported, customer: unit.customer, environment: unit.environment, kind: environmentKind,
                            in: edited)
                    } catch {
                        throw CommandError.dataError("\(inventory.inventory): \(error)")
                    }
                }
            }
            if write {
                let result = InventoryLoader(catalog: loaded).load(
                    SourceFile(path: inventory.inventory, relativePath: inventory.inventory, text: edited))
                Console.print(result.diagnostics)
                guard result.inventory != nil else {
                    throw CommandError.dataError("the imported inventory would be invalid: nothing was written")
                }
                do {
                    try edited.write(toFile: inventory.inventory, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandError.failure("cannot write \(inventory.inventory): \(error.localizedDescription)")
                }
            }
            output.emit(ImportReport.make(entries, written: write))
            switch output.chosen {
            case .json: break
            case .markdown: Console.out("\n```yaml\n" + ImportReport.yaml(entries) + "```\n")
            default: Console.out("\n" + ImportReport.yaml(entries))
            }
        }

        /// The clusters to import: the one named by the options, or every folder under --from.
        private func units() throws -> [Unit] {
            guard let from else {
                return [
                    Unit(
                        customer: customer ?? "", environment: environment ?? "",
                        inputs: (kubectlVersion, nodes, helm, eks, conformance), name: cluster)
                ]
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: from, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandError.noInput("import directory '\(from)' does not exist")
            }
            var units: [Unit] = []
            func folders(_ path: String) -> [String] {
                ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().filter { name in
                    var folder: ObjCBool = false
                    return !name.hasPrefix(".")
                        && FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &folder)
                        && folder.boolValue
                }
            }
            for owner in folders(from) where customer == nil || owner == customer {
                for place in folders("\(from)/\(owner)") where environment == nil || place == environment {
                    for name in folders("\(from)/\(owner)/\(place)") where cluster == nil || name == cluster {
                        let base = "\(from)/\(owner)/\(place)/\(name)/"
                        func file(_ leaf: String) -> String? {
                            FileManager.default.fileExists(atPath: base + leaf) ? base + leaf : nil
                        }
                        units.append(
                            Unit(
                                customer: owner, environment: place,
                                inputs: (
                                    file(Self.files.kubectl), file(Self.files.nodes), file(Self.files.helm),
                                    file(Self.files.eks), file(Self.files.conformance)
                                ), name: name))
                    }
                }
            }
            guard !units.isEmpty else {
                throw CommandError.noInput("no <customer>/<environment>/<cluster>/ under \(from)")
            }
            return units
        }

        /// Reads every input of `unit`; a bad one exits 65 at its position, writing nothing.
        private func read(_ unit: Unit, into reading: inout ClusterImport) throws {
            var contents: [String: Data] = [:]
            for path in [
                unit.inputs.kubectl, unit.inputs.nodes, unit.inputs.helm, unit.inputs.eks, unit.inputs.conformance,
            ]
            .compactMap({ $0 }) {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    let data = FileManager.default.contents(atPath: path)
                else { throw CommandError.noInput("file '\(path)' does not exist") }
                contents[path] = data
            }
            func data(_ path: String) -> Data { contents[path] ?? Data() }
            do throws(ToolOutputs.Failure) {
                if let path = unit.inputs.eks {
                    let eks = try ToolOutputs.eks(data(path), path: path)
                    reading.name = reading.name ?? eks.name
                    reading.version = eks.version
                    reading.platform = reading.platform ?? "eks"
                }
                if let path = unit.inputs.kubectl {
                    let server = try ToolOutputs.kubectlVersion(data(path), path: path)
                    reading.version = server.version
                    reading.platform = reading.platform ?? server.platform
                }
                if let path = unit.inputs.nodes { reading.nodes = try ToolOutputs.nodes(data(path), path: path) }
                if let path = unit.inputs.helm { reading.helm = try ToolOutputs.helm(data(path), path: path) }
                if let path = unit.inputs.conformance { reading.run = try ToolOutputs.junit(data(path), path: path) }
            } catch {
                throw CommandError(status: ExitStatus.dataError, message: nil, diagnostics: [error.diagnostic])
            }
        }
    }
}
