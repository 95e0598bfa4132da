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

    @Test func aRepeatedStringKeepsItsFirstNumber() {
        let table = ByteStringTable(["b", "a", "b", "c"])
        #expect(table.count == 3)
        #expect(index(of: "b", in: table) == 0)
        #expect(index(of: "a", in: table) == 1)
        #expect(index(of: "c", in: table) == 2)
    }
}
