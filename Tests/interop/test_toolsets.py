"""Compatibility tool sets through the official MCP Python SDK, which checks every result against
the published output schemas (including the merged ones of shared names)."""

import json
from pathlib import Path

import pytest
from mcp import Client

pytestmark = pytest.mark.anyio

SHIPPED = str(Path(__file__).resolve().parents[2] / "workflows")


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_all_sets_together(server, mode):
    async with Client(server("--toolsets", "all", "--workflows", SHIPPED), mode=mode) as client:
        names = [tool.name for tool in (await client.list_tools()).tools]
        assert len(names) == len(set(names)) == 40

        await client.call_tool("create_task", {"id": "research", "description": "Look around"})
        await client.call_tool("create_task", {"id": "implement", "description": "Build", "dependencies": ["research"]})
        claimed = await client.call_tool("get_next_task", {"instance_id": "worker-1"})
        assert claimed.structured_content["task"]["id"] == "research"
        done = await client.call_tool("complete_task", {"task_id": "research", "instance_id": "worker-1", "result": "found"})
        assert done.structured_content["unlocked"] == ["implement"]

        plan = await client.call_tool(
            "orchestrator_plan_task",
            {"description": "Cache", "subtasks_json": json.dumps([{"title": "Design", "description": "d", "specialist_type": "architect"}])},
        )
        subtask = plan.structured_content["subtasks"][0]["task_id"]
        executed = await client.call_tool("orchestrator_execute_subtask", {"task_id": subtask})
        assert executed.structured_content["specialist_guidance"].startswith("# Architect")

        patterns = await client.call_tool("list_patterns", {})
        assert any(p["pattern_name"] == "refactor_with_tests" for p in patterns.structured_content["patterns"])
        applied = await client.call_tool(
            "apply_pattern", {"pattern_name": "refactor_with_tests", "target_component": "Parser", "parameters": {"goal": "split"}}
        )
        run = applied.structured_content["execution_id"]
        status = await client.call_tool("get_workflow_status", {"instance_id": run})
        assert status.structured_content["next_step"]["step_name"] == "Plan Change"
        status = await client.call_tool("get_workflow_status", {"execution_id": run})
        assert status.structured_content["status"] == "running"

        health = await client.call_tool("get_system_health", {})
        assert health.structured_content["healthy"] is True
        wrong = await client.call_tool("complete_task", {"task_id": "implement", "instance_id": "worker-2"})
        assert wrong.is_error
