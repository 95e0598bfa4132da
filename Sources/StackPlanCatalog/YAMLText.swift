/// Writing YAML text by hand (generated inventories, review decisions, catalog edits).
enum YAMLText {
    /// A double-quoted YAML scalar that reads back as exactly `text`: quotes and backslashes
    /// escaped, and every line break or control character written as an escape (worked on Unicode
    /// scalars: in Swift `"\r\n"` is one Character, which a Character-level escaper would miss).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `text` as a plain scalar when it is an identifier (a letter, then letters, digits, `.`, `_`
    /// or `-`) that YAML reads back as the same string; quoted otherwise.
    static func identifier(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
            text.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
            }),
            !reserved.contains(text.lowercased())
        else { return quoted(text) }
        return text
    }

    /// Whether `text` holds a control character, a line break or a Unicode line or paragraph
    /// separator: what a one-line value (a note, a name) must not carry.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
    }
}
