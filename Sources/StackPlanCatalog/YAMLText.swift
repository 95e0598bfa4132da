/// Writing YAML text by hand (generated inventories, review decisions, catalog edits).
enum YAMLText {
    /// A double-quoted YAML scalar: quotes, backslashes and line breaks escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
