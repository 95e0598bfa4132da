import ArgumentParser

/// The `stackplan` command tree.
public struct StackPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stackplan",
        abstract: "Turns a managed-Kubernetes service promise into dates, risks and decisions.",
        version: "0.1.0",
        subcommands: [
            CatalogCommand.self, Releases.self, Compat.self, Qualify.self, Plan.self, RoadmapCommand.self,
            GenerateFleet.self, Holidays.self, SLACommand.self, Forecast.self, Snapshot.self, History.self,
            DatabaseCommand.self, ReviewCommand.self,
        ]
    )

    public init() {}
}

/// The executable's entry point: parses the arguments, runs the command and exits with its status.
public enum Entrypoint {
    public static func main(_ arguments: [String]? = nil) {
        StackPlanCommand.main(arguments)
    }
}
