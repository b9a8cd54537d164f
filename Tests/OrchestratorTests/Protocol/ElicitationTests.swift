import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// Questions for the person: JSON-RPC requests in the handshake era, `input_required` in 2026.
struct ElicitationTests {
    private static let elicitation: JSONValue = ["elicitation": [:]]

    private func harness() -> ServerHarness {
        ServerHarness(tools: ShippedTools.all + [AskingTool()])
    }

    @Test func handshakeEraSendsARequestAndAnswersTheCallWhenTheResponseArrives() {
        var harness = harness()
        harness.initialize("2025-11-25", capabilities: Self.elicitation)
        let asked = harness.send(
            #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"ask_person","arguments":{"question":"Ship it?"}}}"#
        )
        #expect(
            asked == [
                #"{"id":"orchestrator-1","jsonrpc":"2.0","method":"elicitation/create","params":{"message":"Ship it?","mode":"form","requestedSchema":{"properties":{"answer":{"type":"string"}},"required":["answer"],"type":"object"}}}"#
            ])
        // Other requests are still served while the call waits.
        #expect(
            harness.send(#"{"jsonrpc":"2.0","id":8,"method":"ping"}"#) == [#"{"id":8,"jsonrpc":"2.0","result":{}}"#])
        // A response with an id we never issued is ignored.
        #expect(harness.send(#"{"jsonrpc":"2.0","id":"orchestrator-99","result":{"action":"accept"}}"#).isEmpty)
        let answered = harness.send(
            #"{"jsonrpc":"2.0","id":"orchestrator-1","result":{"action":"accept","content":{"answer":"yes"}}}"#)
        #expect(
            answered == [
                #"{"id":7,"jsonrpc":"2.0","result":{"content":[{"text":"The person chose accept.","type":"text"}],"structuredContent":{"action":"accept","answer":"yes"}}}"#
            ])
    }

    @Test func anErrorFromTheClientReachesTheToolAsACancel() throws {
        var harness = harness()
        harness.initialize("2025-11-25", capabilities: Self.elicitation)
        _ = harness.request("tools/call", id: 3, params: ["name": "ask_person", "arguments": ["question": "Q?"]])
        let replies = harness.send(
            #"{"jsonrpc":"2.0","id":"orchestrator-1","error":{"code":-32600,"message":"Elicitation not supported"}}"#)
        let reply = try JSONParser.parse(try #require(replies.first))
        #expect(reply["id"] == 3)
        #expect(reply["result"]?["structuredContent"] == ["action": "cancel"])
    }

    @Test func cancellingAWaitingCallMeansItIsNeverAnswered() {
        var harness = harness()
        harness.initialize("2025-11-25", capabilities: Self.elicitation)
        _ = harness.request("tools/call", id: 4, params: ["name": "ask_person", "arguments": ["question": "Q?"]])
        #expect(
            harness.send(
                #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":4,"reason":"user gave up"}}"#
            ).isEmpty)
        #expect(
            harness.send(
                #"{"jsonrpc":"2.0","id":"orchestrator-1","result":{"action":"accept","content":{"answer":"late"}}}"#
            ).isEmpty)
    }

    @Test func aClientWithoutElicitationGetsARefusalNotAQuestion() throws {
        var harness = harness()
        harness.initialize("2025-11-25")
        let result = try #require(
            harness.request("tools/call", params: ["name": "ask_person", "arguments": ["question": "Q?"]])["result"])
        #expect(result["isError"] == true)
        #expect(result["structuredContent"]?["error"]?["code"] == "client_cannot_answer")
    }

    @Test func noQuestionIsSentBeforeTheClientSaysInitialized() throws {
        var harness = harness()
        _ = harness.request(
            "initialize", id: 0,
            params: [
                "protocolVersion": "2025-11-25", "capabilities": Self.elicitation,
                "clientInfo": ["name": "c", "version": "1"],
            ])
        let result = try #require(
            harness.request("tools/call", params: ["name": "ask_person", "arguments": ["question": "Q?"]])["result"])
        #expect(result["structuredContent"]?["error"]?["code"] == "not_initialized")
    }

    @Test func modernEraReturnsInputRequiredAndFinishesOnTheRetry() throws {
        var harness = harness()
        let first = try #require(
            harness.modern(
                "tools/call", id: 1, params: ["name": "ask_person", "arguments": ["question": "Ship it?"]],
                capabilities: Self.elicitation
            ).first?["result"])
        #expect(first["resultType"] == "input_required")
        #expect(first["inputRequests"]?["answer"]?["method"] == "elicitation/create")
        // The requestState is the server's own (random, held in memory); the tool's state stays inside.
        let token = try #require(first["requestState"]?.stringValue)
        #expect(token.hasPrefix("q1.") && token.count == 67 && !token.contains("Ship"))
        #expect(first["ttlMs"] == nil)

        let retry = try #require(
            harness.modern(
                "tools/call", id: 2,
                params: [
                    "name": "ask_person", "arguments": ["question": "Ship it?"],
                    "inputResponses": ["answer": ["action": "accept", "content": ["answer": "yes"]]],
                    "requestState": .string(token),
                ],
                capabilities: Self.elicitation
            ).first?["result"])
        #expect(retry["resultType"] == "complete")
        #expect(retry["structuredContent"] == ["action": "accept", "answer": "yes"])
    }

    @Test func modernEraRefusesToAskAClientThatDidNotDeclareElicitation() throws {
        var harness = harness()
        let result = try #require(
            harness.modern("tools/call", params: ["name": "ask_person", "arguments": ["question": "Q?"]]).first?[
                "result"])
        #expect(result["isError"] == true)
        #expect(result["resultType"] == "complete")
    }

    /// A 2026 retry of `ask_person` with `answer` accepted, carrying `requestState` when given.
    private func answer(
        _ harness: inout ServerHarness, id: Int, state: JSONValue?, question: String = "Ship it?",
        capabilities: JSONValue = elicitation
    ) -> JSONValue {
        var params: [String: JSONValue] = [
            "name": "ask_person", "arguments": ["question": .string(question)],
            "inputResponses": ["answer": ["action": "accept", "content": ["answer": "yes"]]],
        ]
        if let state { params["requestState"] = state }
        return harness.modern("tools/call", id: id, params: params, capabilities: capabilities).first?["result"]
            ?? .null
    }

    private func ask(_ harness: inout ServerHarness, question: String = "Ship it?") throws -> JSONValue {
        let first = try #require(
            harness.modern(
                "tools/call", id: 1, params: ["name": "ask_person", "arguments": ["question": .string(question)]],
                capabilities: Self.elicitation
            ).first?["result"])
        return try #require(first["requestState"])
    }

    @Test func anAnswerToNoQuestionIsRefused() {
        var harness = harness()
        #expect(ServerHarness.errorCode(answer(&harness, id: 1, state: nil)) == "answer_not_asked")
        #expect(ServerHarness.errorCode(answer(&harness, id: 2, state: "asked:Ship it?")) == "answer_not_asked")
        #expect(
            ServerHarness.errorCode(answer(&harness, id: 3, state: .string("q1." + String(repeating: "0", count: 64))))
                == "answer_not_asked")
    }

    @Test func anAnswerCountsOnceAndAReplayIsRefused() throws {
        var harness = harness()
        let state = try ask(&harness)
        #expect(answer(&harness, id: 2, state: state)["structuredContent"] == ["action": "accept", "answer": "yes"])
        #expect(ServerHarness.errorCode(answer(&harness, id: 3, state: state)) == "answer_replayed")
    }

    @Test func anAnswerToAnotherQuestionOrAlteredStateIsRefused() throws {
        var harness = harness()
        let state = try ask(&harness)
        #expect(
            ServerHarness.errorCode(answer(&harness, id: 2, state: state, question: "Delete it?")) == "answer_altered")
        var altered = try #require(state.stringValue)
        altered = String(altered.dropLast()) + (altered.hasSuffix("0") ? "1" : "0")
        #expect(ServerHarness.errorCode(answer(&harness, id: 3, state: .string(altered))) == "answer_not_asked")
    }

    @Test func aLateAnswerIsRefused() throws {
        var harness = harness()
        let state = try ask(&harness)
        harness.clock.advance(seconds: IssuedQuestions.lifetimeSeconds)
        #expect(ServerHarness.errorCode(answer(&harness, id: 2, state: state)) == "answer_expired")
    }

    @Test func anAnswerFromAClientThatNoLongerDeclaresElicitationIsRefused() throws {
        var harness = harness()
        let state = try ask(&harness)
        #expect(
            ServerHarness.errorCode(answer(&harness, id: 2, state: state, capabilities: [:])) == "client_cannot_answer")
    }

    @Test func aClientThatDidNotDeclareElicitationIsNeverAsked() {
        var harness = harness()
        let first = harness.modern(
            "tools/call", id: 1, params: ["name": "ask_person", "arguments": ["question": "Q?"]]
        ).first?["result"]
        #expect(first?["requestState"] == nil)
        #expect(ServerHarness.errorCode(answer(&harness, id: 2, state: nil, capabilities: [:])) == "answer_not_asked")
    }
}
