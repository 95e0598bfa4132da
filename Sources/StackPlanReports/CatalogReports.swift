import StackPlanCore

/// Builds the reports of the catalog commands from catalog values.
public enum CatalogReports {
    /// `catalog list`: the stack table, ordered by category (as declared) then name.
    public static func list(_ catalog: Catalog, tier: Tier? = nil, category: String? = nil) -> Report {
        let order = Dictionary(uniqueKeysWithValues: catalog.categories.enumerated().map { ($1.id, $0) })
        let components = catalog.components
            .filter { tier == nil || $0.tier == tier }
            .filter { category == nil || $0.category == category }
            .sorted { (order[$0.category] ?? .max, $0.name) < (order[$1.category] ?? .max, $1.name) }
        let rows = components.map { component -> [String] in
            let newest = component.newestRelease
            return [
                catalog.category(component.category)?.name ?? component.category, component.name,
                component.tier.rawValue,
                newest?.cycle.text ?? "-", newest?.eol?.description ?? "-",
            ]
        }
        let json = JSONValue.array(
            components.map { component in
                let newest = component.newestRelease
                return .object([
                    ("id", .string(component.id)), ("name", .string(component.name)),
                    ("category", .string(component.category)), ("tier", .string(component.tier.rawValue)),
                    ("role", .text(component.role?.rawValue)), ("newestCycle", .text(newest?.cycle.text)),
                    ("eol", .day(newest?.eol)), ("latest", .text(newest?.latest)),
                ])
            })
        let table = TextTable(
            columns: [
                .init("Category"), .init("Component"), .init("Tier"), .init("Newest cycle"), .init("End of life"),
            ],
            rows: rows)
        return Report(
            title: "\(catalog.title) \(catalog.version)", tables: [table], notes: obligations(catalog), json: json)
    }

    /// One line per tier: what it promises.
    public static func obligations(_ catalog: Catalog) -> [String] {
        catalog.tiers.map {
            "\($0.tier.rawValue): \($0.support). Lifecycle: \($0.lifecycle). Upgrade guarantee: \($0.upgradeGuarantee)."
        }
    }

    /// `catalog show ID`: one component's facts, tier history and releases.
    public static func show(_ component: Component, in catalog: Catalog) -> Report {
        let summary = TextTable(
            columns: [.init("Field"), .init("Value")],
            rows: [
                ["id", component.id], ["name", component.name],
                ["category", catalog.category(component.category)?.name ?? component.category],
                ["tier", component.tier.rawValue], ["role", component.role?.rawValue ?? "-"],
                ["platforms", component.platforms?.joined(separator: ", ") ?? "all"], ["upstream", component.upstream],
            ])
        let history = TextTable(
            title: "Tier history", columns: [.init("Quarter"), .init("Tier"), .init("Note")],
            rows: component.history.map { [$0.quarter.description, $0.tier.rawValue, $0.note] })
        let releases = component.releases.sorted { $1.cycle < $0.cycle }
        let releaseTable = TextTable(
            title: "Releases",
            columns: [.init("Cycle"), .init("Released"), .init("End of life"), .init("Latest"), .init("Kubernetes")],
            rows: releases.map {
                [
                    $0.cycle.text, $0.releaseDate.description, $0.eol?.description ?? "-", $0.latest ?? "-",
                    $0.kubernetes?.description ?? "unknown",
                ]
            })
        let json = JSONValue.object([
            ("id", .string(component.id)), ("name", .string(component.name)),
            ("category", .string(component.category)), ("tier", .string(component.tier.rawValue)),
            ("role", .text(component.role?.rawValue)),
            ("platforms", component.platforms.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("upstream", .string(component.upstream)),
            (
                "history",
                .array(
                    component.history.map {
                        .object([
                            ("quarter", .string($0.quarter.description)), ("tier", .string($0.tier.rawValue)),
                            ("note", .string($0.note)),
                        ])
                    })
            ),
            ("releases", .array(releases.map(releaseJSON))),
        ])
        return Report(title: component.name, tables: [summary, history, releaseTable], json: json)
    }

    static func releaseJSON(_ release: ComponentRelease) -> JSONValue {
        .object([
            ("releaseCycle", .string(release.cycle.text)), ("releaseDate", .day(release.releaseDate)),
            ("eol", .day(release.eol)), ("latest", .text(release.latest)),
            ("kubernetes", rangeJSON(release.kubernetes)), ("source", .string(release.source)),
        ])
    }

    static func rangeJSON(_ range: KubernetesRange?) -> JSONValue {
        guard let range else { return .null }
        return .object([("min", .text(range.min?.text)), ("max", .text(range.max?.text))])
    }

    /// `releases`: every minor of a platform (or upstream) with its status on a date.
    public static func releases(_ standings: [ReleaseStanding], platformName: String, asOf: CalendarDay) -> Report {
        let rows = standings.map { standing -> [String] in
            let release = standing.release
            // Projected dates are estimates, marked `~` in every human format.
            let mark = release.projected ? "~" : ""
            return [
                release.cycle.text, mark + release.releaseDate.description + (release.planned ? " (target)" : ""),
                release.eol.map { mark + $0.description } ?? "-", release.eoes.map { mark + $0.description } ?? "-",
                standing.status.rawValue, standing.daysToEol.map { mark + String($0) } ?? "-",
            ]
        }
        let table = TextTable(
            columns: [
                .init("Cycle"), .init("Released"), .init("End of life"), .init("End of extended support"),
                .init("Status"), .init("Days to EOL", alignRight: true),
            ],
            rows: rows)
        let json = JSONValue.array(
            standings.map { standing in
                .object([
                    ("releaseCycle", .string(standing.release.cycle.text)),
                    ("releaseDate", .day(standing.release.releaseDate)), ("eol", .day(standing.release.eol)),
                    ("eoes", .day(standing.release.eoes)), ("status", .string(standing.status.rawValue)),
                    ("daysToEol", .number(standing.daysToEol)), ("daysToEoes", .number(standing.daysToEoes)),
                    ("projected", .bool(standing.release.projected)), ("source", .string(standing.release.source)),
                ])
            })
        var notes = ["Days to EOL is negative once the end of life has passed."]
        if standings.contains(where: { $0.release.projected }) {
            notes.append(
                "~ marks projected dates: minors not yet announced, estimated from the median cadence of the last six "
                    + "(Docs/planning-rules.md).")
        }
        return Report(
            title: "Kubernetes releases on \(platformName) as of \(asOf)", tables: [table], notes: notes, json: json)
    }

    /// `compat`: the newest cycle of each component that supports a Kubernetes minor.
    public static func compat(_ entries: [CompatibilityEntry], kubernetes minor: VersionNumber, platform: String?)
        -> Report
    {
        let unknown = "no compatible release known"
        let rows = entries.map { entry -> [String] in
            [
                entry.component.name, entry.component.tier.rawValue, entry.release?.cycle.text ?? unknown,
                entry.release?.kubernetes?.description ?? "-", entry.release?.latest ?? "-",
            ]
        }
        let table = TextTable(
            columns: [.init("Component"), .init("Tier"), .init("Cycle"), .init("Kubernetes"), .init("Latest")],
            rows: rows)
        let json = JSONValue.array(
            entries.map { entry in
                .object([
                    ("id", .string(entry.component.id)), ("name", .string(entry.component.name)),
                    ("tier", .string(entry.component.tier.rawValue)), ("compatible", .bool(entry.release != nil)),
                    ("releaseCycle", .text(entry.release?.cycle.text)),
                    ("kubernetes", rangeJSON(entry.release?.kubernetes)),
                    ("latest", .text(entry.release?.latest)),
                ])
            })
        let scope = platform.map { " on \($0)" } ?? ""
        return Report(title: "Components compatible with Kubernetes \(minor)\(scope)", tables: [table], json: json)
    }
}
