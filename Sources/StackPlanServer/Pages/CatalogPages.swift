import StackPlanCore

extension StackPlanServer {
    /// `/catalog?tier=&category=`: the stack by category and tier, newest cycle and end of life.
    func catalogPage(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let analysis = try await analysis(info)
        let catalog = analysis.catalog
        let tier = try info.choice("tier", as: Tier.self)
        let category = info.query["category"]
        if let category, catalog.category(category) == nil {
            throw .notFound("no category '\(category)' in the catalog")
        }
        let names = Dictionary(catalog.categories.map { ($0.id, $0.name) }) { first, _ in first }
        let rows: [[DataTable.Cell]] = catalog.components.filter { component in
            (tier == nil || component.tier == tier) && (category == nil || component.category == category)
        }.map { component in
            let newest = component.newestRelease
            return [
                .text(names[component.category] ?? component.category),
                .html(
                    PageLayout.link(
                        "/catalog/\(QueryParameters.encode(component.id))", esc(component.name), info: info),
                    text: component.name),
                .text(component.tier.rawValue),
                .text(newest?.cycle.description ?? "-"),
                .text(newest?.eol?.description ?? "-"),
                .text(newest?.kubernetes?.description ?? "-"),
            ]
        }
        let filters = Tier.allCases.map { PageLayout.link("/catalog", $0.rawValue, info: info, ["tier": $0.rawValue]) }
            .joined(separator: " · ")
        let body =
            "<p>Catalog \(esc(catalog.version.description)), data as of \(catalog.dataAsOf). Tiers: \(filters) · "
            + PageLayout.link("/catalog", "all", info: info) + "</p>\n"
            + DataTable(
                id: "catalog",
                columns: [
                    .init(key: "category", title: "Category"), .init(key: "name", title: "Component"),
                    .init(key: "tier", title: "Tier"), .init(key: "cycle", title: "Newest cycle"),
                    .init(key: "eol", title: "End of life"), .init(key: "kubernetes", title: "Kubernetes"),
                ], rows: rows
            ).render(info: info)
        return PageLayout.page(title: "Stack catalog", info: info, body: body)
    }

    /// `/catalog/{id}`: tier history, releases with Kubernetes ranges, who runs it, what it blocks.
    func componentPage(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let id = info.parameter("id")
        let analysis = try await analysis(info)
        guard let component = analysis.catalog.component(id) else {
            throw .notFound("no component '\(id)' in the catalog")
        }
        var body = PageLayout.figures([
            ("Tier", component.tier.rawValue), ("Category", esc(component.category)),
            ("Upstream", esc(component.upstream)),
        ])
        body += "<h2>Tier history</h2>\n"
        body += PageLayout.table(
            ["Quarter", "Tier", "Note"], component.history.map { [$0.quarter.description, $0.tier.rawValue, $0.note] })
        body += "<h2>Releases</h2>\n"
        body += PageLayout.table(
            ["Cycle", "Released", "End of life", "Latest", "Kubernetes", "Source"],
            component.releases.map { release in
                [
                    release.cycle.description, release.releaseDate.description, release.eol?.description ?? "-",
                    release.latest ?? "-", release.kubernetes?.description ?? "-", release.source,
                ]
            })
        body += "<h2>Who runs it</h2>\n" + Self.runners(of: id, analysis: analysis, info: info)
        let blocked = analysis.blockedStepCount(id)
        body += "<h2>Steps it blocks</h2>\n<p>"
        body += blocked == 0 ? "None." : PageLayout.link("/steps", "\(blocked) step(s)", info: info, ["blockedBy": id])
        body += "</p>\n"
        return PageLayout.page(title: component.name, info: info, body: body)
    }

    /// Customers and clusters running component `id`, linked to their clusters (a paged table).
    static func runners(of id: String, analysis: Analysis, info: RequestInfo) -> String {
        let found = ComponentUse.placements(of: id, in: analysis.inventory, catalog: analysis.catalog)
        guard !found.isEmpty else { return "<p>No cluster in the inventory runs it.</p>\n" }
        let columns: [DataTable.Column] = [
            .init(key: "customer", title: "Customer"), .init(key: "cluster", title: "Cluster"),
            .init(key: "environment", title: "Environment"), .init(key: "version", title: "Version"),
        ]
        return DataTable(id: "runners", columns: columns, count: found.count) { index -> [DataTable.Cell] in
            let (customer, environment, cluster) = (
                found[index].customer, found[index].environment, found[index].cluster
            )
            let path = "/customers/\(QueryParameters.encode(customer.id))"
            return [
                .html(PageLayout.link(path, esc(customer.name), info: info), text: customer.name),
                .html(
                    PageLayout.link(path, esc(cluster.name), info: info, fragment: "cluster-" + cluster.name),
                    text: cluster.name),
                .text("\(environment.name) (\(environment.kind.rawValue))"),
                .text(found[index].version.description),
            ]
        }.render(info: info)
    }

    /// `/releases`: the platforms, each linked to its release calendar.
    func releasesIndexPage(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let analysis = try await analysis(info)
        let items = analysis.catalog.platforms.map {
            "<li>" + PageLayout.link("/releases/\(QueryParameters.encode($0.id))", esc($0.name), info: info) + "</li>"
        }
        return PageLayout.page(
            title: "Releases", info: info, body: "<ul>\n" + items.joined(separator: "\n") + "\n</ul>\n")
    }

    /// `/releases/{platform}`: every minor on the platform with its status on the date.
    func releasesPage(_ info: RequestInfo) async throws(ServerError) -> CachedResponse {
        let id = info.parameter("platform")
        let analysis = try await analysis(info)
        guard let platform = analysis.catalog.platform(id) else {
            throw .notFound("no platform '\(id)' in the catalog")
        }
        let standings = ReleaseCalendar(
            releases: platform.releases, supportedMinors: analysis.catalog.policy.supportedMinors
        ).standings(on: analysis.asOf)
        var body =
            "<p>Status on \(analysis.asOf); the SLA covers the \(analysis.catalog.policy.supportedMinors) newest released minors.</p>\n"
        body += PageLayout.table(
            [
                "Minor", "Released", "End of standard support", "End of extended support", "Status",
                "Days to end of life",
            ],
            standings.map { standing in
                let release = standing.release
                return [
                    release.cycle.description, release.releaseDate.description, release.eol?.description ?? "-",
                    release.eoes?.description ?? "-", standing.status.rawValue,
                    standing.daysToEol.map(String.init) ?? "-",
                ]
            }, numeric: [5])
        return PageLayout.page(title: "\(platform.name) releases", info: info, body: body)
    }
}
