import StackPlanCore

extension CatalogFileReaders {
    static let policyKeys = [
        "support", "upgrade", "schedule", "holidays", "businessHours", "responseTargets", "credits", "extendedSupport",
        "risk", "data",
    ]
    static let riskKeys = [
        "overdue", "atRisk", "dueWithinHorizon", "dollarsPerPointOfExposure", "dollarsPerPointOfSurcharge",
        "notQualified",
    ]
    static let nodeSkewKeys = ["minors", "olderMinors", "olderBelow"]
    static let dataKeys = ["staleAfterDays"]

    /// The sane range of every number in `policy.yaml` (Docs/catalog-format.md lists them): wide
    /// enough for any real promise, narrow enough that no date or money arithmetic can overflow
    /// and no schedule can run away.
    static let ranges: [String: ClosedRange<Double>] = [
        "supportedMinors": 1...10,
        "sideBySideDays": 1...3650, "inPlaceDays": 1...3650, "endOfLifeDays": 1...3650, "soakDays": 0...365,
        "atRiskWithinDays": 0...365, "minors": 1...10, "olderMinors": 1...10,
        "inPlaceStepDays": 1...365, "sideBySideStepDays": 1...365, "nodeStepDays": 1...365,
        "componentStepDays": 1...365,
        "minutes": 1...43_200, "perMissedResponse": 0...1_000_000, "capPercentOfMonthlyFee": 0...1000,
        "requestWindowDays": 0...365,
        "standardPerClusterHour": 0...1000, "extendedPerClusterHour": 0...1000, "hoursPerMonth": 1...744,
        "overdue": 0...1_000_000, "atRisk": 0...1_000_000, "dueWithinHorizon": 0...1_000_000,
        "dollarsPerPointOfExposure": 0.01...1_000_000, "dollarsPerPointOfSurcharge": 0.01...1_000_000,
        "notQualified": 0...1_000_000, "staleAfterDays": 1...3650,
    ]
    static let extendedSupportKeys = ["platform", "standardPerClusterHour", "extendedPerClusterHour", "hoursPerMonth"]
    static let businessHoursKeys = ["timeZone", "open", "close", "days"]
    static let targetKeys = ["minutes", "clock"]
    static let creditKeys = ["perMissedResponse", "capPercentOfMonthlyFee", "requestWindowDays"]
    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let holidayKeys = ["add", "remove"]
    static let supportKeys = ["supportedMinors"]
    static let upgradeKeys = [
        "sideBySideDays", "inPlaceDays", "endOfLifeDays", "soakDays", "atRiskWithinDays", "nodeSkew",
    ]
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
            soakDays: count(upgrade, "soakDays") ?? standard.soakDays,
            durations: StepDurations(
                controlPlane: count(schedule, "inPlaceStepDays") ?? durations.controlPlane,
                migration: count(schedule, "sideBySideStepDays") ?? durations.migration,
                nodes: count(schedule, "nodeStepDays") ?? durations.nodes,
                component: count(schedule, "componentStepDays") ?? durations.component),
            serviceLevels: serviceLevels(reader, holidays: holidays), extendedSupport: extendedSupport(reader),
            atRiskWithinDays: count(upgrade, "atRiskWithinDays") ?? standard.atRiskWithinDays,
            nodeSkew: nodeSkew(upgrade),
            staleAfterDays: count(section(reader, "data", keys: dataKeys), "staleAfterDays")
                ?? standard.staleAfterDays,
            risk: riskWeights(reader))
    }

    /// `upgrade.nodeSkew`; keys left out keep Kubernetes' skew policy.
    private static func nodeSkew(_ upgrade: MappingReader?) -> NodeSkew {
        let standard = NodeSkew.standard
        guard let upgrade, let section = section(upgrade, "nodeSkew", keys: nodeSkewKeys) else { return standard }
        var below = standard.olderBelow
        if let text = section.string("olderBelow", required: false) {
            if let minor = VersionNumber(cycle: text), minor.partCount == 2 {
                below = minor
            } else {
                section.sink.error(
                    "bad-value", "'olderBelow' must be a Kubernetes minor such as \"1.25\", not '\(text)'",
                    at: section.location("olderBelow"))
            }
        }
        return NodeSkew(
            minors: count(section, "minors") ?? standard.minors,
            olderMinors: count(section, "olderMinors") ?? standard.olderMinors, olderBelow: below)
    }

    /// `risk:`; keys left out keep the standard weights.
    private static func riskWeights(_ reader: MappingReader) -> RiskWeights {
        let standard = RiskWeights.standard
        guard let section = section(reader, "risk", keys: riskKeys) else { return standard }
        func divisor(_ key: String, _ fallback: Double) -> Double { amount(section, key) ?? fallback }
        return RiskWeights(
            overdue: amount(section, "overdue") ?? standard.overdue,
            atRisk: amount(section, "atRisk") ?? standard.atRisk,
            dueWithinHorizon: amount(section, "dueWithinHorizon") ?? standard.dueWithinHorizon,
            dollarsPerPointOfExposure: divisor("dollarsPerPointOfExposure", standard.dollarsPerPointOfExposure),
            dollarsPerPointOfSurcharge: divisor("dollarsPerPointOfSurcharge", standard.dollarsPerPointOfSurcharge),
            notQualified: amount(section, "notQualified") ?? standard.notQualified)
    }

    /// `businessHours`, `responseTargets` and `credits`; keys left out keep the standard values.
    private static func serviceLevels(_ reader: MappingReader, holidays: HolidayCalendar) -> ServiceLevelPolicy {
        let standard = ServiceLevelPolicy.standard
        let hours = section(reader, "businessHours", keys: businessHoursKeys)
        var zone = standard.businessHours.zone
        if let hours, let name = hours.string("timeZone", required: false) {
            if let known = ZoneRules.named(name) {
                zone = known
            } else {
                hours.sink.error(
                    "bad-value",
                    "unknown time zone '\(name)'; known: \(ZoneRules.known.map(\.identifier).joined(separator: ", "))",
                    at: hours.location("timeZone"))
            }
        }
        let open = clockTime(hours, "open") ?? standard.businessHours.start
        var close = clockTime(hours, "close") ?? standard.businessHours.end
        if close <= open, let hours {
            hours.sink.error("bad-value", "'close' must be after 'open'", at: hours.location("close"))
            close = open + 1
        }
        var days = standard.businessHours.weekdays
        if let hours, let nodes = hours.sequence("days", required: false) {
            days = Set(
                nodes.compactMap { node -> Int? in
                    guard let name = node.string, let index = weekdayNames.firstIndex(of: name.lowercased()) else {
                        hours.sink.error(
                            "bad-value", "'days' lists weekday names such as monday, not '\(node.string ?? "?")'",
                            at: hours.file.location(of: node))
                        return nil
                    }
                    return index + 1
                })
            if nodes.isEmpty {
                hours.sink.error(
                    "bad-value", "'days' must list at least one weekday (an empty list has no business hours)",
                    at: hours.location("days"))
                days = standard.businessHours.weekdays
            }
        }
        var targets = standard.targets
        if let section = section(reader, "responseTargets", keys: IncidentSeverity.allCases.map(\.rawValue)) {
            for severity in IncidentSeverity.allCases {
                guard let node = section.value(severity.rawValue, required: false),
                    let target = MappingReader(node, in: section.file, sink: section.sink, context: severity.rawValue)
                else { continue }
                target.rejectUnknownKeys(allowed: targetKeys)
                let fallback = standard.target(for: severity)
                targets[severity] = ResponseTarget(
                    minutes: count(target, "minutes") ?? fallback.minutes,
                    clock: target.choice("clock", ResponseClock.self, required: false) ?? fallback.clock)
            }
        }
        let credits = section(reader, "credits", keys: creditKeys)
        let rules = standard.credits
        return ServiceLevelPolicy(
            businessHours: BusinessHours(zone: zone, start: open, end: close, weekdays: days, holidays: holidays),
            targets: targets,
            credits: CreditRules(
                perMissedResponse: amount(credits, "perMissedResponse") ?? rules.perMissedResponse,
                capPercentOfMonthlyFee: amount(credits, "capPercentOfMonthlyFee") ?? rules.capPercentOfMonthlyFee,
                requestWindowDays: count(credits, "requestWindowDays") ?? rules.requestWindowDays))
    }

    private static func extendedSupport(_ reader: MappingReader) -> ExtendedSupportPricing {
        let standard = ExtendedSupportPricing.standard
        guard let section = section(reader, "extendedSupport", keys: extendedSupportKeys) else { return standard }
        return ExtendedSupportPricing(
            platform: section.string("platform", required: false) ?? standard.platform,
            standardPerClusterHour: amount(section, "standardPerClusterHour") ?? standard.standardPerClusterHour,
            extendedPerClusterHour: amount(section, "extendedPerClusterHour") ?? standard.extendedPerClusterHour,
            hoursPerMonth: amount(section, "hoursPerMonth") ?? standard.hoursPerMonth)
    }

    /// `HH:MM` as seconds after midnight.
    private static func clockTime(_ reader: MappingReader?, _ key: String) -> Int? {
        guard let reader, let text = reader.string(key, required: false) else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]),
            let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 1440
        else {
            reader.sink.error("bad-value", "'\(key)' must be a time HH:MM, not '\(text)'", at: reader.location(key))
            return nil
        }
        return hour * 3600 + minute * 60
    }

    private static func amount(_ reader: MappingReader?, _ key: String) -> Double? {
        guard let reader, let text = reader.string(key, required: false) else { return nil }
        let range = ranges[key] ?? 0...Double.greatestFiniteMagnitude
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            reader.sink.error(
                "bad-value",
                "'\(key)' must be a number from \(number(range.lowerBound)) to \(number(range.upperBound)), "
                    + "not '\(text)'", at: reader.location(key))
            return nil
        }
        return value
    }

    /// `1000` rather than `1000.0` in messages.
    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
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

    private static func count(_ reader: MappingReader?, _ key: String) -> Int? {
        guard let reader, let text = reader.string(key, required: false) else { return nil }
        let range = ranges[key] ?? 1...Double(Int32.max)
        guard let value = Int(text), range.contains(Double(value)) else {
            reader.sink.error(
                "bad-value",
                "'\(key)' must be a whole number from \(number(range.lowerBound)) to \(number(range.upperBound)), "
                    + "not '\(text)'", at: reader.location(key))
            return nil
        }
        return value
    }
}
