"""Plans, tasks, gates and human approval driven by the official MCP Python SDK."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from mcp import Client
from mcp.types import ElicitResult

from person_terminal import run_as_person

pytestmark = pytest.mark.anyio

ERAS = [("auto", "2026-07-28"), ("legacy", "2025-11-25")]

THREE_TASKS = [
    {"title": "Parser", "description": "Write the parser", "priority": "high"},
    {"title": "Tests", "description": "Test the parser", "dependsOn": ["Parser"]},
    {"title": "Docs", "description": "Document it", "dependsOn": [2]},
]


async def structured(client, tool, arguments=None):
    """Calls a tool; the SDK validates structuredContent against the tool's outputSchema."""
    result = await client.call_tool(tool, arguments or {})
    return result, result.structured_content


async def plan_and_finish_one_task(client):
    """Plans a one-task request and marks its task done, so it awaits approval."""
    await client.call_tool("request_planning", {"originalRequest": "R", "tasks": [{"title": "Only", "description": "d"}]})
    await client.call_tool("get_next_task", {})
    await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "finished"})


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_the_seed_flow(server, tmp_path, mode, revision):
    async with Client(server(), mode=mode) as client:
        result, plan = await structured(client, "request_planning", {"originalRequest": "CSV export", "tasks": THREE_TASKS})
        assert plan["requestId"] == "req-1"
        assert "| 1 | task-1 | Parser | high | — | pending |" in result.content[0].text

        for task in ["task-1", "task-2", "task-3"]:
            _, nxt = await structured(client, "get_next_task")
            assert (nxt["status"], nxt["task"]["id"]) == ("claimed", task)
            await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": task, "completedDetails": f"did {task}"})
            _, gated = await structured(client, "get_next_task")
            assert gated["status"] == "awaiting_approval"
            refused = await client.call_tool("approve_request_completion", {"requestId": "req-1"})
            assert refused.is_error and refused.structured_content["error"]["code"] == "request_not_finished"
            _, approved = await structured(client, "approve_task_completion", {"requestId": "req-1", "taskId": task})
            assert approved["task"]["status"] == "approved"

        _, done = await structured(client, "approve_request_completion", {"requestId": "req-1"})
        assert done["request"]["status"] == "completed"
        after = await client.call_tool("update_task", {"requestId": "req-1", "taskId": "task-1", "title": "x"})
        assert after.is_error and after.structured_content["error"]["code"] == "request_completed"

    stored = json.loads(Path(tmp_path / "state.json").read_text())
    assert stored["schemaVersion"] == 5
    assert [task["status"] for task in stored["requests"][0]["tasks"]] == ["approved"] * 3


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_human_approval_asks_the_person_through_the_client(server, mode, revision):
    questions = []

    async def person(context, params):
        questions.append(params.message)
        return ElicitResult(action="accept", content={"decision": "approve"})

    async with Client(server("--approver", "human"), mode=mode, elicitation_callback=person) as client:
        await plan_and_finish_one_task(client)
        _, approved = await structured(client, "approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
        assert approved["decision"] == "approved"
        assert approved["task"]["approvedBy"].startswith("person")
        assert "What was done: finished" in questions[0]

        _, closed = await structured(client, "approve_request_completion", {"requestId": "req-1"})
        assert closed["request"]["status"] == "completed"
        assert len(questions) == 2


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_human_approval_rejected_by_the_person_sends_the_task_back(server, mode, revision):
    async def person(context, params):
        return ElicitResult(action="accept", content={"decision": "reject", "feedback": "Add an example"})

    async with Client(server("--approver", "human"), mode=mode, elicitation_callback=person) as client:
        await plan_and_finish_one_task(client)
        _, rejected = await structured(client, "approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
        assert rejected["decision"] == "rejected"
        assert rejected["task"]["status"] == "in_progress"
        assert rejected["task"]["feedback"] == "Add an example"


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_without_elicitation_the_refusal_names_no_command_and_the_agents_shell_cannot_approve(
        server, server_binary, tmp_path, mode, revision):
    state = str(tmp_path / "state.json")
    async with Client(server("--approver", "human"), mode=mode) as client:
        await plan_and_finish_one_task(client)
        refused = await client.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
        assert refused.is_error
        assert refused.structured_content["error"]["code"] == "human_approval_required"
        text = refused.content[0].text
        assert "mcp-orchestrator" not in text and "on the board, in the client's dialog, or from their own terminal" in text
        # An agent with a shell runs the command anyway, from inside its client (this process).
        shell = subprocess.run([server_binary, "approve", "req-1", "task-1", "--state", state],
                               capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert shell.returncode == 77, shell.stderr
        assert f"runs inside" in shell.stderr and f"(pid {os.getpid()})" in shell.stderr
        details = await client.call_tool("open_task_details", {"taskId": "task-1"})
        assert details.structured_content["task"]["status"] == "done"
        # The person, at their own terminal.
        status, said = run_as_person([server_binary, "approve", "req-1", "task-1", "--state", state])
        assert status == 0, said
        details = await client.call_tool("open_task_details", {"taskId": "task-1"})
        assert details.structured_content["task"]["approvedBy"].startswith("person at terminal /dev/pts/")


async def test_two_clients_on_one_file_share_the_plan(server):
    async with Client(server(), mode="legacy") as first, Client(server(), mode="auto") as second:
        await first.call_tool("request_planning", {"originalRequest": "R", "tasks": THREE_TASKS, "approvalPolicy": "end"})
        _, a = await structured(first, "get_next_task", {"instanceId": "first"})
        _, b = await structured(second, "get_next_task", {"instanceId": "second"})
        assert a["task"]["id"] == "task-1"
        assert b["status"] == "waiting"
        _, again = await structured(first, "get_next_task", {"instanceId": "first"})
        assert (again["status"], again["task"]["id"]) == ("resumed", "task-1")
