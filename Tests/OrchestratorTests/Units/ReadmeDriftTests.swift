import Foundation
import OrchestratorCLI
import OrchestratorCore
import OrchestratorMCP
import OrchestratorTools
import Testing

/// The documented tool tables and the catalog must name the same tools: the README's tables under
/// "## Tools" (the default sets and the app's), then the compatibility sets' article.
struct ReadmeDriftTests {
    @Test func theToolTablesListExactlyTheShippedTools() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(
            readme.components(separatedBy: "## Tools\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        let toolSets = try String(
            contentsOf: root.appendingPathComponent("Sources/mcp-orchestrator/Documentation.docc/ToolSets.md"),
            encoding: .utf8)
        let named = (section + "\n" + toolSets).split(separator: "\n")
            .filter { $0.hasPrefix("| `") }
            .compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
        #expect(named == ShippedTools.all.map(\.name))
    }

    /// The README's table of the person's commands holds each command's usage line as `--help` prints it.
    @Test func theCommandTableHoldsEveryUsageLine() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(
            readme.components(separatedBy: "## The person's side\n").dropFirst().first?.components(separatedBy: "\n## ")
                .first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `mcp-orchestrator ") }.map {
            String($0.dropFirst(3).dropLast(3)).replacing("\\|", with: "|")
        }
        #expect(rows == CommandLineInterface.usages)
    }
}
