/// Server-wide facts handlers may report: the configuration, and what the catalogs hold.
package struct ServerEnvironment {
    package let configuration: ServerConfiguration
    /// The enabled tools.
    package let tools: ToolCatalog
    /// The catalogs, counted only by the reports that show the counts: resources and prompts that
    /// follow files on disk would cost each call if they were counted on every one.
    let resources: ResourceCatalog
    let prompts: PromptCatalog
    /// "handshake" or "modern".
    package let eraName: String

    package var toolNames: [String] { tools.tools.map(\.name) }
    package var resourceCount: Int { resources.resources.count }
    package var resourceTemplateCount: Int { resources.templates.count }
    package var promptCount: Int { prompts.prompts.count }
}
