"""Only the person passes a gate (issue 26): what an agent with a shell tries, through the real binary."""

import os
import re
import subprocess

import pytest
from mcp import Client

from person_terminal import PersonProcess, run_as_person

pytestmark = pytest.mark.anyio

ONE_TASK = [{"title": "One", "description": "d"}]


async def finish_one(client):
    await client.call_tool("request_planning", {"originalRequest": "R", "tasks": ONE_TASK})
    await client.call_tool("get_next_task", {})
    await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "done"})


async def test_the_agent_cannot_start_a_board_while_a_plan_waits_for_the_person(server, server_binary, tmp_path):
    state = str(tmp_path / "state.json")
    async with Client(server("--approver", "human")) as client:
        await finish_one(client)
        started = subprocess.run([server_binary, "board", "--state", state], capture_output=True, text=True,
                                 stdin=subprocess.DEVNULL, timeout=60)
        assert started.returncode == 77, started.stderr
        assert "the board decides for the person, and req-1 waits for the person's approval" in started.stderr
        assert f"(pid {os.getpid()})" in started.stderr
        assert started.stderr.endswith("; start the board from your own terminal.\n"), started.stderr
        served = subprocess.run([server_binary, "serve", "--http", "127.0.0.1:0", "--approver", "human",
                                 "--state", state], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        assert served.returncode == 77, served.stderr
        assert not re.search(r"token=[0-9a-f]{16}", served.stderr), "no deciding token is printed"
        # The same rule as the board's: without --approver human, the waiting plan still keeps it shut.
        plain = subprocess.run([server_binary, "serve", "--http", "127.0.0.1:0", "--state", state],
                               capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        assert plain.returncode == 77 and "req-1 waits for the person's approval" in plain.stderr, plain.stderr


async def test_a_board_the_agent_starts_for_its_own_plans_does_not_decide_as_the_person(
        server, server_binary, tmp_path):
    async with Client(server()) as client:
        await finish_one(client)
        board = subprocess.Popen([server_binary, "board", "--state", str(tmp_path / "state.json")],
                                 stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
        try:
            said = "".join(board.stderr.readline() for _ in range(3))
            assert "decisions are recorded as agent via board" in said
            assert "this board's decisions are not the person's" in said
        finally:
            board.terminate()
            board.wait(timeout=10)
            board.stderr.close()
        # A plan handed to the person by anyone is then the person's alone.
        handed = subprocess.run([server_binary, "approver", "req-1", "human", "--state", str(tmp_path / "state.json")],
                                capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        assert handed.returncode == 0, handed.stderr
        refused = await client.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
        assert refused.is_error and refused.structured_content["error"]["code"] == "human_approval_required"
        back = subprocess.run([server_binary, "approver", "req-1", "agent", "--state", str(tmp_path / "state.json")],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        assert back.returncode == 77
        status, said = run_as_person(
            [server_binary, "approver", "req-1", "agent", "--state", str(tmp_path / "state.json")])
        assert status == 0, said
        approved = await client.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
        assert not approved.is_error
