import ArgumentParser
import StackPlanCommands
import Testing

/// Every command names itself: without `commandName`, ArgumentParser derives the name with
/// `String(describing:)` on the type, whose dynamic casts scan every protocol conformance in the
/// binary — about a third of `stackplan --help`'s start-up (issue 15).
@Suite("command tree")
struct CommandTreeTests {
    /// Every command below `root`, with its path.
    static func commands(_ root: any ParsableCommand.Type, path: String = "stackplan") -> [(
        String, any ParsableCommand.Type
    )] {
        [(path, root)]
            + root.configuration.subcommands.flatMap { sub in
                commands(sub, path: path + " " + (sub.configuration.commandName ?? "?"))
            }
    }

    @Test func everyCommandHasAnExplicitName() {
        let all = Self.commands(StackPlanCommand.self)
        #expect(all.count > 20)
        let unnamed = all.filter { $0.1.configuration.commandName == nil }.map(\.0)
        #expect(unnamed.isEmpty, "commands without commandName: \(unnamed)")
    }
}
