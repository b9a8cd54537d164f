"""Finished work leaves the live file for the archive beside it, is never lost or doubled on the way
(SIGKILL at any point of the move), and is still shown, listed and found when asked for."""

import json
import random
import signal
import subprocess
import time

import pytest
from mcp import Client

pytestmark = pytest.mark.anyio

OLD = "2020-01-01T00:00:00.000Z"


async def finished_and_live(client):
    """req-1 completed (its task reported with "quoted fields"), req-2 still active."""
    await client.call_tool("request_planning", {"originalRequest": "Old work", "tasks": [
        {"title": "Parser", "description": "Parse CSV"}]})
    await client.call_tool("get_next_task", {})
    await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1",
                                              "completedDetails": "Handles quoted fields"})
    await client.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
    await client.call_tool("approve_request_completion", {"requestId": "req-1"})
    await client.call_tool("request_planning", {"originalRequest": "New work", "tasks": [
        {"title": "Exporter", "description": "Write CSV"}]})


def age(state, *request_ids):
    """Makes the named completed requests look finished long ago, as a hand edit would."""
    document = json.loads(state.read_text())
    for request in document["requests"]:
        if request["id"] in request_ids:
            request["completedAt"] = OLD
    state.write_text(json.dumps(document))


async def test_finished_work_moves_to_the_archive_and_is_still_shown(server, server_binary, tmp_path):
    state = tmp_path / "state.json"
    archive = tmp_path / "state.archive.jsonl"
    async with Client(server()) as client:
        await finished_and_live(client)
    age(state, "req-1")
    async with Client(server()) as client:
        # Any change moves what finished before the retention.
        await client.call_tool("update_task", {"requestId": "req-2", "taskId": "task-2", "title": "Exporter v2"})
        assert [request["id"] for request in json.loads(state.read_text())["requests"]] == ["req-2"]
        lines = archive.read_text().splitlines()
        assert len(lines) == 1 and json.loads(lines[0])["request"]["id"] == "req-1"
        listed = (await client.call_tool("list_requests", {})).structured_content["requests"]
        assert [request["id"] for request in listed] == ["req-2"]
        listed = (await client.call_tool("list_requests", {"archived": True})).structured_content["requests"]
        assert [request["id"] for request in listed] == ["req-2", "req-1"]
        details = await client.call_tool("open_task_details", {"taskId": "task-1"})
        assert details.structured_content["task"]["completedDetails"] == "Handles quoted fields"
        assert "Archived at" in details.content[0].text
        found = (await client.call_tool("search_tasks", {"query": "QUOTED"})).structured_content["matches"]
        assert [(match["taskId"], match["archived"], match["field"]) for match in found] == [
            ("task-1", True, "completedDetails")]
        # Ids are never reused: the counters stayed in the live file.
        planned = await client.call_tool("request_planning", {"originalRequest": "Next", "tasks": [
            {"title": "T", "description": "d"}]})
        assert planned.structured_content["requestId"] == "req-3"

    def command(*words):
        shown = subprocess.run([server_binary, *words, "--state", str(state)], capture_output=True, text=True,
                               timeout=30)
        assert shown.returncode == 0, shown.stderr
        return shown.stdout

    assert "req-1 is archived" in command("status", "req-1")
    assert "Old work" in command("export", "req-1", "--format", "markdown")
    assert "Old work" in command("export", "--archived", "--format", "markdown")
    assert "Old work" not in command("export", "--format", "markdown")
    from board import running_board
    with running_board(server_binary, state) as board:
        view = board.sign_in().state()
        assert view["archivedCount"] == 1 and view["archived"][0]["id"] == "req-1"
        assert [request["id"] for request in view["requests"]] == ["req-2", "req-3"]
    assert "Archived: 1 request" in command("status", "--archived")
    assert "Handles quoted fields" in command("show", "task-1")
    assert "req-1 (archived)" in command("search", "quoted")


def test_a_request_is_in_exactly_one_file_whenever_the_move_is_killed(server_binary, tmp_path):
    generator = random.Random(18)
    for round_number in range(30):
        folder = tmp_path / f"round-{round_number}"
        folder.mkdir()
        state = folder / "state.json"
        # Ten completed requests, finished long ago, and one live one.
        requests = []
        for number in range(1, 11):
            requests.append({"id": f"req-{number}", "originalRequest": f"Done {number}", "status": "completed",
                             "approvalPolicy": "each", "createdAt": OLD, "updatedAt": OLD, "completedAt": OLD,
                             "completedBy": "agent", "tasks": []})
        requests.append({"id": "req-11", "originalRequest": "Live", "status": "active", "approvalPolicy": "each",
                         "createdAt": OLD, "updatedAt": OLD, "tasks": [
                             {"id": "task-1", "title": "T", "description": "d", "status": "pending", "dependsOn": [],
                              "priority": "medium", "history": []}]})
        state.write_text(json.dumps({"schemaVersion": 3, "revision": 1, "nextRequestNumber": 12, "nextTaskNumber": 2,
                                     "nextRunNumber": 1, "requests": requests, "runs": []}))
        server = subprocess.Popen([server_binary, "--state", str(state)], stdin=subprocess.PIPE,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
        call = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {
            "name": "update_task", "arguments": {"requestId": "req-11", "taskId": "task-1", "title": "T2"},
            "_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
                      "io.modelcontextprotocol/clientCapabilities": {}}}}
        server.stdin.write(json.dumps(call) + "\n")
        server.stdin.flush()
        time.sleep(generator.uniform(0, 0.02))
        server.send_signal(signal.SIGKILL)
        server.wait()
        server.stdin.close()

        live = {request["id"] for request in json.loads(state.read_text())["requests"]}
        archive = folder / "state.archive.jsonl"
        archived = set()
        if archive.exists():
            for line in archive.read_text().splitlines():
                try:
                    archived.add(json.loads(line)["request"]["id"])
                except (json.JSONDecodeError, KeyError):
                    pass  # a line a kill cut short: its request is still live
        seen = live | (archived - live)
        assert seen == {f"req-{number}" for number in range(1, 12)}, (round_number, live, archived)
        # What a reader sees: each request once (the orchestrator's own reading, through the CLI).
        shown = subprocess.run([server_binary, "status", "--archived", "--state", str(state)], capture_output=True,
                               text=True, timeout=30)
        assert shown.returncode == 0, shown.stderr
        if archived - live:
            assert f"Archived: {len(archived - live)} request" in shown.stdout
        else:
            assert "Nothing is archived yet" in shown.stdout


async def test_list_requests_is_paged(server, tmp_path):
    state = tmp_path / "state.json"
    requests = [{"id": f"req-{number}", "originalRequest": f"Request {number}", "status": "completed",
                 "approvalPolicy": "each", "createdAt": OLD, "updatedAt": OLD, "completedAt": OLD,
                 "completedBy": "agent", "tasks": []} for number in range(1, 61)]
    state.write_text(json.dumps({"schemaVersion": 3, "revision": 1, "nextRequestNumber": 61, "nextTaskNumber": 1,
                                 "nextRunNumber": 1, "requests": requests, "runs": []}))
    async with Client(server()) as client:
        # A change archives all sixty; the archived list then comes in pages of fifty.
        await client.call_tool("request_planning", {"originalRequest": "Live", "tasks": [{"title": "T", "description": "d"}]})
        first = (await client.call_tool("list_requests", {"archived": True})).structured_content
        assert len(first["requests"]) == 50 and first["requests"][0]["id"] == "req-61"
        second = (await client.call_tool("list_requests", {"archived": True, "cursor": first["nextCursor"]}))
        assert [request["id"] for request in second.structured_content["requests"]][-1] == "req-60"
        assert len(second.structured_content["requests"]) == 11 and "nextCursor" not in second.structured_content
        refused = await client.call_tool("list_requests", {"cursor": "page-2"})
        assert refused.is_error and refused.structured_content["error"]["code"] == "invalid_cursor"
