import Foundation
import OrchestratorCore
import OrchestratorMCP
import OrchestratorTools
import Testing

/// The README's tool table and the catalog must name the same tools.
struct ReadmeDriftTests {
    @Test func theToolTableListsExactlyTheShippedTools() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(
            readme.components(separatedBy: "## Tools\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        let named = section.split(separator: "\n")
            .filter { $0.hasPrefix("| `") }
            .compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
        #expect(named == ShippedTools.all.map(\.name))
    }
}
