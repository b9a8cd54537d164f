"""llama-index-tools-mcp 0.6.0: its conversion of every tool into a FunctionTool (it advertises
optional fields as nullable, so a model sends null for them), the plan flow through those tools with
null for the optional fields, a refusal as an error result, and no server left running, in both
tool-set configurations."""

import pytest
from conftest import CONFIGURATIONS, servers_on
from llama_index.tools.mcp import BasicMCPClient, McpToolSpec

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("extra", CONFIGURATIONS)
async def test_the_plan_flow_through_llama_index_tools(binary, state, extra):
    spec = McpToolSpec(client=BasicMCPClient(binary, args=["--state", str(state), *extra]))
    tools = {tool.metadata.name: tool for tool in await spec.to_tool_list_async()}
    assert {"request_planning", "get_next_task", "mark_task_done"} <= set(tools)
    for tool in tools.values():
        assert tool.metadata.fn_schema.model_json_schema()["type"] == "object", tool.metadata.name

    async def call(name, **arguments):
        output = await tools[name].acall(**arguments)
        assert not output.raw_output.is_error, (name, output.content)
        return output.raw_output.structured_content

    plan = await call(
        "request_planning", originalRequest="Ship it", splitDetails=None, approvalPolicy=None,
        tasks=[{"title": "Build", "description": "d"}, {"title": "Test", "description": "d", "dependsOn": [1]}])
    assert plan["requestId"] == "req-1"
    for task in ("task-1", "task-2"):
        claimed = await call("get_next_task", requestId=None, instanceId="llama-index")
        assert claimed["task"]["id"] == task
        await call("mark_task_done", requestId="req-1", taskId=task, completedDetails="done", instanceId="llama-index")
        await call("approve_task_completion", requestId="req-1", taskId=task)
    refused = await tools["mark_task_done"].acall(requestId="req-1", taskId="task-1", completedDetails="again")
    assert refused.raw_output.is_error and refused.raw_output.structured_content["error"]["code"] == "task_already_approved"
    closed = await call("approve_request_completion", requestId="req-1")
    assert closed["request"]["status"] == "completed"
    assert servers_on(state) == []
