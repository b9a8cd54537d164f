/// The product's identity, reported in `serverInfo`, `--version` and `server_info`.
package enum ProductInfo {
    package static let name = "mcp-orchestrator"
    package static let title = "MCP Orchestrator"
    package static let version = "0.1.0"
    package static let summary =
        "Plans requests into dependency-ordered tasks with server-enforced approval gates, and runs Markdown workflows."
}
