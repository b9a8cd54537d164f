internal import OrchestratorJSON

/// Routes a validated request of either era to its feature handler.
extension MCPServer {
    /// The plain result object, or `nil` when the answer is deferred (a tool waiting on the client).
    mutating func dispatch(
        _ method: MCPMethod, id: JSONRPCID, params: [String: JSONValue]?, context: RequestContext
    ) throws(JSONRPCError) -> [String: JSONValue]? {
        context.log(.debug, "\(method.rawValue) from \(context.clientInfo?.name ?? "an unnamed client")")
        switch method {
        case .toolsList:
            let drawsApps = context.drawsApps
            return try Pagination.listResult(
                tools.listed(drawsApps: drawsApps), key: "tools", kind: "tools", params: params,
                size: configuration.pageSize
            ) {
                $0.definition(for: context.revision, drawsApps: drawsApps)
            }
        case .toolsCall:
            return try callTool(id: id, params: params, context: context)
        case .resourcesList:
            return try Pagination.listResult(
                resources.resources(drawsApps: context.drawsApps), key: "resources", kind: "resources", params: params,
                size: configuration.pageSize
            ) {
                $0.listing(for: context.revision)
            }
        case .resourcesTemplatesList:
            return try Pagination.listResult(
                resources.templates, key: "resourceTemplates", kind: "templates", params: params,
                size: configuration.pageSize
            ) {
                $0.listing(for: context.revision)
            }
        case .resourcesRead:
            return try readResource(params, context: context)
        case .promptsList:
            return try Pagination.listResult(
                prompts.prompts, key: "prompts", kind: "prompts", params: params, size: configuration.pageSize
            ) {
                $0.listing(for: context.revision)
            }
        case .promptsGet:
            return try getPrompt(params)
        case .completionComplete:
            return try complete(params)
        case .initialize, .ping, .serverDiscover, .loggingSetLevel:
            // Answered by the era handlers before dispatch; reaching here is a routing bug.
            throw JSONRPCError(
                .internalError, "Internal error: \(method.rawValue) was routed to the feature dispatcher")
        }
    }

    private func readResource(_ params: [String: JSONValue]?, context: RequestContext) throws(JSONRPCError) -> [String:
        JSONValue]
    {
        guard case .string(let uri)? = params?["uri"] else {
            throw .invalidParams("Invalid params: resources/read needs params.uri (string)")
        }
        let text: String
        let mimeType: String
        var meta: JSONValue?
        if let resource = resources.resource(at: uri, drawsApps: context.drawsApps) {
            text = try resource.read(environment: environment, context: context)
            mimeType = resource.mimeType
            meta = resource.contentsMeta
        } else if let match = resources.template(matching: uri),
            let found = match.template.read(match.variables, environment: environment, context: context)
        {
            text = found
            mimeType = match.template.mimeType
        } else {
            throw JSONRPCError(
                context.revision.resourceNotFoundCode,
                "Resource not found: \(uri); resources/list and resources/templates/list name what exists",
                data: ["uri": .string(uri)])
        }
        var contents: [String: JSONValue] = ["uri": .string(uri), "mimeType": .string(mimeType), "text": .string(text)]
        if let meta { contents["_meta"] = meta }
        return ["contents": [.object(contents)]]
    }

    private func getPrompt(_ params: [String: JSONValue]?) throws(JSONRPCError) -> [String: JSONValue] {
        guard case .string(let name)? = params?["name"] else {
            throw .invalidParams("Invalid params: prompts/get needs params.name (string)")
        }
        guard let prompt = prompts.prompt(named: name) else {
            throw .invalidParams("Unknown prompt: \(name); prompts/list names the available prompts")
        }
        var values: [String: String] = [:]
        switch params?["arguments"] {
        case nil, .null?: break
        case .object(let given)?:
            for (key, value) in given {
                guard prompt.arguments.contains(where: { $0.name == key }) else {
                    throw .invalidParams(
                        "Prompt \(name) has no argument '\(key)'; it takes: \(prompt.arguments.map(\.name).joined(separator: ", "))"
                    )
                }
                guard case .string(let text) = value else {
                    throw .invalidParams("Prompt argument '\(key)' must be a string, not \(value.typeName)")
                }
                values[key] = text
            }
        case let other?:
            throw .invalidParams(
                "Invalid params: prompts/get params.arguments must be an object, not \(other.typeName)")
        }
        for argument in prompt.arguments where argument.required && values[argument.name] == nil {
            throw .invalidParams("Prompt \(name) needs the argument '\(argument.name)'")
        }
        return [
            "description": .string(prompt.description),
            "messages": .array(try prompt.messages(values, environment: environment)),
        ]
    }

    private func complete(_ params: [String: JSONValue]?) throws(JSONRPCError) -> [String: JSONValue] {
        guard case .object(let reference)? = params?["ref"], case .string(let kind)? = reference["type"] else {
            throw .invalidParams("Invalid params: completion/complete needs params.ref with a type")
        }
        guard case .string(let argument)? = params?["argument"]?["name"],
            case .string(let prefix)? = params?["argument"]?["value"]
        else {
            throw .invalidParams(
                "Invalid params: completion/complete needs params.argument with a name and a value (strings)")
        }
        let values: [String]
        switch kind {
        case "ref/prompt":
            guard case .string(let name)? = reference["name"], let prompt = prompts.prompt(named: name) else {
                throw .invalidParams("Unknown prompt in params.ref.name; prompts/list names the available prompts")
            }
            values = prompt.complete(argument, prefix: prefix, environment: environment)
        case "ref/resource":
            guard case .string(let uri)? = reference["uri"] else {
                throw .invalidParams("Invalid params: a ref/resource reference needs a uri (string)")
            }
            if let template = resources.template(withText: uri) {
                values = template.complete(argument, prefix: prefix, environment: environment)
            } else if resources.resource(at: uri) != nil {
                values = []
            } else {
                throw .invalidParams("Unknown resource or template: \(uri)")
            }
        default:
            throw .invalidParams("Invalid params: params.ref.type must be ref/prompt or ref/resource, not \(kind)")
        }
        let shown = Array(values.prefix(100))
        return [
            "completion": [
                "values": .array(shown.map { .string($0) }), "total": .int(values.count),
                "hasMore": .bool(values.count > shown.count),
            ]
        ]
    }
}
