package import OrchestratorJSON

/// What the server says about itself: `serverInfo` shaped for each revision, and `instructions`.
package struct ServerIdentity: Sendable {
    package let name: String
    package let version: String
    package let title: String
    /// One sentence, for revisions whose `Implementation` has a description.
    package let summary: String
    /// A few sentences that teach a model how to use this server.
    package let instructions: String

    package init(name: String, version: String, title: String, summary: String, instructions: String) {
        self.name = name
        self.version = version
        self.title = title
        self.summary = summary
        self.instructions = instructions
    }

    /// `Implementation` with only the fields the revision defines.
    package func implementation(for revision: ProtocolRevision) -> JSONValue {
        var info: [String: JSONValue] = ["name": .string(name), "version": .string(version)]
        if revision.hasTitles { info["title"] = .string(title) }
        if revision.hasImplementationDescription { info["description"] = .string(summary) }
        return .object(info)
    }
}
