"""pydantic-ai 2.68.0's MCPToolset over stdio: its tool definitions for every tool, the plan flow
through direct calls, a refusal raised as its ModelRetry (what a model is told to correct), and no
server left running, in both tool-set configurations."""

import pytest
from conftest import CONFIGURATIONS, servers_on
from pydantic_ai import ModelRetry, RunContext
from pydantic_ai.mcp import MCPToolset, StdioTransport
from pydantic_ai.models.test import TestModel
from pydantic_ai.usage import RunUsage

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("extra", CONFIGURATIONS)
async def test_the_plan_flow_through_pydantic_ai(binary, state, extra):
    # keep_alive=False: the server ends with the toolset instead of being kept for reuse.
    toolset = MCPToolset(StdioTransport(command=binary, args=["--state", str(state), *extra], keep_alive=False))
    async with toolset:
        tools = await toolset.get_tools(RunContext(deps=None, model=TestModel(), usage=RunUsage()))
        assert {"request_planning", "get_next_task", "mark_task_done"} <= set(tools)
        assert all(tool.tool_def.parameters_json_schema["type"] == "object" for tool in tools.values())
        plan = await toolset.direct_call_tool("request_planning", {
            "originalRequest": "Ship it",
            "tasks": [{"title": "Build", "description": "d"}, {"title": "Test", "description": "d", "dependsOn": [1]}]})
        assert plan["requestId"] == "req-1"
        for task in ("task-1", "task-2"):
            claimed = await toolset.direct_call_tool("get_next_task", {"instanceId": "pydantic-ai"})
            assert claimed["task"]["id"] == task
            await toolset.direct_call_tool(
                "mark_task_done", {"requestId": "req-1", "taskId": task, "completedDetails": "done", "instanceId": "pydantic-ai"})
            await toolset.direct_call_tool("approve_task_completion", {"requestId": "req-1", "taskId": task})
        with pytest.raises(ModelRetry, match="task_already_approved"):
            await toolset.direct_call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "again"})
        closed = await toolset.direct_call_tool("approve_request_completion", {"requestId": "req-1"})
        assert closed["request"]["status"] == "completed"
    assert servers_on(state) == []
