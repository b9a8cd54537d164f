import Foundation
import Testing

/// "Crossing a layer does not compile" holds only for the dependencies a target lists: SwiftPM lets
/// a target import its dependencies' dependencies too. This test reads every target's `import` lines
/// and fails on any of the project's modules that its `Package.swift` entry does not list.
struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Each target of `Package.swift` with the targets it lists as dependencies.
    static func declaredTargets() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [String: Set<String>] = [:]
        let pattern = try NSRegularExpression(
            pattern:
                #"\.(?:executableTarget|target|testTarget)\(\s*name:\s*"([^"]+)"(?:,\s*dependencies:\s*\[([^\]]*)\])?"#)
        let whole = NSRange(manifest.startIndex..., in: manifest)
        for match in pattern.matches(in: manifest, range: whole) {
            guard let name = Range(match.range(at: 1), in: manifest).map({ String(manifest[$0]) }) else { continue }
            var dependencies: Set<String> = []
            if let list = Range(match.range(at: 2), in: manifest) {
                for part in manifest[list].split(separator: ",") {
                    let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.hasPrefix("\""), trimmed.hasSuffix("\""), trimmed.count > 1 {
                        dependencies.insert(String(trimmed.dropFirst().dropLast()))
                    }
                }
            }
            targets[name] = dependencies
        }
        return targets
    }

    /// The project's modules a source file imports (`import X`, `internal import X`, `@testable import X`, …).
    static func projectImports(of file: URL, among modules: Set<String>) throws -> Set<String> {
        var found: Set<String> = []
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
            guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { continue }
            let before = words[..<index].map(String.init)
            let modifiers: Set<String> = [
                "internal", "package", "public", "private", "fileprivate", "@testable", "@_exported",
            ]
            guard before.allSatisfy(modifiers.contains) else { continue }
            let module = String(words[index + 1])
            if modules.contains(module) { found.insert(module) }
        }
        return found
    }

    @Test func everyTargetImportsOnlyTheProjectModulesItLists() throws {
        let targets = try Self.declaredTargets()
        #expect(targets.count >= 15, "Package.swift's targets were read: \(targets.keys.sorted())")
        let modules = Set(targets.keys.map { $0.replacingOccurrences(of: "-", with: "_") })
        var crossings: [String] = []
        for (target, dependencies) in targets {
            let folder = Self.root.appendingPathComponent(
                target == "OrchestratorTests" ? "Tests/\(target)" : "Sources/\(target)")
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
                continue
            }
            let allowed = Set(dependencies.map { $0.replacingOccurrences(of: "-", with: "_") })
                .union([target.replacingOccurrences(of: "-", with: "_")])
            for case let file as URL in files where file.pathExtension == "swift" {
                for module in try Self.projectImports(of: file, among: modules) where !allowed.contains(module) {
                    crossings.append(
                        "\(file.path.replacingOccurrences(of: Self.root.path + "/", with: "")) imports \(module), which \(target) does not list"
                    )
                }
            }
        }
        #expect(crossings.isEmpty, "\(crossings.sorted().joined(separator: "\n"))")
    }

    /// A change is composed only by use cases: the core's own (`OrchestratorCore/UseCases`) and the
    /// compatibility sets' beside their tools (`OrchestratorTools/Compatibility/UseCases`). A tool,
    /// a command or the board asks for an operation and never calls `change` itself.
    @Test func onlyUseCasesComposeAChange() throws {
        let homes = ["Sources/OrchestratorCore/UseCases/", "Sources/OrchestratorTools/Compatibility/UseCases/"]
        let sources = Self.root.appendingPathComponent("Sources")
        guard let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            Issue.record("Sources could not be read")
            return
        }
        let composing = try NSRegularExpression(
            pattern: #"(?:^|[^A-Za-z0-9_.])(?:try\s+)?(?:[a-z][A-Za-z]*\.)?change\s*\{"#)
        var composers: [String] = []
        var seen = 0
        for case let file as URL in files where file.pathExtension == "swift" {
            let path = file.path.replacingOccurrences(of: Self.root.path + "/", with: "")
            let text = try String(contentsOf: file, encoding: .utf8)
            let count = composing.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
            if homes.contains(where: path.hasPrefix) {
                seen += count
            } else if count > 0 {
                composers.append(path)
            }
        }
        #expect(seen >= 20, "the use cases' own changes were found: \(seen)")
        #expect(composers.isEmpty, "composes a change outside the use cases: \(composers.sorted())")
    }
}
