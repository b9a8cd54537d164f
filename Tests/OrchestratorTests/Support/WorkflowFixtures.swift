import Foundation

/// Workflow folders for tests: the repository's shipped ones, and temporary ones written inline.
enum WorkflowFixtures {
    /// The repository's `workflows/` folder.
    static var shipped: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("workflows").path
    }

    /// A fresh workflows directory holding `files` (paths relative to it, e.g. `demo/index.md`).
    static func directory(_ files: [String: String]) -> String {
        let root = TemporaryDirectory.make() + "/workflows"
        write(files, under: root)
        return root
    }

    static func write(_ files: [String: String], under root: String) {
        for (path, text) in files {
            let full = "\(root)/\(path)"
            try? FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    /// A workflow in the orchestrator-mcp-server style: prose guidance only, no `# Transitions`.
    static let proseStyle: [String: String] = [
        "ANALYZE_ISSUE/index.md": """
        # ANALYZE_ISSUE Workflow

        Reads an issue and labels it.

        ## Steps

        -   [Get Issue Content](steps/get_issue_content.md)
        -   [Label As Ready](steps/label_as_ready.md)
        -   [Label As Unready](steps/label_as_unready.md)
        """,
        "ANALYZE_ISSUE/steps/get_issue_content.md": """
        # Goal
        Fetch the issue.

        # Orchestrator Guidance
        If the issue is complete, proceed to "Label As Ready".
        If details are missing, proceed to "Label As Unready".
        If the issue cannot be fetched, the workflow FAILED.

        # Client Instructions
        Fetch issue {{context.issue}} and read it.
        """,
        "ANALYZE_ISSUE/steps/label_as_ready.md": """
        # Orchestrator Guidance
        When labelled, FINISH.

        # Client Instructions
        Add the label "ready" to issue {{context.issue}}.
        """,
        "ANALYZE_ISSUE/steps/label_as_unready.md": """
        # Orchestrator Guidance
        When labelled and commented, FINISH.

        # Client Instructions
        Add the label "needs-info" and ask for {{context.missing}}.
        """,
    ]
}
