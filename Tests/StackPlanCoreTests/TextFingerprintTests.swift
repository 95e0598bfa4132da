import Testing

@testable import StackPlanCore

@Suite("Text fingerprints for cache keys")
struct TextFingerprintTests {
    /// Equal texts (made apart, so not sharing storage) have equal fingerprints and are one key.
    @Test(arguments: ["", "a", "istio", "1.27", "cust-00001", "cust-00001-prod-1", String(repeating: "é", count: 9)])
    func equalTextsAreOneKey(_ text: String) {
        let copy = String(decoding: Array(text.utf8), as: UTF8.self)
        #expect(TextFingerprint.of(copy) == TextFingerprint.of(text))
        let table: [FingerprintKey: Int] = [FingerprintKey(text): 1]
        #expect(table[FingerprintKey(copy)] == 1)
    }

    /// Ids as fleets write them, differing in any byte of the first or last eight, have
    /// fingerprints of their own; ids that differ only in the middle share one and are still
    /// different keys.
    @Test func idsDifferingAtEitherEndAreToldApart() {
        let ids =
            (0..<10_000).map { "cust-\(String(100_000 + $0).dropFirst())" }
            + (0..<300).map { "cluster-\($0)" } + ["1.27", "1.28", "1.27.9", "istio", "ingress-nginx", "eks", "aks"]
        #expect(Set(ids.map(TextFingerprint.of)).count == ids.count)
        let middle = ["customer-eu-west-1-cluster", "customer-us-west-1-cluster"]
        #expect(TextFingerprint.of(middle[0]) == TextFingerprint.of(middle[1]))
        let table = [FingerprintKey(middle[0]): 0, FingerprintKey(middle[1]): 1]
        #expect(table.count == 2 && table[FingerprintKey(middle[1])] == 1)
    }
}
