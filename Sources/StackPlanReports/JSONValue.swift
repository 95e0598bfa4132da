import StackPlanCore

/// A JSON document built explicitly, so key order and `null`s are exactly what a report says.
///
/// Objects keep their keys in the order given, which makes output byte-identical across runs.
public indirect enum JSONValue: Hashable, JSONDocument {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized())
    }

    /// A date as `YYYY-MM-DD`, or `null`.
    public static func day(_ day: CalendarDay?) -> JSONValue {
        day.map { .string($0.description) } ?? .null
    }

    /// A string, or `null`.
    public static func text(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }

    /// An integer, or `null`.
    public static func number(_ value: Int?) -> JSONValue {
        value.map { .int($0) } ?? .null
    }

    /// Writes the value through `writer`.
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .int(let value): writer.int(value)
        case .double(let value): writer.double(value)
        case .string(let value): writer.string(value)
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(to: &writer) }
            writer.endArray()
        case .object(let pairs):
            writer.beginObject()
            for (key, value) in pairs {
                writer.key(named: key)
                value.write(to: &writer)
            }
            writer.endObject()
        }
    }
}
