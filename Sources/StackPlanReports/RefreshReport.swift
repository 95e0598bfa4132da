import StackPlanCore

/// The change set of `stackplan catalog refresh`, for every format.
public enum RefreshReport {
    public static func make(
        source: String, changes: [RefreshChange], unchanged: Int, missing: [String], written: Bool
    ) -> Report {
        let table = TextTable(
            title: "Changes",
            columns: [
                .init("File"), .init("Id"), .init("Cycle"), .init("Field"), .init("From"), .init("To"), .init("Kind"),
            ],
            rows: changes.map {
                [$0.file, $0.id, $0.releaseCycle, $0.field ?? "-", $0.from ?? "-", $0.to ?? "-", $0.kind.rawValue]
            })
        var notes = [
            "Source: \(source). \(unchanged) release(s) unchanged; \(changes.filter(\.applies).count) change(s) to "
                + "apply, \(changes.filter { !$0.applies }.count) conflict(s) left alone (curated by hand; "
                + "--prefer-source takes the source's values)."
        ]
        if !missing.isEmpty { notes.append("Not in the source (skipped): \(missing.joined(separator: ", ")).") }
        notes.append(
            written
                ? "Written: the catalog files above were edited and validated."
                : "Nothing written: run with --write to apply, then review the diff, commit and publish an edition.")
        let json = JSONValue.object([
            ("source", .string(source)),
            (
                "changes",
                .array(
                    changes.map {
                        .object([
                            ("file", .string($0.file)), ("id", .string($0.id)),
                            ("releaseCycle", .string($0.releaseCycle)),
                            ("field", $0.field.map { .string($0) } ?? .null),
                            ("from", $0.from.map { .string($0) } ?? .null),
                            ("to", $0.to.map { .string($0) } ?? .null), ("kind", .string($0.kind.rawValue)),
                        ])
                    })
            ),
            ("unchanged", .int(unchanged)), ("missing", .array(missing.map { .string($0) })),
            ("written", .bool(written)),
        ])
        return Report(title: "Catalog refresh", tables: [table], notes: notes, json: json)
    }
}
