"""langchain-mcp-adapters 0.3.2: its conversion of every tool into a LangChain tool, the plan flow
through those tools (with null for left-out optional fields, as LangChain sends them), a refusal
raised as its ToolException, and no server left running, with the default tool sets and all."""

import pytest
from conftest import CONFIGURATIONS, servers_on
from langchain_core.tools import ToolException
from langchain_mcp_adapters.client import MultiServerMCPClient

pytestmark = pytest.mark.anyio


def text(result) -> str:
    if isinstance(result, str):
        return result
    return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in result)


@pytest.mark.parametrize("extra", CONFIGURATIONS)
async def test_the_plan_flow_through_langchain_tools(binary, state, extra):
    client = MultiServerMCPClient(
        {"orchestrator": {"command": binary, "args": ["--state", str(state), *extra], "transport": "stdio"}},
        handle_tool_errors=False,
    )
    tools = {tool.name: tool for tool in await client.get_tools()}
    assert {"request_planning", "get_next_task", "mark_task_done", "approve_task_completion"} <= set(tools)
    for tool in tools.values():
        schema = tool.args_schema if isinstance(tool.args_schema, dict) else tool.args_schema.model_json_schema()
        assert schema["type"] == "object", tool.name
    plan = await tools["request_planning"].ainvoke(
        {"originalRequest": "Ship it", "splitDetails": None, "approvalPolicy": None,
         "tasks": [{"title": "Build", "description": "d"}, {"title": "Test", "description": "d", "dependsOn": [1]}]})
    assert "Planned request req-1 with 2 tasks" in text(plan)
    for task in ("task-1", "task-2"):
        claimed = await tools["get_next_task"].ainvoke({"requestId": None, "instanceId": "langchain"})
        assert f"Task {task} of req-1 is yours" in text(claimed)
        await tools["mark_task_done"].ainvoke(
            {"requestId": "req-1", "taskId": task, "completedDetails": "done", "instanceId": "langchain"})
        await tools["approve_task_completion"].ainvoke({"requestId": "req-1", "taskId": task})
    with pytest.raises(ToolException, match="is approved and final"):
        await tools["mark_task_done"].ainvoke({"requestId": "req-1", "taskId": "task-1", "completedDetails": "again"})
    closed = await tools["approve_request_completion"].ainvoke({"requestId": "req-1"})
    assert "Request req-1 is completed" in text(closed)
    assert servers_on(state) == []
