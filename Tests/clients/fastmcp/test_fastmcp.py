"""fastmcp 4.1.6's own Client over stdio: connect, list, the plan flow, a refusal raised as its
ToolError, and a clean shutdown, with the default tool sets and with all of them."""

import pytest
from conftest import CONFIGURATIONS, servers_on
from fastmcp import Client
from fastmcp.client.transports import StdioTransport
from fastmcp.exceptions import ToolError

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("extra", CONFIGURATIONS)
async def test_the_plan_flow_through_fastmcp(binary, state, extra):
    # keep_alive=False: the server process ends with the client's session instead of being kept for reuse.
    transport = StdioTransport(command=binary, args=["--state", str(state), *extra], keep_alive=False)
    async with Client(transport) as client:
        tools = await client.list_tools()
        names = {tool.name for tool in tools}
        assert {"request_planning", "get_next_task", "mark_task_done"} <= names
        assert all(tool.input_schema["type"] == "object" for tool in tools)
        plan = await client.call_tool(
            "request_planning",
            {"originalRequest": "Ship it", "tasks": [{"title": "Build", "description": "d"}, {"title": "Test", "description": "d", "dependsOn": [1]}]},
        )
        assert plan.structured_content["requestId"] == "req-1"
        for task in ("task-1", "task-2"):
            claimed = await client.call_tool("get_next_task", {"instanceId": "fastmcp"})
            assert claimed.structured_content["task"]["id"] == task
            await client.call_tool(
                "mark_task_done", {"requestId": "req-1", "taskId": task, "completedDetails": "done", "instanceId": "fastmcp"})
            await client.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": task})
        with pytest.raises(ToolError, match="already approved|is approved and final"):
            await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "again"})
        done = await client.call_tool("approve_request_completion", {"requestId": "req-1"})
        assert done.structured_content["request"]["status"] == "completed"
    assert servers_on(state) == []
