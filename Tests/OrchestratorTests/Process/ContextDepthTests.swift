import Foundation
import OrchestratorJSON
import Testing

/// The store always reads what it wrote (issue 13): a run's context as deep as the file format
/// holds is written and read back by another server and the CLI; one level more is refused at the
/// tool, naming the field, and nothing is written.
@Suite struct ContextDepthTests {
    /// An object `levels` deep counting itself: `{"a": {"a": … {"a": 1}}}`.
    static func nested(_ levels: Int) -> JSONValue {
        var value: JSONValue = 1
        for _ in 0..<levels { value = ["a": value] }
        return value
    }

    @Test func aContextAtTheLimitIsReadBackEverywhereAndOneLevelMoreIsRefused() throws {
        let state = ServerProcess.temporaryStatePath()
        let arguments = ["--state", state, "--workflows", WorkflowFixtures.shipped]
        let writer = try LineClient(arguments: arguments)
        let started = try writer.call(
            "start_workflow", ["workflow_name": "commit_message", "context": Self.nested(32)])
        #expect(started["isError"] == nil, "\(started)")
        let run = try #require(started["structuredContent"]?["instance_id"]?.stringValue)

        let reader = try LineClient(arguments: arguments)
        let status = try reader.call("get_workflow_status", ["instance_id": .string(run)])
        #expect(status["isError"] == nil, "\(status)")
        #expect(status["structuredContent"]?["current_context"] == Self.nested(32))
        #expect(reader.close() == 0)
        let cli = try ServerProcess.run(["status", "--all", "--state", state])
        #expect(cli.status == 0, "\(cli.stderr)")

        let before = try String(contentsOfFile: state, encoding: .utf8)
        let tooDeep = try writer.call(
            "start_workflow", ["workflow_name": "commit_message", "context": Self.nested(33)])
        #expect(tooDeep["isError"] == true)
        let text = tooDeep["content"]?[0]?["text"]?.stringValue ?? ""
        #expect(
            text.contains("`context" + String(repeating: ".a", count: 32) + "` nests deeper than the 32 levels"),
            "\(text)")
        #expect(tooDeep["structuredContent"]?["error"]?["code"] == "invalid_arguments")
        let update = try writer.call(
            "advance_workflow",
            [
                "instance_id": .string(run), "report": ["step_id": "x", "status": "success"],
                "context_updates": ["deep": Self.nested(32)],
            ])
        #expect(update["structuredContent"]?["error"]?["code"] == "invalid_arguments")
        #expect(try String(contentsOfFile: state, encoding: .utf8) == before, "nothing was written")
        #expect(writer.close() == 0)
    }
}
