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
    let era: String
    let client: String?
    package let stateFile: StateFile
    let toolsets: [Toolset]
    let approver: ApproverMode
    let workflowDirectories: [String]
    let counts: (tools: Int, resources: Int, resourceTemplates: Int, prompts: Int)

    package static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "name": ["type": "string"],
            "version": ["type": "string"],
            "protocolRevision": [
                "type": "string", "enum": .array(ProtocolRevision.allCases.map { .string($0.rawValue) }),
            ],
            "era": ["type": "string", "enum": ["handshake", "modern"]],
            "client": ["type": "string"],
            "stateFile": [
                "type": "object",
                "properties": [
                    "path": ["type": "string"],
                    "source": ["type": "string", "enum": .array(sourceNames)],
                    "reason": ["type": "string", "description": "Why this file: the rule and the project."],
                    "notice": ["type": "string", "description": "Where older plans are, while this file is new."],
                    "exists": ["type": "boolean"],
                    "readable": ["type": "boolean"],
                    "sizeBytes": ["type": "integer", "minimum": 0],
                    "revision": ["type": "integer", "minimum": 0],
                    "requests": ["type": "integer", "minimum": 0],
                    "problem": ["type": "string"],
                    "warnings": ["type": "array", "items": ["type": "string"]],
                ],
                "required": ["path", "source", "exists", "readable"],
                "additionalProperties": false,
            ],
            "toolsets": [
                "type": "array",
                "items": ["type": "string", "enum": .array(Toolset.allCases.map { .string($0.rawValue) })],
            ],
            "approver": ["type": "string", "enum": .array(ApproverMode.allCases.map { .string($0.rawValue) })],
            "workflowDirectories": ["type": "array", "items": ["type": "string"]],
            "counts": [
                "type": "object",
                "properties": [
                    "tools": ["type": "integer", "minimum": 0],
                    "resources": ["type": "integer", "minimum": 0],
                    "resourceTemplates": ["type": "integer", "minimum": 0],
                    "prompts": ["type": "integer", "minimum": 0],
                ],
                "required": ["tools", "resources", "resourceTemplates", "prompts"],
                "additionalProperties": false,
            ],
        ],
        "required": [
            "name", "version", "protocolRevision", "era", "stateFile", "toolsets", "approver", "workflowDirectories",
            "counts",
        ],
        "additionalProperties": false,
    ]

    private static var sourceNames: [JSONValue] {
        StateLocation.Source.allCases.map { .string($0.rawValue) }
    }

    /// - Parameters:
    ///   - services: the domain's settings and state.
    ///   - server: what the protocol server offers (the counts) and how it was configured.
    package init(services: ToolServices, server environment: ServerEnvironment, context: RequestContext) {
        let configuration = services.settings
        let probe = StateFileProbe.probe(configuration.stateLocation)
        let condition = services.stateCondition
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
            readable: condition.problem == nil ? probe.isReadable : condition.revision != nil, sizeBytes: sizeBytes,
            revision: condition.revision, requests: condition.requestCount, problem: problem,
            warnings: condition.warnings)
        identity = environment.configuration.identity
        revision = context.revision
        era = environment.eraName
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
        var file: [String: JSONValue] = [
            "path": .string(stateFile.path), "source": .string(stateFile.source.rawValue),
            "reason": .string(stateFile.reason),
            "exists": .bool(stateFile.exists), "readable": .bool(stateFile.readable),
        ]
        file["notice"] = stateFile.notice.map(JSONValue.string)
        file["sizeBytes"] = stateFile.sizeBytes.map(JSONValue.int)
        file["revision"] = stateFile.revision.map(JSONValue.int)
        file["requests"] = stateFile.requests.map(JSONValue.int)
        file["problem"] = stateFile.problem.map(JSONValue.string)
        if !stateFile.warnings.isEmpty { file["warnings"] = .array(stateFile.warnings.map { .string($0) }) }
        var report: [String: JSONValue] = [
            "name": .string(identity.name),
            "version": .string(identity.version),
            "protocolRevision": .string(revision.rawValue),
            "era": .string(era),
            "stateFile": .object(file),
            "toolsets": .array(toolsets.map { .string($0.rawValue) }),
            "approver": .string(approver.rawValue),
            "workflowDirectories": .array(workflowDirectories.map { .string($0) }),
            "counts": [
                "tools": .int(counts.tools), "resources": .int(counts.resources),
                "resourceTemplates": .int(counts.resourceTemplates), "prompts": .int(counts.prompts),
            ],
        ]
        report["client"] = client.map(JSONValue.string)
        return .object(report)
    }

    /// A short Markdown rendering of the report.
    package var text: String {
        let condition: String
        if let problem = stateFile.problem {
            condition = "problem: \(problem)"
        } else if stateFile.exists {
            condition =
                "readable, \(stateFile.sizeBytes ?? 0) bytes, revision \(stateFile.revision ?? 0), "
                + "\(stateFile.requests ?? 0) request\(stateFile.requests == 1 ? "" : "s")"
        } else {
            condition = "not created yet (it is created on the first change)"
        }
        let warnings =
            (stateFile.warnings.map { "\nWarning: \($0)" }
            + [stateFile.notice].compactMap { $0 }.map { "\nNote: \($0)" }).joined()
        return """
            \(identity.name) \(identity.version), protocol \(revision.rawValue) (\(era) era)
            State file: \(stateFile.path) (\(stateFile.reason); \(condition))\(warnings)
            Tool sets: \(toolsets.map(\.rawValue).joined(separator: ", ")); approver: \(approver.rawValue)
            Tools: \(counts.tools), resources: \(counts.resources), resource templates: \(counts.resourceTemplates), prompts: \(counts.prompts)
            """
    }
}
