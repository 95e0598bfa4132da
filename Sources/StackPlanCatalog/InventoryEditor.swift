import Foundation
import StackPlanCore

/// Puts one cluster into an inventory's text: replaces its entry where it is, or adds it (and its
/// environment) to its customer. Every other line stays byte for byte.
public enum InventoryEditor {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `text` with `cluster` in `environment` (of `kind`, when new) of `customer`.
    public static func upsert(
        _ cluster: Cluster, customer: String, environment: String, kind: EnvironmentKind, in text: String
    ) throws(Failure) -> String {
        let sink = DiagnosticSink()
        let file = SourceFile(path: "inventory", relativePath: "inventory", text: text)
        guard let root = file.compose(into: sink), let customers = root["customers"]?.items else {
            throw Failure(description: "the inventory has no 'customers' list")
        }
        guard let owner = customers.first(where: { $0["id"]?.string == customer }) else {
            throw Failure(description: "the inventory has no customer '\(customer)'")
        }
        var lines = text.components(separatedBy: "\n")
        let environments = owner["environments"]?.items ?? []
        if let place = environments.first(where: { $0["name"]?.string == environment }) {
            let clusters = place["clusters"]?.items ?? []
            if let existing = clusters.first(where: { $0["name"]?.string == cluster.name }) {
                let range = block(of: existing, in: lines)
                lines.replaceSubrange(range, with: InventoryWriter.clusterLines(cluster, indent: indent(of: existing)))
            } else if let last = clusters.last {
                lines.insert(
                    contentsOf: InventoryWriter.clusterLines(cluster, indent: indent(of: last)),
                    at: block(of: last, in: lines).upperBound)
            } else {
                throw Failure(description: "environment '\(environment)' has no block list of clusters to add to")
            }
        } else if let last = environments.last {
            let pad = indent(of: last)
            let entry =
                [
                    "\(pad)- name: \(YAMLText.identifier(environment))", "\(pad)  kind: \(kind.rawValue)",
                    "\(pad)  clusters:",
                ]
                + InventoryWriter.clusterLines(cluster, indent: pad + "    ")
            lines.insert(contentsOf: entry, at: block(of: last, in: lines).upperBound)
        } else {
            throw Failure(description: "customer '\(customer)' has no block list of environments to add to")
        }
        return lines.joined(separator: "\n")
    }

    /// The spaces before the `- ` of a block list item whose mapping starts at `node`'s mark.
    private static func indent(of node: YAMLNode) -> String {
        String(repeating: " ", count: max(0, node.mark.column - 3))
    }

    /// The lines of the list item at `node`: from its `- ` line up to the next line as little
    /// indented as the dash (trailing blank and comment lines stay outside).
    private static func block(of node: YAMLNode, in lines: [String]) -> Range<Int> {
        let start = node.mark.line - 1
        let dash = node.mark.column - 3
        var end = start + 1
        var lastContent = start
        while end < lines.count {
            let line = lines[end]
            let content = line.drop { $0 == " " }
            if !content.isEmpty, !content.hasPrefix("#") {
                if line.count - content.count <= dash { break }
                lastContent = end
            }
            end += 1
        }
        return start..<(lastContent + 1)
    }
}
