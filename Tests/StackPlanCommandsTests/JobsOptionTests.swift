import Testing

@testable import StackPlanCommands

@Suite("--jobs: the CPUs a process may run on")
struct JobsOptionTests {
    @Test(
        arguments: [
            ("Name:\tstackplan\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n", 2),
            ("Cpus_allowed:\t1\n", 1),
            ("Cpus_allowed:\tff,00000001\n", 9),
            ("Cpus_allowed_list:\t0-3\n", nil),
            ("Cpus_allowed:\tzz\n", nil),
        ] as [(String, Int?)])
    func readsTheAffinityMask(_ status: String, _ expected: Int?) {
        #expect(JobsOption.cpusAllowed(status: status) == expected)
    }

    @Test func thisProcessMayRunOnAtLeastOneCPU() {
        #expect(JobsOption.availableCPUs() >= 1)
    }
}
