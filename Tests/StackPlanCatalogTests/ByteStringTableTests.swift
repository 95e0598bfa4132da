import Testing

@testable import StackPlanCatalog

@Suite("Byte string table")
struct ByteStringTableTests {
    private func insert(_ key: String, into table: inout ByteStringTable) -> (index: Int, inserted: Bool) {
        var key = key
        return key.withUTF8 { table.insert($0) }
    }

    private func index(of key: String, in table: ByteStringTable) -> Int? {
        var key = key
        return key.withUTF8 { table.index(of: $0) }
    }

    /// Enough keys to grow the slots many times over, with prefixes of each other and the empty key.
    @Test(arguments: [1, 17, 1_000])
    func numbersKeysInInsertionOrderAndFindsThemAfterGrowing(count: Int) {
        let keys = [""] + (0..<count).map { "INC-\($0)" } + ["INC-", "INC-1x", "é"]
        var table = ByteStringTable()
        for (number, key) in keys.enumerated() {
            let result = insert(key, into: &table)
            #expect(result.index == number && result.inserted, "\(key)")
        }
        #expect(table.count == keys.count)
        for (number, key) in keys.enumerated() {
            #expect(index(of: key, in: table) == number, "\(key)")
            let again = insert(key, into: &table)
            #expect(again.index == number && !again.inserted, "\(key)")
        }
        #expect(table.count == keys.count)
        for absent in ["INC-\(count)", "inc-0", "INC-0 ", "e"] {
            #expect(index(of: absent, in: table) == nil, "\(absent)")
        }
    }

    /// Keys of every length up to 40 bytes, and for each one, the keys that differ from it in one
    /// byte at every position: each is told apart, whether the byte is in a whole word or in the
    /// tail (hashing and comparing read eight bytes at a time).
    @Test func keysDifferingInOneByteAtAnyPositionAreToldApart() {
        var table = ByteStringTable()
        var keys: [[UInt8]] = []
        for length in 0...40 {
            let base = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            keys.append(base)
            for position in 0..<length {
                var changed = base
                changed[position] = UInt8(ascii: "#")
                keys.append(changed)
            }
        }
        for (number, key) in keys.enumerated() {
            let result = key.withUnsafeBufferPointer { table.insert($0) }
            #expect(result.index == number && result.inserted)
        }
        for (number, key) in keys.enumerated() {
            #expect(key.withUnsafeBufferPointer { table.index(of: $0) } == number)
        }
    }

    /// The slot bits of sequential ids spread about as random ones would (at least 550 of the
    /// 1,024 slots for 1,000 keys; random hashes fill about 630).
    @Test func sequentialKeysSpreadOverTheSlots() {
        var slots = Set<UInt32>()
        for number in 0..<1_000 {
            var key = "cust-\(number)"
            slots.insert(key.withUTF8 { ByteStringTable.hash($0) } & 1023)
        }
        #expect(slots.count >= 550)
    }

    @Test func aRepeatedStringKeepsItsFirstNumber() {
        let table = ByteStringTable(["b", "a", "b", "c"])
        #expect(table.count == 3)
        #expect(index(of: "b", in: table) == 0)
        #expect(index(of: "a", in: table) == 1)
        #expect(index(of: "c", in: table) == 2)
    }
}
