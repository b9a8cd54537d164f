"""openai-agents 0.24.0's MCPServerStdio: its conversion of every tool into a function tool, strict
and not, the plan flow with every property sent (null for the optional ones, as a strict schema
makes a model do), a refusal as an error result, and no server left running, in both tool-set
configurations."""

import copy

import pytest
from agents.mcp import MCPServerStdio, MCPUtil
from agents.strict_schema import ensure_strict_json_schema
from conftest import CONFIGURATIONS, servers_on

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("extra", CONFIGURATIONS)
async def test_the_plan_flow_through_openai_agents(binary, state, extra):
    params = {"command": binary, "args": ["--state", str(state), *extra]}
    async with MCPServerStdio(params=params, client_session_timeout_seconds=30) as server:
        tools = await server.list_tools()
        assert {"request_planning", "get_next_task", "mark_task_done"} <= {tool.name for tool in tools}
        for tool in tools:
            for strict in (False, True):
                function = MCPUtil.to_function_tool(tool, server, convert_schemas_to_strict=strict)
                assert function.params_json_schema["type"] == "object", tool.name
            ensure_strict_json_schema(copy.deepcopy(tool.input_schema))

        async def call(name, arguments):
            result = await server.call_tool(name, arguments)
            assert not result.is_error, (name, result.content)
            return result.structured_content

        plan = await call("request_planning", {
            "originalRequest": "Ship it", "splitDetails": None, "approvalPolicy": None,
            "tasks": [{"title": "Build", "description": "d", "dependsOn": None, "priority": None, "role": None},
                      {"title": "Test", "description": "d", "dependsOn": [1], "priority": None, "role": None}]})
        assert plan["requestId"] == "req-1"
        for task in ("task-1", "task-2"):
            claimed = await call("get_next_task", {"requestId": None, "instanceId": "agents"})
            assert claimed["task"]["id"] == task
            await call("mark_task_done", {"requestId": "req-1", "taskId": task, "completedDetails": "done", "instanceId": "agents"})
            await call("approve_task_completion", {"requestId": "req-1", "taskId": task})
        refused = await server.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "again"})
        assert refused.is_error and refused.structured_content["error"]["code"] == "task_already_approved"
        closed = await call("approve_request_completion", {"requestId": "req-1"})
        assert closed["request"]["status"] == "completed"
    assert servers_on(state) == []
