import Foundation
import StackPlanCore
import Testing

/// Bytes flipped at random in a store file: every read command ends in 0 or 65, never a trap.
@Suite("History store byte flips", .serialized)
struct StoreFuzzTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func flippedBytesNeverCrashACommand(_ seed: UInt64) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackplan-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = directory.appendingPathComponent("original.sqlite").path
        #expect(try stackplan(["catalog", "publish", "--db", original]).status == 0)
        #expect(
            try stackplan([
                "snapshot", "--inventory", "examples/inventory.yaml", "--as-of", "2026-09-01", "--db", original,
            ]).status == 0)
        #expect(try stackplan(["db", "check", "--db", original]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: original))
        var random = SplitMix64(seed: seed)
        for round in 0..<8 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let index = Int.random(in: 100..<damaged.count, using: &random)
                damaged[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            }
            let path = directory.appendingPathComponent("damaged-\(round).sqlite").path
            try damaged.write(to: URL(fileURLWithPath: path))
            for command in [
                ["history"], ["catalog", "editions"], ["db", "check"],
                ["plan", "--inventory", "examples/inventory.yaml", "--edition", "2026-Q3", "--as-of", "2026-09-01"],
            ] {
                let status = try stackplan(command + ["--db", path]).status
                #expect(status == 0 || status == 65, "\(command) on round \(round): \(status)")
            }
        }
    }
}
