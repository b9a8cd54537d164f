"""Search finds what a person remembers, through the binary: the person's `search` with several words
and the agent's `search_tasks`, over every text a task carries, its history and its request's."""

import subprocess

import pytest
from mcp import Client

pytestmark = pytest.mark.anyio


async def test_words_in_any_order_accents_aside_over_history_and_request_text(server, server_binary, tmp_path):
    state = tmp_path / "state.json"
    async with Client(server()) as client:
        await client.call_tool("request_planning", {"originalRequest": "Prometheus observability for the shop", "tasks": [
            {"title": "Export counters", "description": "Expose /metrics for the Go handlers."},
            {"title": "Café menu", "description": "Prices for the crème brûlée."}]})
        await client.call_tool("get_next_task", {})
        await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1",
                                                  "completedDetails": "Used a histogram for latency."})
        await client.call_tool("reject_task", {"requestId": "req-1", "taskId": "task-1",
                                               "feedback": "Counters, not histograms."})
        found = (await client.call_tool("search_tasks", {"query": "LATENCY histogram"})).structured_content["matches"]
        assert [(m["taskId"], m["field"]) for m in found] == [("task-1", "history")], found

    def search(*words):
        return subprocess.run([server_binary, "search", *words, "--state", str(state)], capture_output=True,
                              text=True, timeout=30)

    go = search("metrics", "Go")
    assert go.returncode == 0 and "task-1" in go.stdout and "task-2" not in go.stdout, go.stdout
    cafe = search("cafe", "creme")
    assert "task-2" in cafe.stdout and "task-1" not in cafe.stdout, cafe.stdout
    shop = search("prometheus")
    assert [line.split()[0] for line in shop.stdout.splitlines()[2:]] == ["task-1", "task-2"], shop.stdout
    none = search("metrics", "kubernetes")
    assert none.returncode == 0 and none.stdout == 'No task mentions every word of "metrics kubernetes".\n'
    bare = search()
    assert bare.returncode == 64 and "expected WORD..., got nothing" in bare.stderr
