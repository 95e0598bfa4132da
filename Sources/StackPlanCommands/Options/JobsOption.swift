import ArgumentParser
import Dispatch
import Foundation
import StackPlanCore

/// `--jobs N`: how many threads decode the inventory's customers, build cluster paths, schedule
/// pods and write the output at the same time (the output is the same for every value).
public struct JobsOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Threads that read customers, plan and write the output (default: the CPUs this process may run on).",
            valueName: "count"))
    public var jobs: Int?

    public init() {}

    public mutating func validate() throws {
        if let jobs, !(1...256).contains(jobs) {
            throw ValidationError("--jobs must be from 1 to 256, not \(jobs)")
        }
    }

    /// The parallelism to plan with: `--jobs`, else one thread per CPU the process may run on.
    public var parallelism: Parallelism {
        let width = jobs ?? Self.availableCPUs()
        return Parallelism(width: width) { count, body in
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }

    /// The CPUs this process may run on: on Linux the affinity mask (`Cpus_allowed` in
    /// /proc/self/status, which `taskset` narrows), elsewhere the active processors.
    static func availableCPUs() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let count = cpusAllowed(status: status), count > 0
        {
            return count
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The number of bits set in the `Cpus_allowed:` hex mask (comma-grouped) of a
    /// /proc/<pid>/status text; nil when there is no such line or it is not hex.
    static func cpusAllowed(status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else {
            return nil
        }
        var count = 0
        for character in line.dropFirst("Cpus_allowed:".count) where character != "," && !character.isWhitespace {
            guard let digit = character.hexDigitValue else { return nil }
            count += digit.nonzeroBitCount
        }
        return count
    }
}
