import Foundation
import Testing

@testable import StackPlanCatalog

@Suite("Reading files as UTF-8 bytes")
struct ReadUTF8Tests {
    private func withFile<Result>(_ bytes: [UInt8], _ body: (String) throws -> Result) throws -> Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("utf8-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    /// Mapped files of every length around the eight-byte words the ASCII check reads, and the
    /// empty file (which cannot be mapped and is read instead).
    @Test(arguments: [0, 1, 7, 8, 9, 16, 4097])
    func returnsEveryByteOfAnASCIIFile(count: Int) throws {
        let bytes = (0..<count).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        #expect(try withFile(bytes) { try Array(readUTF8(atPath: $0)) } == bytes)
    }

    @Test(arguments: [0, 7, 8, 15])
    func acceptsUTF8AndRejectsOtherBytesWherePlaced(offset: Int) throws {
        let prefix = [UInt8](repeating: UInt8(ascii: "x"), count: offset)
        let accented = prefix + Array("é\n".utf8)
        #expect(try withFile(accented) { try Array(readUTF8(atPath: $0)) } == accented)
        #expect(throws: CatalogDirectoryError.self) { try withFile(prefix + [0xFF]) { try readUTF8(atPath: $0) } }
    }

    @Test func isASCIIChecksEveryByte() {
        for position in 0..<20 {
            var bytes = [UInt8](repeating: 0x7F, count: 20)
            #expect(bytes.withUnsafeBytes(isASCII))
            bytes[position] = 0x80
            #expect(!bytes.withUnsafeBytes(isASCII), "\(position)")
        }
    }

    @Test func aDirectoryOrAMissingFileIsAnError() {
        #expect(throws: CatalogDirectoryError.isADirectory(NSTemporaryDirectory())) {
            try readUTF8(atPath: NSTemporaryDirectory())
        }
        #expect(throws: CatalogDirectoryError.notAFile("/nonexistent/log.csv")) {
            try readUTF8(atPath: "/nonexistent/log.csv")
        }
    }
}
