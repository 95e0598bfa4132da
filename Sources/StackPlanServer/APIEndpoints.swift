import StackPlanCore

/// How one query parameter of an API endpoint becomes a command-line option.
enum APIParameter: Sendable {
    /// `?name=value` → `--option=value`.
    case value(String)
    /// `?name`, `?name=true` → `--option`; `?name=false` → nothing.
    case flag(String)
}

/// One `/api/v1/…` endpoint: the command it answers with and the options it takes.
struct APIEndpoint: Sendable {
    /// The command words, such as `["sla", "report"]`.
    let command: [String]
    /// Query parameter names (camelCase) and the options they map to.
    let parameters: [String: APIParameter]
    /// Whether the command reads the inventory.
    var readsInventory = true
    /// Whether the command takes `--edition` (with `--db`).
    var takesEdition = false
    /// Whether the command takes `--incidents`: `.required` answers 404 when the server has no log.
    var incidents: IncidentUse = .none

    enum IncidentUse: Sendable {
        case none, optional, required
    }

    static let plan = APIEndpoint(
        command: ["plan"],
        parameters: [
            "customer": .value("--customer"), "projected": .flag("--projected"), "through": .value("--through"),
            "compare": .flag("--compare"),
        ], takesEdition: true)
    static let forecast = APIEndpoint(
        command: ["forecast"], parameters: ["horizon": .value("--horizon")], takesEdition: true, incidents: .optional)
    static let slaReport = APIEndpoint(
        command: ["sla", "report"], parameters: ["month": .value("--month")], incidents: .required)
    static let catalog = APIEndpoint(
        command: ["catalog", "list"], parameters: ["tier": .value("--tier"), "category": .value("--category")],
        readsInventory: false)
    static let component = APIEndpoint(command: ["catalog", "show"], parameters: [:], readsInventory: false)
    static let releases = APIEndpoint(
        command: ["releases"],
        parameters: [
            "platform": .value("--platform"), "projected": .flag("--projected"), "through": .value("--through"),
        ], readsInventory: false)
    static let review = APIEndpoint(command: ["review", "pack"], parameters: [:])
    static let conformance = APIEndpoint(command: ["conformance"], parameters: ["customer": .value("--customer")])

    /// Every parameter name this endpoint takes, sorted: `asOf`, `edition` where it applies, and its own.
    var accepted: [String] {
        (["asOf"] + (takesEdition ? ["edition"] : []) + Array(parameters.keys)).sorted()
    }

    /// The command line for `query` against one generation's copy of the inputs; a parameter this
    /// endpoint does not take, or a flag that is not true/false, is a 400.
    func arguments(
        _ query: QueryParameters, asOf: String, generation: InputGeneration, databasePath: String,
        extra: [String] = []
    ) throws(ServerError) -> [String] {
        var arguments = command + ["--format=json", "--catalog=\(generation.catalogDirectory)"]
        if readsInventory { arguments.append("--inventory=\(generation.inventoryPath)") }
        if incidents != .none, let path = generation.incidentsPath { arguments.append("--incidents=\(path)") }
        arguments.append("--as-of=\(asOf)")
        for name in query.names where name != "asOf" {
            let value = query.values[name] ?? ""
            if name == "edition", takesEdition {
                if !value.isEmpty { arguments += ["--edition=\(value)", "--db=\(databasePath)"] }
                continue
            }
            switch parameters[name] {
            case .value(let option)?:
                if !value.isEmpty { arguments.append("\(option)=\(value)") }
            case .flag(let option)?:
                switch value {
                case "", "true", "1": arguments.append(option)
                case "false", "0": break
                default: throw .badParameter("\(name) takes true or false, not '\(value)'")
                }
            case nil:
                throw .badParameter(
                    "unknown parameter '\(name)'; this endpoint takes \(accepted.joined(separator: ", "))")
            }
        }
        // Last: `extra` may end the options with `--` before a positional id.
        return arguments + extra
    }
}
