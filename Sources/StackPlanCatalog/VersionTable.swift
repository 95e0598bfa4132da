import StackPlanCore

/// Parses each distinct version text of one inventory once: a fleet repeats a few hundred texts
/// tens of thousands of times, and a repeated text costs a lookup by its bytes (no String made)
/// instead of a parse.
final class VersionTable {
    /// What one text parses to.
    struct Parsed {
        /// `VersionNumber(version: text)`.
        let version: VersionNumber?
        /// The version when it is also a Kubernetes version: a minor (`1.33`) or a patch
        /// (`1.33.4`), no part with a leading zero (`1.035` is none).
        let kubernetes: VersionNumber?
        /// The Kubernetes version's minor.
        let minor: VersionNumber?

        init(_ text: String) {
            version = VersionNumber(version: text)
            kubernetes = version.flatMap { version in
                (2...3).contains(version.partCount) && !InventoryLoader.hasLeadingZeroPart(text) ? version : nil
            }
            minor = kubernetes?.minor
        }
    }

    // One table per slice, used by one thread: no need to check exclusive access at each lookup.
    @exclusivity(unchecked) private var texts = ByteStringTable()
    @exclusivity(unchecked) private var parsed: [Parsed] = []

    /// The parse of the text written in `bytes` (valid UTF-8).
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        let (index, inserted) = texts.insert(bytes)
        if inserted { parsed.append(Parsed(String(decoding: bytes, as: UTF8.self))) }
        return parsed[index]
    }

    /// `VersionNumber(version: text)`, parsed the first time the text is seen.
    func version(_ text: String) -> VersionNumber? {
        parse(text).version
    }

    /// `text` as a Kubernetes version (``Parsed/kubernetes``), `nil` when it is none.
    func kubernetesVersion(_ text: String) -> VersionNumber? {
        parse(text).kubernetes
    }

    private func parse(_ text: String) -> Parsed {
        var text = text
        return text.withUTF8(parse)
    }
}
