internal import OrchestratorCore
package import OrchestratorJSON
internal import OrchestratorSystem

/// The facts `server_info` and the `orchestrator://server/info` resource report.
package enum ServerInfoReport {
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
        [StateLocation.Source.option, .environment, .platformDefault].map { .string($0.rawValue) }
    }

    package static func make(environment: ServerEnvironment, context: RequestContext) -> JSONValue {
        let configuration = environment.configuration
        let probe = StateFileProbe.probe(configuration.stateLocation)
        var stateFile: [String: JSONValue] = [
            "path": .string(probe.location.path),
            "source": .string(probe.location.source.rawValue),
            "exists": .bool(probe.exists),
            "readable": .bool(probe.isReadable),
        ]
        switch probe.condition {
        case .notCreated: break
        case .readable(let byteCount): stateFile["sizeBytes"] = .int(byteCount)
        case .unusable(let reason): stateFile["problem"] = .string(reason)
        }
        let condition = environment.stateCondition
        if let revision = condition.revision { stateFile["revision"] = .int(revision) }
        if let requests = condition.requestCount { stateFile["requests"] = .int(requests) }
        if !condition.warnings.isEmpty { stateFile["warnings"] = .array(condition.warnings.map { .string($0) }) }
        if let problem = condition.problem {
            stateFile["problem"] = .string(problem)
            stateFile["readable"] = .bool(condition.revision != nil)
        }
        var report: [String: JSONValue] = [
            "name": .string(ProductInfo.name),
            "version": .string(ProductInfo.version),
            "protocolRevision": .string(context.revision.rawValue),
            "era": .string(environment.eraName),
            "stateFile": .object(stateFile),
            "toolsets": .array(configuration.toolsets.map { .string($0.rawValue) }),
            "approver": .string(configuration.approver.rawValue),
            "workflowDirectories": .array(configuration.workflowDirectories.map { .string($0) }),
            "counts": [
                "tools": .int(environment.toolNames.count),
                "resources": .int(environment.resourceCount),
                "resourceTemplates": .int(environment.resourceTemplateCount),
                "prompts": .int(environment.promptCount),
            ],
        ]
        if let client = context.clientInfo?.name { report["client"] = .string(client) }
        return .object(report)
    }

    /// A short Markdown rendering of the report.
    package static func text(_ report: JSONValue) -> String {
        let state = report["stateFile"]!
        let condition: String
        if let problem = state["problem"]?.stringValue {
            condition = "problem: \(problem)"
        } else if state["exists"]?.boolValue == true {
            condition =
                "readable, \(state["sizeBytes"]?.intValue ?? 0) bytes, revision \(state["revision"]?.intValue ?? 0), "
                + "\(state["requests"]?.intValue ?? 0) requests"
        } else {
            condition = "not created yet (it is created on the first change)"
        }
        let warnings =
            state["warnings"]?.arrayValue?.compactMap(\.stringValue).map { "\nWarning: \($0)" }.joined() ?? ""
        let toolsets = report["toolsets"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ", ") ?? ""
        let counts = report["counts"]!
        return """
            \(report["name"]!.stringValue!) \(report["version"]!.stringValue!), protocol \(report["protocolRevision"]!.stringValue!) (\(report["era"]!.stringValue!) era)
            State file: \(state["path"]!.stringValue!) (from \(state["source"]!.stringValue!); \(condition))\(warnings)
            Tool sets: \(toolsets); approver: \(report["approver"]!.stringValue!)
            Tools: \(counts["tools"]!), resources: \(counts["resources"]!), resource templates: \(counts["resourceTemplates"]!), prompts: \(counts["prompts"]!)
            """
    }
}
