internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
package import OrchestratorSystem

/// The facts `server_info` and the `orchestrator://server/info` resource report, gathered once as a
/// typed value; the JSON and the Markdown text are both rendered from it.
package struct ServerInfoReport {
    /// What is known of the state file without changing it.
    package struct StateFile {
        package let path: String
        package let source: StateLocation.Source
        package let reason: String
        package let notice: String?
        package let exists: Bool
        package let readable: Bool
        package let sizeBytes: Int?
        package let revision: Int?
        package let requests: Int?
        package let problem: String?
        package let warnings: [String]
    }

    let identity: ServerIdentity
    let revision: ProtocolRevision
    let era: Era
    let client: String?
    package let stateFile: StateFile
    let toolsets: [Toolset]
    let approver: ApproverMode
    let workflowDirectories: [String]
    let counts: (tools: Int, resources: Int, resourceTemplates: Int, prompts: Int)

    /// The report's fields.
    enum Fields {
        static let name = Field.string("name", required: true)
        static let version = Field.string("version", required: true)
        static let protocolRevision = Field.choice("protocolRevision", ProtocolRevision.self, required: true)
        static let era = Field.choice("era", Era.self, required: true)
        static let client = Field.string("client")
        static let stateFile = Field.value("stateFile", File.schema, required: true)
        static let toolsets = Field.list(
            "toolsets", of: ["type": "string", "enum": .array(Toolset.allCases.map { .string($0.rawValue) })],
            required: true)
        static let approver = Field.choice("approver", ApproverMode.self, required: true)
        static let workflowDirectories = Field.strings("workflowDirectories", required: true)
        static let counts = Field.value("counts", Counts.schema, required: true)
    }

    /// Which era the call's session speaks.
    enum Era: String, CaseIterable, Sendable {
        case handshake, modern
    }

    /// The state file's fields.
    enum File {
        static let path = Field.string("path", required: true)
        static let source = Field.choice("source", StateLocation.Source.self, required: true)
        static let reason = Field.string("reason", description: "Why this file: the rule and the project.")
        static let notice = Field.string("notice", description: "Where older plans are, while this file is new.")
        static let exists = Field.flag("exists", required: true)
        static let readable = Field.flag("readable", required: true)
        static let sizeBytes = Field.count("sizeBytes")
        static let revision = Field.count("revision")
        static let requests = Field.count("requests")
        static let problem = Field.string("problem")
        static let warnings = Field.strings("warnings")
        static let schema = ResultFields.closedSchema(
            path, source, reason, notice, exists, readable, sizeBytes, revision, requests, problem, warnings)
    }

    /// What the server offers, counted.
    enum Counts {
        static let tools = Field.count("tools", required: true)
        static let resources = Field.count("resources", required: true)
        static let resourceTemplates = Field.count("resourceTemplates", required: true)
        static let prompts = Field.count("prompts", required: true)
        static let schema = ResultFields.closedSchema(tools, resources, resourceTemplates, prompts)
    }

    package static let schema = ResultFields.closedSchema(
        Fields.name, Fields.version, Fields.protocolRevision, Fields.era, Fields.client, Fields.stateFile,
        Fields.toolsets, Fields.approver, Fields.workflowDirectories, Fields.counts)

    /// - Parameters:
    ///   - services: the domain's settings and state.
    ///   - server: what the protocol server offers (the counts) and how it was configured.
    package init(services: ToolServices, server environment: ServerEnvironment, context: RequestContext) {
        let configuration = services.settings
        let condition = services.stateCondition
        let storedAt = services.orchestrator.storedAt
        if storedAt != configuration.stateLocation.path {
            // A database holds the state: its address (never its password) and project, as the store says.
            stateFile = StateFile(
                path: storedAt, source: configuration.stateLocation.source, reason: configuration.stateReason,
                notice: configuration.stateNotice, exists: services.orchestrator.hasState,
                readable: condition.revision != nil, sizeBytes: nil, revision: condition.revision,
                requests: condition.requestCount, problem: condition.problem, warnings: condition.warnings)
        } else {
            let probe = StateFileProbe.probe(configuration.stateLocation)
            var sizeBytes: Int?
            var problem: String?
            switch probe.condition {
            case .notCreated: break
            case .readable(let byteCount): sizeBytes = byteCount
            case .unusable(let reason): problem = reason
            }
            if let conditionProblem = condition.problem { problem = conditionProblem }
            stateFile = StateFile(
                path: probe.location.path, source: probe.location.source, reason: configuration.stateReason,
                notice: configuration.stateNotice, exists: probe.exists,
                readable: condition.problem == nil ? probe.isReadable : condition.revision != nil,
                sizeBytes: sizeBytes, revision: condition.revision, requests: condition.requestCount,
                problem: problem, warnings: condition.warnings)
        }
        identity = environment.configuration.identity
        revision = context.revision
        era = environment.eraName == Era.modern.rawValue ? .modern : .handshake
        client = context.clientInfo?.name
        toolsets = configuration.toolsets
        approver = configuration.approver
        workflowDirectories = configuration.workflowDirectories
        counts = (
            environment.toolNames.count, environment.resourceCount, environment.resourceTemplateCount,
            environment.promptCount
        )
    }

    /// The report as `server_info`'s structured content (see `schema`).
    package var json: JSONValue {
        let file = ResultFields.object([
            File.path(stateFile.path), File.source(stateFile.source), File.reason(stateFile.reason),
            File.notice(ifAny: stateFile.notice), File.exists(stateFile.exists), File.readable(stateFile.readable),
            File.sizeBytes(ifAny: stateFile.sizeBytes), File.revision(ifAny: stateFile.revision),
            File.requests(ifAny: stateFile.requests), File.problem(ifAny: stateFile.problem),
            File.warnings(ifAny: stateFile.warnings.isEmpty ? nil : stateFile.warnings),
        ])
        return ResultFields.object([
            Fields.name(identity.name), Fields.version(identity.version), Fields.protocolRevision(revision),
            Fields.era(era), Fields.client(ifAny: client), Fields.stateFile(file),
            Fields.toolsets(toolsets.map { .string($0.rawValue) }), Fields.approver(approver),
            Fields.workflowDirectories(workflowDirectories),
            Fields.counts(
                ResultFields.object([
                    Counts.tools(counts.tools), Counts.resources(counts.resources),
                    Counts.resourceTemplates(counts.resourceTemplates), Counts.prompts(counts.prompts),
                ])),
        ])
    }

    /// A short Markdown rendering of the report.
    package var text: String {
        let condition: String
        if let problem = stateFile.problem {
            condition = "problem: \(problem)"
        } else if stateFile.exists {
            condition =
                "readable, \(stateFile.sizeBytes.map { "\($0) bytes, " } ?? "")revision \(stateFile.revision ?? 0), "
                + "\(stateFile.requests ?? 0) request\(stateFile.requests == 1 ? "" : "s")"
        } else {
            condition = "not created yet (it is created on the first change)"
        }
        let warnings =
            (stateFile.warnings.map { "\nWarning: \($0)" }
            + [stateFile.notice].compactMap { $0 }.map { "\nNote: \($0)" }).joined()
        return """
            \(identity.name) \(identity.version), protocol \(revision.rawValue) (\(era.rawValue) era)
            State file: \(stateFile.path) (\(stateFile.reason); \(condition))\(warnings)
            Tool sets: \(toolsets.map(\.rawValue).joined(separator: ", ")); approver: \(approver.rawValue)
            Tools: \(counts.tools), resources: \(counts.resources), resource templates: \(counts.resourceTemplates), prompts: \(counts.prompts)
            """
    }
}
