import StackPlanCore

extension CatalogFileReaders {
    static let policyKeys = ["support", "upgrade", "schedule", "holidays"]
    static let holidayKeys = ["add", "remove"]
    static let supportKeys = ["supportedMinors"]
    static let upgradeKeys = ["sideBySideDays", "inPlaceDays", "endOfLifeDays", "soakDays"]
    static let scheduleKeys = ["inPlaceStepDays", "sideBySideStepDays", "nodeStepDays", "componentStepDays"]

    /// Reads `policy.yaml`; keys left out keep the standard values.
    static func policy(_ file: SourceFile, sink: DiagnosticSink) -> Policy {
        let standard = Policy.standard
        guard let root = file.compose(into: sink),
            let reader = MappingReader(root, in: file, sink: sink, context: "policy.yaml")
        else { return standard }
        reader.rejectUnknownKeys(allowed: policyKeys)
        let support = section(reader, "support", keys: supportKeys)
        let upgrade = section(reader, "upgrade", keys: upgradeKeys)
        let schedule = section(reader, "schedule", keys: scheduleKeys)
        let durations = StepDurations.standard
        let holidays = holidayCalendar(reader)
        return Policy(
            supportedMinors: count(support, "supportedMinors") ?? standard.supportedMinors,
            sideBySideDays: count(upgrade, "sideBySideDays") ?? standard.sideBySideDays,
            inPlaceDays: count(upgrade, "inPlaceDays") ?? standard.inPlaceDays,
            endOfLifeDays: count(upgrade, "endOfLifeDays") ?? standard.endOfLifeDays,
            soakDays: count(upgrade, "soakDays", minimum: 0) ?? standard.soakDays,
            durations: StepDurations(
                controlPlane: count(schedule, "inPlaceStepDays") ?? durations.controlPlane,
                migration: count(schedule, "sideBySideStepDays") ?? durations.migration,
                nodes: count(schedule, "nodeStepDays") ?? durations.nodes,
                component: count(schedule, "componentStepDays") ?? durations.component),
            holidays: holidays)
    }

    /// `holidays: {add: [{date, name}], remove: [date]}` on top of the US federal rules.
    private static func holidayCalendar(_ reader: MappingReader) -> HolidayCalendar {
        guard let section = section(reader, "holidays", keys: holidayKeys) else { return .usFederal }
        let added =
            section.items("add", required: false) { item, _ -> Holiday? in
                item.rejectUnknownKeys(allowed: ["date", "name"])
                guard let date = item.day("date"), let name = item.string("name") else { return nil }
                return Holiday(date: date, name: name, kind: .added)
            } ?? []
        let removed = (section.sequence("remove", required: false) ?? []).compactMap { node -> CalendarDay? in
            guard let text = node.string, let day = CalendarDay(text) else {
                section.sink.error(
                    "bad-date", "'remove' lists dates YYYY-MM-DD, not '\(node.string ?? "a list or mapping")'",
                    at: section.file.location(of: node))
                return nil
            }
            return day
        }
        return HolidayCalendar(added: added, removed: Set(removed))
    }

    private static func section(_ reader: MappingReader, _ key: String, keys: [String]) -> MappingReader? {
        guard let node = reader.value(key, required: false),
            let section = MappingReader(node, in: reader.file, sink: reader.sink, context: key)
        else { return nil }
        section.rejectUnknownKeys(allowed: keys)
        return section
    }

    private static func count(_ reader: MappingReader?, _ key: String, minimum: Int = 1) -> Int? {
        guard let reader, let text = reader.string(key, required: false) else { return nil }
        guard let value = Int(text), value >= minimum else {
            reader.sink.error(
                "bad-value", "'\(key)' must be a whole number of at least \(minimum), not '\(text)'",
                at: reader.location(key))
            return nil
        }
        return value
    }
}
