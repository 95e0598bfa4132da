import ArgumentParser
import Foundation

/// The `stackplan` command tree.
public struct StackPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stackplan",
        abstract: "Turns a managed-Kubernetes service promise into dates, risks and decisions.",
        version: "0.1.0",
        subcommands: [
            CatalogCommand.self, Releases.self, Compat.self, Qualify.self, Plan.self, RoadmapCommand.self,
            GenerateFleet.self, Holidays.self, SLACommand.self, Forecast.self, Snapshot.self, History.self,
            DatabaseCommand.self, ReviewCommand.self, InventoryCommand.self, ConformanceCommand.self, Serve.self,
        ]
    )

    public init() {}
}

/// The one exit path: parses the arguments, runs the command, prints what a failure says and
/// returns its exit status (0, 64 usage, 65 invalid data, 66 missing input, 1 otherwise).
public enum Entrypoint {
    /// Runs the process's arguments and exits (the heap set up first: ``HeapSettings``).
    public static func main() -> Never {
        HeapSettings.apply()
        return exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs `arguments` (without the program name) and returns the exit status. In-process callers
    /// capture the output with `Console.$capture.withValue(_:operation:)`.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try StackPlanCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as CommandError {
            Console.print(error.diagnostics)
            if let message = error.message { Console.err("error: \(message)") }
            return error.status
        } catch {
            // ArgumentParser's own: help and version (exit 0, on standard output), validation
            // errors (64) and `ExitCode`.
            let status = StackPlanCommand.exitCode(for: error)
            let message = StackPlanCommand.fullMessage(for: error)
            if !message.isEmpty {
                if status == .success { Console.out(message + "\n") } else { Console.err(message) }
            }
            return status.rawValue
        }
    }
}
