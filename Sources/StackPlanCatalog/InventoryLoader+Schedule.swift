import Foundation
import StackPlanCore

/// Any IANA zone, from Foundation's tz data, for the core's scheduling (`TimeZoneRules`).
public struct SystemTimeZone: TimeZoneRules {
    public let identifier: String
    private let zone: TimeZone

    /// The zone named `identifier`, if the system knows it.
    public init?(_ identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    public func offset(at instant: Instant) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.seconds)))
    }

    /// Every zone an inventory names (windows and pods), for the planner.
    public static func zones(of inventory: Inventory) -> [String: any TimeZoneRules] {
        var names = Set(inventory.pods.compactMap(\.zone))
        for customer in inventory.customers {
            names.formUnion(customer.maintenanceWindows.map(\.zone))
            for environment in customer.environments {
                names.formUnion((environment.maintenanceWindows ?? []).map(\.zone))
            }
        }
        var zones: [String: any TimeZoneRules] = [:]
        for name in names { zones[name] = SystemTimeZone(name) }
        return zones
    }
}

extension InventoryLoader {
    static let windowKeys = ["days", "start", "duration", "zone"]
    static let freezeKeys = ["from", "until", "reason", "environments"]
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// A zone name the system knows, or a located error.
    func zone(_ item: MappingReader, _ key: String, required: Bool) -> String? {
        guard let name = item.string(key, required: required) else { return nil }
        guard SystemTimeZone(name) != nil else {
            item.sink.error(
                "unknown-zone", "unknown time zone '\(name)'; give an IANA name such as Europe/Berlin",
                at: item.location(key))
            return nil
        }
        return name
    }

    /// `maintenanceWindows: [{days: [sat, sun], start: "02:00", duration: "4h", zone: IANA}]`.
    func maintenanceWindows(_ item: MappingReader) -> [MaintenanceWindow]? {
        item.items("maintenanceWindows", required: false) { window, _ -> MaintenanceWindow? in
            window.rejectUnknownKeys(allowed: Self.windowKeys)
            var days: Set<Int> = []
            for node in window.sequence("days") ?? [] {
                guard let name = node.string?.lowercased().prefix(3),
                    let index = Self.weekdays.firstIndex(of: String(name))
                else {
                    window.sink.error(
                        "bad-value", "'days' lists weekdays mon … sun, not '\(node.string ?? "?")'",
                        at: window.file.location(of: node))
                    continue
                }
                days.insert(index + 1)
            }
            let start = window.string("start").flatMap { text -> Int? in
                let parts = text.split(separator: ":")
                guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]),
                    let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
                else {
                    window.sink.error(
                        "bad-value", "'start' must be a time HH:MM, not '\(text)'", at: window.location("start"))
                    return nil
                }
                return hour * 3600 + minute * 60
            }
            let duration = window.string("duration").flatMap { text -> Int? in
                let unit = text.last
                guard let value = Int(text.dropLast()), value > 0, unit == "h" || unit == "m",
                    (unit == "h" ? value * 60 : value) <= 24 * 60
                else {
                    window.sink.error(
                        "bad-value",
                        "'duration' must be hours or minutes such as \"4h\" or \"90m\" (at most 24h), not '\(text)'",
                        at: window.location("duration"))
                    return nil
                }
                return unit == "h" ? value * 3600 : value * 60
            }
            let zone = zone(window, "zone", required: true)
            guard !days.isEmpty, let start, let duration, let zone else { return nil }
            return MaintenanceWindow(days: days, start: start, duration: duration, zone: zone)
        }
    }

    /// `freezes: [{from, until, reason, environments?}]`.
    func freezes(_ item: MappingReader, environments: Set<String>) -> [Freeze] {
        item.items("freezes", required: false) { freeze, _ -> Freeze? in
            freeze.rejectUnknownKeys(allowed: Self.freezeKeys)
            let from = freeze.day("from")
            let until = freeze.day("until")
            if let from, let until, until < from {
                freeze.sink.error("date-order", "'until' is before 'from'", at: freeze.location("until"))
            }
            let names = freeze.sequence("environments", required: false)?.compactMap { node -> String? in
                guard let name = node.string, environments.contains(name) else {
                    freeze.sink.error(
                        "unknown-environment", "no environment '\(node.string ?? "?")' in this customer",
                        at: freeze.file.location(of: node))
                    return nil
                }
                return name
            }
            guard let from, let until, let reason = freeze.string("reason") else { return nil }
            return Freeze(from: from, until: until, reason: reason, environments: names)
        } ?? []
    }
}
