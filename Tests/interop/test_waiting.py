"""Agents that wait instead of polling: get_next_task and the approval tools with waitSeconds, driven
by the official MCP Python SDK while the person decides on the command line or the board."""

import json
import subprocess

import anyio
import pytest
from mcp import Client

from board import running_board
from waiting import Parked

pytestmark = pytest.mark.anyio

ERAS = [("auto", "2026-07-28"), ("legacy", "2025-11-25")]

TWO_TASKS = [{"title": "Parser", "description": "Write the parser"},
             {"title": "Tests", "description": "Test the parser", "dependsOn": ["Parser"]}]


async def first_task_done(client):
    await client.call_tool("request_planning", {"originalRequest": "CSV export", "tasks": TWO_TASKS})
    await client.call_tool("get_next_task", {})
    await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "parser written"})


def person(binary, state, *words):
    subprocess.run([binary, *words, "--state", str(state)], check=True, capture_output=True, timeout=30)


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_a_waiting_get_next_task_returns_the_next_task_once_the_person_approves(
        server, server_binary, tmp_path, mode, revision):
    parked = Parked()
    async with Client(server(), mode=mode) as client:
        await first_task_done(client)
        results = []

        async def wait_for_work():
            results.append(await client.call_tool("get_next_task", {"waitSeconds": 50}, progress_callback=parked))

        async with anyio.create_task_group() as group:
            group.start_soon(wait_for_work)
            await parked.wait()
            # The same connection is served while the call waits.
            listed = await client.call_tool("list_requests", {})
            assert not listed.is_error and not results
            person(server_binary, tmp_path / "state.json", "approve", "req-1", "task-1")
        nxt = results[0].structured_content
        assert (nxt["status"], nxt["task"]["id"]) == ("claimed", "task-2")
        progress = parked.reports
        assert any("Waiting for a decision on task-1" in (message or "") for _, message in progress)
        assert all(a[0] < b[0] for a, b in zip(progress, progress[1:]))


async def test_a_wait_that_ends_answers_as_without_one(server, tmp_path):
    async with Client(server()) as client:
        await first_task_done(client)
        result = await client.call_tool("get_next_task", {"waitSeconds": 1})
        assert result.structured_content["status"] == "awaiting_approval"


async def test_cancelling_a_waiting_call_ends_it_without_an_answer(server, server_binary, tmp_path):
    parked = Parked()
    async with Client(server(), mode="legacy") as client:
        await first_task_done(client)
        async with anyio.create_task_group() as group:
            async def wait_then_be_cancelled():
                with anyio.CancelScope() as scope:
                    cancel_scopes.append(scope)
                    await client.call_tool("get_next_task", {"waitSeconds": 50}, progress_callback=parked)
                finished.append(scope.cancel_called)

            cancel_scopes, finished = [], []
            group.start_soon(wait_then_be_cancelled)
            await parked.wait()
            cancel_scopes[0].cancel()
        assert finished == [True]
        # After the approval, a call that was not dropped would run again before the next message is
        # handled, and claim task-2: the file would show it in progress before anyone asked for it.
        person(server_binary, tmp_path / "state.json", "approve", "req-1", "task-1")
        await client.call_tool("list_requests", {})
        stored = json.loads((tmp_path / "state.json").read_text())
        assert stored["requests"][0]["tasks"][1]["status"] == "pending"
        nxt = await client.call_tool("get_next_task", {})
        assert nxt.structured_content["task"]["id"] == "task-2"


@pytest.mark.parametrize("decision", ["approve", "reject"])
async def test_under_the_human_approver_the_agent_waits_for_the_persons_decision_on_the_board(
        server, server_binary, tmp_path, decision):
    with running_board(server_binary, tmp_path / "state.json") as board:
        async with Client(server("--approver", "human"), mode="legacy") as client:
            await first_task_done(client)
            board.sign_in()
            results = []
            parked = Parked()

            async def wait_for_the_person():
                results.append(await client.call_tool(
                    "approve_task_completion", {"requestId": "req-1", "taskId": "task-1", "waitSeconds": 50},
                    progress_callback=parked))

            async with anyio.create_task_group() as group:
                group.start_soon(wait_for_the_person)
                await parked.wait()
                payload = {"requestId": "req-1", "taskId": "task-1"}
                if decision == "reject":
                    payload["feedback"] = "Handle quoted commas"
                status, reply = await anyio.to_thread.run_sync(lambda: board.decide(f"/api/{decision}", payload))
                assert status == 200, reply
            answer = results[0].structured_content
            if decision == "approve":
                assert answer["decision"] == "approved" and answer["unlocked"] == ["task-2"]
                assert answer["task"]["approvedBy"].startswith("person via board")
            else:
                assert answer["decision"] == "rejected"
                resumed = (await client.call_tool("get_next_task", {})).structured_content
                assert resumed["status"] == "resumed" and resumed["task"]["feedback"] == "Handle quoted commas"


async def test_without_a_wait_the_human_approver_still_refuses_and_names_the_board(server):
    async with Client(server("--approver", "human"), mode="legacy") as client:
        await first_task_done(client)
        refused = await client.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
        assert refused.is_error and refused.structured_content["error"]["code"] == "human_approval_required"
        assert "the person decides on the board" in refused.content[0].text
        ended = await client.call_tool(
            "approve_task_completion", {"requestId": "req-1", "taskId": "task-1", "waitSeconds": 1})
        assert ended.is_error and ended.structured_content["error"]["code"] == "approval_pending"
